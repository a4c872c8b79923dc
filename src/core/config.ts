import path from 'node:path';

/** Runtime settings, read once from the environment at the edge. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite store is used. */
  databaseUrl?: string;
  /** Folder of the embedded store and other local state. @default `./.entente` */
  dataDir: string;
  /** Port of `entente serve`. @default 3000 */
  port: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.ENTENTE_DATA || '.entente'),
    port,
  };
}
