import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli/program.ts';
import { nearest, runCli } from '../../src/cli/run.ts';
import { CliError, readConfig } from '../../src/core/index.ts';
import { type CliSession, cliSession } from '../helpers/cli.ts';
import { BUNDLED, copyDataset, edit, MINI } from '../helpers/datasets.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/entente.js');

let dataDir: string;
let out: string[];
let err: string[];
let entente: CliSession['entente'];
let cleanup: CliSession['cleanup'];
beforeEach(() => {
  ({ dataDir, out, err, entente, cleanup } = cliSession('entente-cli-'));
});
afterEach(() => cleanup());

describe('entente (in process)', () => {
  it('validate accepts a valid folder', async () => {
    await entente('validate', MINI);
    expect(out).toEqual([`${MINI}: 8 files, no problems`]);
  });

  it('validate with no folder checks the bundled record', async () => {
    await entente('validate');
    expect(out).toEqual([`${BUNDLED}: ${out[0]!.split(': ')[1]}`]);
    expect(out[0]).toMatch(/: \d+ files, no problems$/);
  });

  it('validate lists every problem with file:line: field and fails', async () => {
    const dir = copyDataset(MINI);
    const paper = path.join(dir, 'papers/2025-skj-08-introduction.yaml');
    edit(paper, 'format: trilateral', 'format: trilaterall');
    const milestone = path.join(dir, 'milestones/1965-06-22-treaty-on-basic-relations.yaml');
    edit(milestone, 'date: 1965-06-22', 'date: 1965-02-30');
    const e = await entente('validate', dir).catch((x) => x);
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toMatch(/2 problems in 8 files; nothing was imported/);
    expect(err).toEqual([
      `${paper}:31: recommendations.0.format: Invalid option: expected one of "unilateral"|"bilateral"|"trilateral"|"minilateral"|"multilateral"`,
      `${milestone}:2: date: is not a calendar date`,
    ]);
  });

  it('validate accepts the bundled record, and names file:line of one broken field in a copy', async () => {
    await entente('validate', BUNDLED);
    expect(out.at(-1)).toMatch(/: \d+ files, no problems$/);
    const dir = copyDataset(BUNDLED);
    const file = path.join(dir, 'milestones/2023-08-18-camp-david-summit.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('format: ')) + 1;
    edit(file, 'format: trilateral', 'format: three-way');
    await expect(entente('validate', dir)).rejects.toThrow(CliError);
    expect(err).toEqual([`${file}:${line}: format: ${err[0]!.split(': format: ')[1]}`]);
    expect(err[0]).toContain('Invalid option');
  });

  it('validate checks references once every file is well-formed', async () => {
    const dir = copyDataset(MINI);
    const paper = path.join(dir, 'papers/2025-skj-08-introduction.yaml');
    edit(paper, 'contributor: jiyoung-ko', 'contributor: jiyoung-koh');
    edit(paper, '      - USA', '      - USSR');
    await expect(entente('validate', dir)).rejects.toThrow(CliError);
    expect(err).toEqual([
      `${paper}:25: recommendations.0.contributor: author "jiyoung-koh" is not in the dataset`,
      `${paper}:30: recommendations.0.parties.2: party "USSR" is not in the dataset`,
    ]);
  });

  it('import is idempotent and says so', async () => {
    await entente('import', MINI);
    expect(out.at(-1)).toBe(`${MINI}: imported as dataset mini (the default dataset; 21 rows written)`);
    expect(err.at(-1)).toBe('Importing mini: 21/21');
    out.length = 0;
    await entente('import', MINI);
    expect(out).toEqual([
      `${MINI}: the store already holds dataset mini (the default dataset); nothing changed`,
    ]);
  });

  it('import → export → import is lossless', async () => {
    await entente('import', MINI);
    const exported = path.join(dataDir, 'out');
    await entente('export', exported);
    for (const f of [
      'dataset.yaml',
      'papers/2025-skj-08-introduction.yaml',
      'surveys/eai-genron-joint-poll.yaml',
    ]) {
      expect(readFileSync(path.join(exported, f), 'utf8')).toBe(readFileSync(path.join(MINI, f), 'utf8'));
    }
    out.length = 0;
    await entente('import', exported);
    expect(out).toEqual([
      `${exported}: the store already holds dataset mini (the default dataset); nothing changed`,
    ]);
  });

  it('db migrate reports an up-to-date schema', async () => {
    await entente('db', 'migrate');
    expect(out).toEqual(['The store schema is up to date.']);
  });
});

describe('the command line (runCli)', () => {
  const session = () => {
    const s = cliSession('entente-run-');
    const ctx = {
      config: readConfig({ ENTENTE_DATA: s.dataDir }),
      out: (l: string) => s.out.push(l),
      err: (l: string) => s.err.push(l),
      interactive: false,
      openStore: s.openStore,
    };
    return { ...s, run: (...args: string[]) => runCli(ctx, ['node', 'entente', ...args]) };
  };

  it('refuses an unknown command with exit 2 and the nearest command, also when --help follows', async () => {
    for (const args of [['valdate'], ['valdate', '--help'], ['--debug', 'valdate', 'data/x']]) {
      const s = session();
      expect(await s.run(...args), args.join(' ')).toBe(2);
      expect(s.out).toEqual([]);
      expect(s.err).toEqual([
        "entente: unknown command 'valdate'; did you mean 'validate'? `entente --help` lists the commands.",
      ]);
      await s.cleanup();
    }
    const s = session();
    expect(await s.run('signals', 'injest', '--help')).toBe(2);
    expect(await s.run('users', 'lst')).toBe(2);
    expect(await s.run('frobnicate')).toBe(2);
    expect(s.err).toEqual([
      "entente: unknown command 'signals injest'; did you mean 'signals ingest'? `entente signals --help` lists the commands.",
      "entente: unknown command 'users lst'; did you mean 'users list'? `entente users --help` lists the commands.",
      "entente: unknown command 'frobnicate'. `entente --help` lists the commands.",
    ]);
    await s.cleanup();
  });

  it('runs known commands and their help, and gives usage errors exit 2', async () => {
    const s = session();
    expect(await s.run('validate', MINI)).toBe(0);
    expect(s.out).toEqual([`${MINI}: 8 files, no problems`]);
    // A missing argument of a subcommand is commander's usage error, not an exit of its own.
    expect(await s.run('import')).toBe(2);
    expect(s.err).toEqual(["error: missing required argument 'dir'"]);
    expect(
      await s.run('signals', 'index', '--dyad', 'KOR-JPN', '--from', '2025-02-01', '--to', '2025-01-01'),
    ).toBe(2);
    expect(s.err.at(-1)).toBe(
      'entente: --from 2025-02-01 is after --to 2025-01-01: no day is in that range (did you swap them?)',
    );
    await s.cleanup();
  });

  it('lists each command with its own description, and builds only the command it runs', async () => {
    const ctx = { config: readConfig({}), out: () => {}, err: () => {}, interactive: false } as never;
    const help = await buildProgram(ctx, ['--help']);
    expect(help.commands.map((c) => c.name())).toEqual([...COMMANDS.map((c) => c.name), 'db']);
    expect(
      help.commands.every((c) => (c.commands.length === 0 && c.options.length === 0) || c.name() === 'db'),
    ).toBe(true);
    const signals = await buildProgram(ctx, ['--debug', 'signals', 'status']);
    const built = signals.commands.filter((c) => c.commands.length > 0 || c.options.length > 0);
    expect(built.map((c) => c.name())).toEqual(['signals', 'db']);
    // Built whole or only listed, a command's description is its line in COMMANDS.
    for (const program of [help, signals])
      for (const c of COMMANDS)
        expect(program.commands.find((x) => x.name() === c.name)?.description()).toBe(c.summary);
  });

  it('suggests names a typo away or that the word begins', () => {
    expect(nearest('valdate', ['validate', 'serve'])).toEqual(['validate']);
    expect(nearest('sig', ['serve', 'signals'])).toEqual(['signals']);
    expect(nearest('exprot', ['export', 'import'])).toEqual(['export']);
    expect(nearest('zzz', ['export', 'import'])).toEqual([]);
  });
});

describe('entente (the real command)', () => {
  it('ends quietly when the reader of its output stops early (head)', async () => {
    // `head -c 0` is gone before entente writes: every write meets a closed pipe.
    const { stdout, stderr } = await run('bash', [
      '-c',
      `node ${BIN} --help 2>&1 | head -c 0; echo "exit \${PIPESTATUS[0]}"`,
    ]);
    expect(stderr).toBe('');
    expect(stdout).toBe('exit 0\n');
    const lines = await run('bash', ['-c', `node ${BIN} --help | head -n 1`]);
    expect(lines.stdout).toBe('Usage: entente [options] [command]\n');
    expect(lines.stderr).toBe('');
  });

  it('exits 2 on an unknown command, with the suggestion on stderr', async () => {
    const e = (await run('node', [BIN, 'imprt', '--help']).catch((x) => x)) as {
      code: number;
      stdout: string;
      stderr: string;
    };
    expect(e.code).toBe(2);
    expect(e.stdout).toBe('');
    expect(e.stderr).toContain("did you mean 'import'?");
  });

  it('prints help for every command', async () => {
    const { stdout } = await run('node', [BIN, '--help']);
    for (const cmd of ['serve', 'import', 'export', 'validate', 'db']) expect(stdout).toContain(cmd);
    expect(stdout).toContain('DATABASE_URL');
    const { stdout: importHelp } = await run('node', [BIN, 'import', '--help']);
    expect(importHelp).toContain('Usage: entente import [options] <dir>');
    expect(importHelp).toContain('Import a dataset folder into the records store');
  });

  it('runs from any folder, not only the project root (its pages are JSX)', async () => {
    const { stdout } = await run('node', [BIN, 'validate', MINI], { cwd: tmpdir() });
    expect(stdout.trim()).toBe(`${MINI}: 8 files, no problems`);
  });

  it('exits 1 with the problems on stderr when validation fails', async () => {
    const dir = copyDataset(MINI);
    edit(path.join(dir, 'dataset.yaml'), 'id: mini', 'id: Mini Dataset');
    const e = (await run('node', [BIN, 'validate', dir]).catch((x) => x)) as { code: number; stderr: string };
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`${path.join(dir, 'dataset.yaml')}:1: id: must be lower-case letters`);
  });
});
