import { Readable } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, tokenUser } from '../../src/accounts/index.ts';
import { NOT_BACKED_UP, readLines, restoreBackup, writeBackup } from '../../src/core/backup/index.ts';
import { type Db, ValidationError } from '../../src/core/index.ts';
import { SearchQuery, search } from '../../src/search/index.ts';
import { available, DRIVERS, type StoreDriver } from '../helpers/stores.ts';
import type { TemplateName } from '../helpers/templates.ts';
import { actors } from '../helpers/tracker.ts';

/** Every backed-up table of a store as sorted JSON rows, so two stores can be compared whole. */
async function contents(db: Db): Promise<Map<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    if ((NOT_BACKED_UP as readonly string[]).includes(name)) continue;
    const rows = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t`);
    out.set(name, rows.map((r) => r.row).sort());
  }
  return out;
}

async function backupOf(db: Db): Promise<string[]> {
  const lines: string[] = [];
  await writeBackup(db, (l) => {
    lines.push(l);
  });
  return lines;
}

async function* numbered(lines: string[]) {
  for (const [i, text] of lines.entries()) yield { text, line: i + 1 };
}

async function refusal(db: Db, lines: string[]): Promise<ValidationError> {
  const e = await restoreBackup(db, 'store.jsonl.gz', numbered(lines)).catch((x) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

async function rowCount(db: Db): Promise<number> {
  let n = 0;
  for (const rows of (await contents(db)).values()) n += rows.length;
  return n;
}

const runnable: StoreDriver[] = [];
for (const d of DRIVERS) if (await available(d)) runnable.push(d);
const drivers = Object.fromEntries(runnable.map((d) => [d.name, d])) as Record<string, StoreDriver>;

describe('backup and restore', () => {
  const opened: (() => Promise<void>)[] = [];
  const open = async (d: StoreDriver, template?: TemplateName) => {
    const s = await d.open(template);
    opened.push(s.drop);
    return s.db;
  };
  let source: Db;
  let lines: string[];
  let before: Map<string, string[]>;
  let secret: string;

  beforeAll(async () => {
    source = await open(drivers.pglite!, 'seeded');
    const users = await actors(source);
    ({ secret } = await source.transaction((tx) => createToken(tx, users.ada, 'nightly export')));
    lines = await backupOf(source);
    before = await contents(source);
  });
  afterAll(async () => {
    for (const drop of opened) await drop();
  });

  it('holds a header and one line per row of every table but the bookkeeping ones', async () => {
    const header = JSON.parse(lines[0]!);
    expect(header.format).toBe('entente-backup');
    const rows = header.tables.reduce((a: number, t: { rows: number }) => a + t.rows, 0);
    expect(lines.length - 1).toBe(rows);
    expect(rows).toBe(await rowCount(source));
    const named = new Set(header.tables.map((t: { name: string }) => t.name));
    for (const t of ['users', 'api_tokens', 'audit_log', 'assessments', 'item_links', 'recommendations'])
      expect(named).toContain(t);
    for (const t of NOT_BACKED_UP) expect(named).not.toContain(t);
  });

  for (const target of runnable) {
    it(`restores into an empty ${target.name} store: every row equal, tokens valid, ids go on`, async () => {
      const db = await open(target);
      const report = await restoreBackup(db, 'store.jsonl.gz', numbered(lines));
      expect(report.rows).toBe(lines.length - 1);
      expect(await contents(db)).toEqual(before);
      // The hashed token still signs its owner in, and a new user takes the next id, not an old one.
      expect((await tokenUser(db, secret))?.username).toBe('ada');
      const [next] = await db.query<{ id: number }>(
        `INSERT INTO users (username, display_name, role, password_hash)
         VALUES ('newcomer', 'Newcomer', 'viewer', 'x') RETURNING id`,
      );
      const [max] = await source.query<{ id: number }>('SELECT max(id)::int AS id FROM users');
      expect(next!.id).toBeGreaterThan(max!.id);
      // Search finds restored records, and a record edited after the restore is found by its new words.
      expect((await search(db, SearchQuery.parse({ q: 'LNG' }))).total).toBeGreaterThan(0);
      await db.exec(
        "UPDATE recommendations SET title = 'Zyzzyva procurement' WHERE id = (SELECT min(id) FROM recommendations)",
      );
      expect((await search(db, SearchQuery.parse({ q: 'zyzzyva' }))).total).toBe(1);
    });
  }

  it.skipIf(!drivers.pg)('makes the round trip embedded → PostgreSQL → embedded unchanged', async () => {
    const pg = await open(drivers.pg!);
    await restoreBackup(pg, 'a', numbered(lines));
    const again = await backupOf(pg);
    expect(JSON.parse(again[0]!).driver).toBe('pg');
    const back = await open(drivers.pglite!);
    await restoreBackup(back, 'b', numbered(again));
    expect(await contents(back)).toEqual(before);
  });

  // The file as the command reads it: a gzip stream in small chunks, lines split across them.
  const asFileBytes = (bytes: Buffer) =>
    readLines(Readable.from(chunks(gzipSync(bytes), 4096)).pipe(createGunzip()), 64 * 1024);
  const asFile = (text: string) => asFileBytes(Buffer.from(text));
  function* chunks(b: Buffer, size: number) {
    for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
  }

  it('goes through gzip and the line reader as the command does', async () => {
    const db = await open(drivers.pglite!);
    await restoreBackup(db, 'f', asFile(`${lines.join('\n')}\n`));
    expect(await contents(db)).toEqual(before);
  });

  describe('refuses, names the line, and leaves the store as it was', () => {
    let target: Db;
    beforeAll(async () => {
      target = await open(drivers.pglite!);
    });

    it('a line that is not UTF-8, or longer than the reader takes, at its line', async () => {
      const at = 5;
      const bytes = Buffer.from(`${lines.slice(0, at).join('\n')}\n`);
      const bad = Buffer.concat([bytes, Buffer.from([0x75, 0x73, 0xff, 0xfe, 0x0a])]);
      const e = await restoreBackup(target, 'f', asFileBytes(bad)).catch((x) => x);
      expect(e.problems[0]).toMatchObject({ code: 'bad_line', line: at + 1 });
      expect(e.problems[0].message).toMatch(/not valid UTF-8/);
      const long = `${lines.slice(0, at).join('\n')}\nusers\t{"x":"${'y'.repeat(70 * 1024)}"}\n`;
      const tooLong = await restoreBackup(target, 'f', asFile(long)).catch((x) => x);
      expect(tooLong.problems[0]).toMatchObject({ code: 'bad_line', line: at + 1 });
      expect(tooLong.problems[0].message).toMatch(/longer than/);
      expect(await rowCount(target)).toBe(0);
    });

    it('a store that holds rows', async () => {
      const e = await refusal(source, lines);
      expect(e.problems[0]!.code).toBe('store_not_empty');
      expect(await contents(source)).toEqual(before);
    });

    it('a file that is not a backup', async () => {
      const e = await refusal(target, ['papers:', '  - id: x']);
      expect(e.problems[0]).toMatchObject({ code: 'not_a_backup', line: 1 });
      const h = JSON.parse(lines[0]!);
      const wrong = await refusal(target, [
        JSON.stringify({ ...h, format: 'other', tables: 'x' }),
        ...lines.slice(1),
      ]);
      expect(wrong.problems.map((p) => p.field).sort()).toEqual(['format', 'tables']);
    });

    it('a backup of another schema', async () => {
      const h = JSON.parse(lines[0]!);
      const older = { ...h, migrations: h.migrations.slice(0, -1) };
      const e = await refusal(target, [JSON.stringify(older), ...lines.slice(1)]);
      expect(e.problems[0]).toMatchObject({ code: 'schema_mismatch', field: 'migrations' });
    });

    it('a truncated backup, naming the table short of rows', async () => {
      const cut = lines.slice(0, Math.floor(lines.length / 2));
      const e = await refusal(target, cut);
      expect(e.problems[0]!.code).toBe('row_count');
      expect(await rowCount(target)).toBe(0);
    });

    it('a damaged row, at its line', async () => {
      const at = Math.floor(lines.length * 0.7);
      const damaged = [...lines];
      damaged[at] = `${damaged[at]!.split('\t')[0]}\t{"id": oops}`;
      const e = await refusal(target, damaged);
      expect(e.problems[0]).toMatchObject({ code: 'bad_row', line: at + 1 });
      expect(await rowCount(target)).toBe(0);
    });

    it('rows of a table out of the header order', async () => {
      const swapped = [lines[0]!, lines.at(-1)!, ...lines.slice(1, -1)];
      const e = await refusal(target, swapped);
      expect(e.problems[0]!.line).toBeGreaterThan(1);
      expect(['row_count', 'table_order']).toContain(e.problems[0]!.code);
    });

    it('a row the store cannot take rolls the whole restore back', async () => {
      const bad = lines.map((l) =>
        l.startsWith('users\t') && l.includes('"ada"') ? l.replace('"admin"', '"emperor"') : l,
      );
      expect(bad).not.toEqual(lines);
      const e = await refusal(target, bad);
      expect(e.problems[0]).toMatchObject({ code: 'row_refused', field: 'users' });
      expect(e.problems[0]!.message).toMatch(/check constraint/);
      expect(await rowCount(target)).toBe(0);
      // The failed attempt left nothing behind: the good backup still restores.
      await restoreBackup(target, 'f', numbered(lines));
      expect(await contents(target)).toEqual(before);
    });
  });
});
