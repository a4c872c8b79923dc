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
  /**
   * The address readers reach the site at (e.g. `https://entente.example.org`), used in citations
   * of papers that have no publisher's page. @default unset: the address a request came to, unless
   * that is a local one
   */
  publicUrl?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const publicUrl = env.ENTENTE_PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl)) {
    throw new Error(`ENTENTE_PUBLIC_URL must be an http(s) address, got "${publicUrl}"`);
  }
  const dataDir = path.resolve(env.ENTENTE_DATA || '.entente');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    signalsPath: path.resolve(env.ENTENTE_SIGNALS || path.join(dataDir, 'signals.duckdb')),
    port,
    publicUrl,
  };
}
