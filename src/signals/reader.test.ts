import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from './reader.ts';

const first = (p: string) =>
  readFileSync(new URL(`../../test/fixtures/gdelt/${p}`, import.meta.url), 'utf8').split('\n')[0] as string;

describe('parseLine', () => {
  it('reads a GDELT 2.0 event with official names and types', () => {
    const row = parseLine('events-v2', first('events-v2/padho__20161013151500.export.CSV'));
    expect(row).toMatchObject({
      GLOBALEVENTID: 588604779,
      Actor1Code: null,
      Actor2Name: 'HALLE',
      IsRootEvent: true,
      EventCode: '040',
      EventRootCode: '04',
      QuadClass: 1,
      DATEADDED: '2016-10-13T15:15:00',
    });
  });

  it('reads a 57-field historical v1 row without SOURCEURL', () => {
    const row = parseLine('events-v1', first('events-v1/aamend__events1.csv'));
    expect(row).toMatchObject({ GLOBALEVENTID: 0, SQLDATE: '1979-01-01', SOURCEURL: null });
  });

  it('reads a mentions row', () => {
    const row = parseLine('mentions-v2', first('mentions-v2/aamend__mentions.csv'));
    expect(row?.MentionIdentifier).toMatch(/^http/);
    expect(typeof row?.MentionDocTone).toBe('number');
  });

  it('refuses a line of the wrong width', () => {
    expect(parseLine('events-v2', 'a\tb')).toBeUndefined();
  });
});
