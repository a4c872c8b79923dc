// Entente runs from its TypeScript sources. Transpiling them through tsx at every start, each of
// some thousand imports resolved through its loader, was most of what `entente --help` and the
// first page waited for. So the sources are bundled once (esbuild, which tsx itself uses) into the
// cache folder, under a digest of every source file's size and time: a changed file makes another
// bundle, and the command runs from the sources whenever no bundle can be made.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SOURCE = /\.(ts|tsx|sql|json)$/;

/** The digest of the sources: the size and modification time of every file under src/. */
function sourcesDigest(root) {
  const digest = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (SOURCE.test(entry.name)) {
        const s = statSync(file);
        digest.update(`${file}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(root, 'src'));
  for (const file of ['package.json', 'tsconfig.json', 'bin/bundle.js']) {
    digest.update(`${file}:${readFileSync(path.join(root, file), 'utf8')}\n`);
  }
  return digest.digest('hex').slice(0, 16);
}

/**
 * Each source's `import.meta.url` becomes its own file's address, not the bundle's: the sources find
 * their data, migrations and packages from where they are.
 */
const ownAddress = {
  name: 'own-address',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: args.path.endsWith('x') ? 'tsx' : 'ts',
    }));
  },
};

/** Bundles kept: the newest few, so that a server started from an older one still finds its parts. */
const KEEP = 5;

/**
 * The bundle's folder: inside the project's node_modules whatever ENTENTE_CACHE_DIR says, since the
 * bundle imports its packages from there; none with ENTENTE_CACHE_DIR=off.
 */
function cacheFolder(root) {
  if ((process.env.ENTENTE_CACHE_DIR ?? '').trim().toLowerCase() === 'off') return undefined;
  return path.join(root, 'node_modules', '.cache', 'entente');
}

function forgetOldBundles(cache) {
  const bundles = readdirSync(cache)
    .filter((name) => /^cli-[0-9a-f]{16}$/.test(name))
    .map((name) => ({ name, time: statSync(path.join(cache, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of bundles.slice(KEEP)) rmSync(path.join(cache, old.name), { recursive: true, force: true });
}

/** The bundled command line's entry file, made first if need be; undefined when none can be made. */
export async function bundledCli(root) {
  const cache = cacheFolder(root);
  if (!cache) return undefined;
  try {
    const dir = path.join(cache, `cli-${sourcesDigest(root)}`);
    const entry = path.join(dir, 'main.mjs');
    if (existsSync(entry)) return entry;
    const { build } = await import('esbuild');
    const tmp = `${dir}.${process.pid}.tmp`;
    await build({
      entryPoints: { main: path.join(root, 'src/cli/main.ts') },
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      tsconfig: path.join(root, 'tsconfig.json'),
      plugins: [ownAddress],
      logLevel: 'silent',
    });
    // Renamed whole: a process starting at the same time finds the whole bundle or none.
    mkdirSync(cache, { recursive: true });
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true });
    }
    forgetOldBundles(cache);
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}
