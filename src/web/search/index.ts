export { searchApi } from './api.ts';
export { searchRoutes } from './routes.tsx';
