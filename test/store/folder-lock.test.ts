import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError, openPglite } from '../../src/core/index.ts';

const PGLITE = new URL('../../src/core/pglite.ts', import.meta.url).href;

/** A second process holding the store in `dir` open until killed; resolves once it has opened it. */
function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `const { openPglite } = await import(${JSON.stringify(PGLITE)}); await openPglite(${JSON.stringify(dir)}); console.log('open'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('open') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
  });
}

describe('one process per embedded store folder', () => {
  let tmp: string | undefined;
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a second process, naming the PID that holds the folder and what to do', async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'entente-lock-'));
    const dir = path.join(tmp, 'records');
    child = await holder(dir);
    const second = openPglite(dir);
    await expect(second).rejects.toThrow(CliError);
    await expect(second).rejects.toThrow(new RegExp(`in use by process ${child.pid}\\b.*DATABASE_URL`));
    // Once the holder is gone (even killed, leaving its lock behind) the folder opens again.
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(`${dir}.lock`)).toBe(true);
    const db = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(/in use by this process/);
    await db.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const again = await openPglite(dir);
    await again.close();
  }, 60_000);
});
