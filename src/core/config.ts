import path from 'node:path';
import { defaultCacheDir } from './empty-store.ts';

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
  /** Whether a reverse proxy in front sets `X-Forwarded-For` (`ENTENTE_TRUST_PROXY=1`). @default false */
  trustProxy: boolean;
  /**
   * The site's public address (`ENTENTE_BASE_URL`, e.g. `https://entente.example.org`), used for
   * absolute links in feeds and downloads. @default `http://<host>:<port>` of `entente serve`
   */
  baseUrl?: string;
  /**
   * The address readers reach the site at (e.g. `https://entente.example.org`), used in citations
   * of papers that have no publisher's page. @default unset: the address a request came to, unless
   * that is a local one
   */
  publicUrl?: string;
  /** Memory of the read cache of `entente serve`, in MB; 0 turns it off. @default 64 */
  cacheMb: number;
  /**
   * Folder where Entente keeps what it can make again, to skip the work next time: the copy of a
   * migrated empty store that a new data folder starts from, and the parsed values of dataset files
   * (`ENTENTE_CACHE_DIR`, `off` for none).
   * @default `node_modules/.cache/entente` beside the installed PGlite
   */
  cacheDir?: string;
}

function readFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const v = (env[name] ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no'].includes(v)) return false;
  if (['1', 'true', 'yes'].includes(v)) return true;
  throw new Error(`${name} must be 1 or 0 (true or false), got "${env[name]}"`);
}

function readBaseUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ENTENTE_BASE_URL must be an absolute http(s) address, got "${raw}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash)
    throw new Error(
      `ENTENTE_BASE_URL must be an http(s) address without query or fragment, e.g. https://entente.example.org, got "${raw}"`,
    );
  return url.origin;
}

function readCacheDir(raw: string | undefined): string | undefined {
  if (raw?.trim().toLowerCase() === 'off') return undefined;
  return raw ? path.resolve(raw) : defaultCacheDir();
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
  const cacheMb = Number(env.ENTENTE_CACHE_MB ?? 64);
  if (!Number.isFinite(cacheMb) || cacheMb < 0) {
    throw new Error(
      `ENTENTE_CACHE_MB must be a number of megabytes (0 turns the cache off), got "${env.ENTENTE_CACHE_MB}"`,
    );
  }
  const dataDir = path.resolve(env.ENTENTE_DATA || '.entente');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    signalsPath: path.resolve(env.ENTENTE_SIGNALS || path.join(dataDir, 'signals.duckdb')),
    port,
    trustProxy: readFlag(env, 'ENTENTE_TRUST_PROXY'),
    baseUrl: readBaseUrl(env.ENTENTE_BASE_URL),
    publicUrl,
    cacheMb,
    cacheDir: readCacheDir(env.ENTENTE_CACHE_DIR),
  };
}
