import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/index.ts';
import { type CliSession, cliSession } from '../helpers/cli.ts';
import { MINI } from '../helpers/datasets.ts';

describe('entente backup and restore', () => {
  let from: CliSession;
  let to: CliSession;
  let file: string;
  beforeAll(async () => {
    from = cliSession('entente-backup-from-');
    to = cliSession('entente-backup-to-');
    file = path.join(from.dataDir, 'store.jsonl.gz');
    await from.entente('import', MINI);
  });
  afterAll(async () => {
    await from.cleanup();
    await to.cleanup();
  });

  it('writes a backup, refuses to overwrite it, and restores it into a new data folder', async () => {
    await from.entente('backup', file);
    expect(from.out.at(-1)).toMatch(/store\.jsonl\.gz: \d+ rows of \d+ tables backed up/);
    expect(existsSync(`${file}.partial`)).toBe(false);
    await expect(from.entente('backup', file)).rejects.toThrow(/exists; .* --force/);

    await to.entente('restore', file);
    expect(to.out.at(-1)).toMatch(/rows restored \(backup of .*, embedded store\)/);
    // The restored folder exports the same record as the one it came from.
    await from.entente('export', path.join(from.dataDir, 'a'));
    await to.entente('export', path.join(to.dataDir, 'b'));
    const paper = 'papers/2025-skj-08-introduction.yaml';
    expect(readFileSync(path.join(to.dataDir, 'b', paper), 'utf8')).toBe(
      readFileSync(path.join(from.dataDir, 'a', paper), 'utf8'),
    );
  });

  it('refuses a second restore into the now full store, saying why and that nothing changed', async () => {
    to.err.length = 0;
    const e = await to.entente('restore', file).catch((x) => x);
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toMatch(/not restored; the store is as it was/);
    expect(to.err.join('\n')).toMatch(/empty store/);
  });

  it('refuses a file that is not gzip, and one that does not exist', async () => {
    const junk = path.join(to.dataDir, 'junk.gz');
    writeFileSync(junk, 'papers: []\n');
    await expect(to.entente('restore', junk)).rejects.toThrow(/not a gzip file/);
    await expect(to.entente('restore', path.join(to.dataDir, 'none.gz'))).rejects.toThrow(/no such file/);
  });
});
