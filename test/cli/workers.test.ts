import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/accounts/index.ts';
import { openPostgres } from '../../src/core/index.ts';
import { createDatabase, databaseUrl, PG_URL, postgresReachable } from '../helpers/stores.ts';
import { pgTemplate } from '../helpers/templates.ts';
import { actors, Client } from '../helpers/tracker.ts';

// Several real server processes on one PostgreSQL database: what one commits, every other serves at
// the next request, and the login limits count across them. CI has PostgreSQL, so this never skips
// there (postgresReachable fails the run instead).
const runnable = await postgresReachable();

const ITEM = 'camp-david-missile-warning-data-sharing';

interface Server {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

const started: ChildProcess[] = [];

/** Starts `entente serve` with `args` on database `url` and resolves once it announces its address. */
function serve(url: string, args: string[] = [], options: { ownGroup?: boolean } = {}): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'entente-workers-'));
  const child = spawn('node', ['bin/entente.js', 'serve', '--port', '0', ...args], {
    env: { ...process.env, DATABASE_URL: url, ENTENTE_DATA: dataDir },
    // In a process group of its own, as in a terminal, so that Ctrl-C can be sent to the group.
    detached: options.ownGroup ?? false,
  });
  started.push(child);
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = /serving on (http:\/\/[\d.]+:\d+)\//.exec(stdout);
      if (m) resolve({ child, url: m[1]!, stdout: () => stdout, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`entente serve exited with ${code}: ${stderr}`)));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

/** A client of one server process, as a browser would use it (cookies kept, redirects not followed). */
const through = (s: Server) =>
  new Client({
    request: (p: string, init?: RequestInit) => fetch(`${s.url}${p}`, { ...init, redirect: 'manual' }),
  } as unknown as ConstructorParameters<typeof Client>[0]);

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!runnable)('several server processes on one PostgreSQL database', () => {
  let name: string;
  let url: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    name = await createDatabase(pgTemplate('seeded'));
    url = databaseUrl(name);
    const db = await openPostgres(url);
    try {
      const users = await actors(db);
      for (const u of ['erin', 'ed'] as const)
        tokens[u] = (await createToken(db, users[u], 'workers test')).secret;
    } finally {
      await db.close();
    }
  });

  afterEach(async () => {
    for (const c of started.splice(0)) {
      c.kill('SIGTERM');
      await exited(c);
    }
  });

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('serves through one process an assessment published through another, at the next request', async () => {
    const [a, b] = await Promise.all([serve(url), serve(url)]);
    const rationale = `Seen by the other process ${randomBytes(4).toString('hex')}`;
    // B has the item's page and API answer in its cache before the write.
    const before = await fetch(`${b.url}/items/${ITEM}`);
    const oldTag = before.headers.get('ETag');
    expect(await before.text()).not.toContain(rationale);
    expect(await (await fetch(`${b.url}/api/items/${ITEM}/assessments`)).text()).not.toContain(rationale);

    const api = async (who: string, p: string, body: unknown) => {
      const res = await fetch(`${a.url}/api${p}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return (await res.json()) as { id: string; version: number; state: string };
    };
    const draft = await api('erin', `/items/${ITEM}/assessments`, {
      as_of: '2023-12-19',
      implementation: 3,
      rationale,
      evidence: [{ title: 'Joint press statement', publisher: 'DoD', quote: 'fully activated' }],
    });
    const inReview = await api('erin', `/assessments/${draft.id}/submit`, { version: draft.version });
    const published = await api('ed', `/assessments/${draft.id}/publish`, { version: inReview.version });
    expect(published.state).toBe('published');

    const page = await fetch(`${b.url}/items/${ITEM}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(rationale);
    const answer = await (await fetch(`${b.url}/api/items/${ITEM}/assessments`)).text();
    expect(answer).toContain(rationale);
    // A browser holding the page from before the write is not told that its copy is still fresh.
    expect(oldTag).toBeTruthy();
    const revalidated = await fetch(`${b.url}/items/${ITEM}`, { headers: { 'If-None-Match': oldTag! } });
    expect(revalidated.status).toBe(200);
  });

  it('counts five wrong passwords sent through one process against a login through another', async () => {
    const [a, b] = await Promise.all([serve(url), serve(url)]);
    const guesser = through(a);
    for (let i = 0; i < 5; i++) expect((await guesser.logIn('ed', 'wrong password!')).status).toBe(401);
    const owner = through(b);
    const res = await owner.logIn('ed');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another account from the same address is not locked by five failures.
    expect((await through(b).logIn('erin')).status).toBe(303);
  });

  it('runs --workers 2 as two processes on one port, restarts one that dies, and stops all on SIGTERM', async () => {
    const s = await serve(url, ['--workers', '2']);
    const pids = /worker processes: (\d+), (\d+)/.exec(s.stdout())?.slice(1).map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids!) expect(running(pid)).toBe(true);

    // Every request is answered while both work, whichever worker takes it.
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${s.url}/tracker`).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(8).fill(200));

    process.kill(pids![0]!, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    while (!/A new worker \(process \d+\) is serving/.test(s.stderr()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(s.stderr()).toMatch(
      new RegExp(`Worker process ${pids![0]} was stopped by SIGKILL; starting another`),
    );
    const replacement = Number(/A new worker \(process (\d+)\) is serving/.exec(s.stderr())?.[1]);
    expect(running(replacement)).toBe(true);
    expect((await fetch(`${s.url}/tracker`)).status).toBe(200);

    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
    expect(running(pids![1]!)).toBe(false);
    expect(running(replacement)).toBe(false);
  });

  it('stops every worker on Ctrl-C (SIGINT to the whole process group) without starting new ones', async () => {
    const s = await serve(url, ['--workers', '2'], { ownGroup: true });
    const pids = /worker processes: (\d+), (\d+)/.exec(s.stdout())?.slice(1).map(Number);
    expect(pids).toHaveLength(2);
    process.kill(-s.child.pid!, 'SIGINT');
    expect(await exited(s.child)).toBe(0);
    expect(s.stderr()).not.toMatch(/starting another/);
    for (const pid of pids!) expect(running(pid)).toBe(false);
  });
});

describe('--workers on the embedded store', () => {
  it('refuses more than one process, saying why and what to do', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'entente-workers-'));
    try {
      const child = spawn('node', ['bin/entente.js', 'serve', '--port', '0', '--workers', '2'], {
        env: { ...process.env, DATABASE_URL: '', ENTENTE_DATA: dataDir },
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      expect(await exited(child)).not.toBe(0);
      expect(stderr).toMatch(/--workers 2 needs PostgreSQL/);
      expect(stderr).toMatch(/Set DATABASE_URL/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
