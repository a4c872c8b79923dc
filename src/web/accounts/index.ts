export { type Auth, type AuthOptions, createAuth } from './auth.ts';
export { accountsRoutes } from './routes.tsx';
