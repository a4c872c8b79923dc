export { opinionApi } from './api.ts';
export { groupCharts, Legend } from './chart-model.tsx';
export { opinionRoutes } from './routes.tsx';
