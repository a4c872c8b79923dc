import path from 'node:path';

/** Runtime settings, read once from the environment at the edge. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite store is used. */
  databaseUrl?: string;
  /** Folder of the embedded store and other local state. @default `./.entente` */
  dataDir: string;
  /** The signals warehouse (DuckDB file). @default `<dataDir>/signals.duckdb` */
  signalsPath: string;
  /** Port of `entente serve`. @default 3000 */
  port: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const dataDir = path.resolve(env.ENTENTE_DATA || '.entente');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    signalsPath: path.resolve(env.ENTENTE_SIGNALS || path.join(dataDir, 'signals.duckdb')),
    port,
  };
}
