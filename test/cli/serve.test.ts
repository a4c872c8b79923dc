import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `entente serve` as a user would and resolves with its address once it listens. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; stderr: string }> {
  child = spawn('node', ['bin/entente.js', 'serve', '--port', '0'], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child!.stderr!.on('data', (d) => {
      stderr += d;
    });
    child!.stdout!.on('data', (d) => {
      stdout += d;
      const m = /serving on (http:\/\/[\d.]+:\d+)\//.exec(stdout);
      if (m) resolve({ url: m[1]!, stderr });
    });
    child!.on('exit', (code) => reject(new Error(`entente serve exited with ${code}: ${stderr}`)));
  });
}

describe('entente serve', () => {
  it('creates the data folder, imports the bundled datasets on first start, then serves them', async () => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'entente-serve-')), 'data');
    const { url, stderr } = await serve({ ENTENTE_DATA: dataDir, DATABASE_URL: '' });
    expect(stderr).toMatch(/First start: importing the bundled record/);
    expect(existsSync(path.join(dataDir, 'records'))).toBe(true);
    const home = await (await fetch(`${url}/`)).text();
    expect(home).toContain('Redesigning Korea-Japan Relations');
    const recs = (await (await fetch(`${url}/api/recommendations`)).json()) as unknown[];
    expect(recs.length).toBeGreaterThan(15);
    // The second bundled partnership is imported beside it, and listed in the header.
    expect(stderr).toMatch(/importing the bundled record from .*us-japan-korea/);
    expect(home).toContain('href="/d/us-japan-korea/"');
    const tri = await fetch(`${url}/d/us-japan-korea/tracker`);
    expect(tri.status).toBe(200);
    expect(await tri.text()).toContain('tri-camp-david');
    child!.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));

    // A second start finds the record in place and does not import again.
    const again = await serve({ ENTENTE_DATA: dataDir, DATABASE_URL: '' });
    expect(again.stderr).not.toMatch(/First start/);
  });
});
