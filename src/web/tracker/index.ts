export { trackerApi } from './api.ts';
export { briefRoutes } from './brief-routes.tsx';
export { trackerRoutes } from './routes.tsx';
