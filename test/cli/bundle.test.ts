import { execFile } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCli } from '../../bin/bundle.js';

const run = promisify(execFile);
const ROOT = path.resolve('.');

describe('entente runs from a bundle of its sources', () => {
  // A copy of the project (sources, data, bin; node_modules linked), so that a source can change.
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'entente-bundle-'));
    for (const part of ['src', 'data', 'bin', 'package.json', 'tsconfig.json']) {
      cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
    }
    // Its own node_modules, where the bundles go, each package in it a link to the project's.
    mkdirSync(path.join(root, 'node_modules'));
    for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
      if (name !== '.cache')
        symlinkSync(path.join(ROOT, 'node_modules', name), path.join(root, 'node_modules', name));
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const entente = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run('node', [path.join(root, 'bin/entente.js'), ...args], {
      cwd: tmpdir(),
      env: { ...process.env, ENTENTE_DATA: path.join(root, 'state'), DATABASE_URL: '', ...env },
    });

  it('makes the bundle once, keeps it while the sources stay the same, and finds data beside the sources', async () => {
    const entry = await bundledCli(root);
    expect(entry).toMatch(new RegExp(`^${root}/node_modules/\\.cache/entente/cli-[0-9a-f]{16}/main\\.mjs$`));
    expect(await bundledCli(root)).toBe(entry);
    // validate with no folder reads the bundled record, found from the source's own address.
    const { stdout } = await entente(['validate']);
    expect(stdout).toMatch(new RegExp(`^${path.join(root, 'data/korea-japan')}: \\d+ files, no problems\n$`));
  });

  it('makes another bundle when a source changes, which runs the changed source', async () => {
    const before = await bundledCli(root);
    appendFileSync(path.join(root, 'src/cli/main.ts'), "\nprocess.stderr.write('changed\\n');\n");
    const after = await bundledCli(root);
    expect(after).not.toBe(before);
    expect(existsSync(after!)).toBe(true);
    const { stdout, stderr } = await entente(['--help']);
    expect(stdout).toMatch(/^Usage: entente /);
    expect(stderr).toBe('changed\n');
  });

  it('runs from the sources through tsx with ENTENTE_CACHE_DIR=off', async () => {
    rmSync(path.join(root, 'node_modules/.cache'), { recursive: true, force: true });
    const { stdout } = await entente(['validate'], { ENTENTE_CACHE_DIR: 'off' });
    expect(stdout).toMatch(/korea-japan: \d+ files, no problems\n$/);
    expect(existsSync(path.join(root, 'node_modules/.cache/entente'))).toBe(false);
  });
});
