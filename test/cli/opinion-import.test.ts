import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/index.ts';
import { getSurveySeries } from '../../src/opinion/index.ts';
import { type CliSession, cliSession } from '../helpers/cli.ts';
import { MINI } from '../helpers/datasets.ts';

let dataDir: string;
let out: string[];
let err: string[];
let entente: CliSession['entente'];
let openStore: CliSession['openStore'];
let cleanup: CliSession['cleanup'];
beforeEach(async () => {
  ({ dataDir, out, err, entente, openStore, cleanup } = cliSession('entente-opinion-'));
  await entente('import', MINI);
  out.length = 0;
  err.length = 0;
});
afterEach(() => cleanup());

function csv(lines: string[]): string {
  const file = path.join(dataDir, 'results.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const HEADER = 'question,wave,answer,share,source_publisher,source_url,source_quality,source_quote';
const GOOD = [
  HEADER,
  'jp-impression-of-korea,2023-jpn,good,37.4,Genron NPO,https://www.genron-npo.net/press/2023/10/npo11.html,primary,"「良い」印象は37.4%"',
  'jp-impression-of-korea,2023-jpn,bad,32.8,Genron NPO,https://www.genron-npo.net/press/2023/10/npo11.html,primary,',
];

async function stored() {
  const db = await openStore();
  try {
    return (await getSurveySeries(db, 'eai-genron-joint-poll'))!.results;
  } finally {
    await db.close();
  }
}

describe('entente opinion import', () => {
  it('adds new figures, updates known ones, and changes nothing the second time', async () => {
    const before = await stored();
    const file = csv(GOOD);
    await entente('opinion', 'import', file, '--series', 'eai-genron-joint-poll');
    const after = await stored();
    const added = after.filter((r) => r.answer === 'bad');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      share: 32.8,
      n: 1000,
      source: { publisher: 'Genron NPO', quality: 'primary' },
    });
    expect(after).toHaveLength(before.length + 1);
    // The "good" figure was there with another quote: its source is replaced, in place.
    expect(after.find((r) => r.answer === 'good')!.source.quote).toBe('「良い」印象は37.4%');
    expect(out.at(-1)).toBe(`${file}: 2 results for eai-genron-joint-poll: 1 added, 1 changed, 0 unchanged`);
    await entente('opinion', 'import', file, '--series', 'eai-genron-joint-poll');
    expect(out.at(-1)).toBe(`${file}: 2 results for eai-genron-joint-poll: 0 added, 0 changed, 2 unchanged`);
    expect(await stored()).toEqual(after);
  });

  it('rejects the whole file naming file:line: column for every bad row', async () => {
    const before = await stored();
    const file = csv([
      HEADER,
      'jp-impression-of-korea,2023-jpn,good,137.4,Genron NPO,https://example.org/,primary,',
      'no-such-question,2023-jpn,good,10,Genron NPO,https://example.org/,primary,',
      'kr-impression-of-japan,2023-jpn,good,10,Genron NPO,https://example.org/,primary,',
      'jp-impression-of-korea,2023-jpn,maybe,10,Genron NPO,https://example.org/,primary,',
      'jp-impression-of-korea,2023-jpn,bad,ten,Genron NPO,https://example.org/,secondary,',
      'jp-impression-of-korea,2023-jpn,bad,10,Genron NPO,,primary,',
      GOOD[1]!,
      GOOD[1]!,
    ]);
    const e = await entente('opinion', 'import', file, '--series', 'eai-genron-joint-poll').catch((x) => x);
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(`${file}: 8 problems; nothing was imported. Fix them and run again.`);
    expect(err).toEqual(
      [
        `${file}:2: share: Too big: expected number to be <=100`,
        `${file}:3: question: "no-such-question" is not a question of this series`,
        `${file}:4: wave: wave "2023-jpn" surveys JPN, but question "kr-impression-of-japan" is asked of KOR`,
        `${file}:5: answer: "maybe" is not an answer of question "jp-impression-of-korea"`,
        `${file}:6: share: Invalid input: expected number, received string`,
        expect.stringMatching(new RegExp(`^${file}:6: source_quality: Invalid option`)),
        `${file}:7: source_url: a source needs a url or a document reference`,
        `${file}:9: answer: the same figure is already given on line 8`,
      ]
        .slice(0, 8)
        .concat(err.length === 9 ? [err[8]!] : []),
    );
    expect(await stored()).toEqual(before);
  });

  it('names a missing column, an unknown series and an unreadable file', async () => {
    const noShare = csv(['question,wave,answer,source_publisher,source_quality', 'a,b,c,d,primary']);
    await expect(entente('opinion', 'import', noShare, '--series', 'eai-genron-joint-poll')).rejects.toThrow(
      /1 problem; nothing was imported/,
    );
    expect(err).toEqual([`${noShare}:1: share: column is missing`]);
    await expect(entente('opinion', 'import', csv(GOOD), '--series', 'nope')).rejects.toThrow(
      'Survey series "nope" is not in the store',
    );
    await expect(
      entente('opinion', 'import', '/no/such.csv', '--series', 'eai-genron-joint-poll'),
    ).rejects.toThrow('/no/such.csv: cannot be read (ENOENT)');
  });
});

describe('entente import and the search index', () => {
  it('indexes what it imported before it returns', async () => {
    const db = await openStore();
    try {
      const [pending] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_pending');
      const [docs] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_documents');
      expect(pending!.n).toBe(0);
      // The mini dataset: 1 paper, 1 recommendation, 1 milestone, 2 survey questions, and its commitments.
      expect(docs!.n).toBeGreaterThanOrEqual(5);
    } finally {
      await db.close();
    }
  });
});
