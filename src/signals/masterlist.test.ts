import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesInRange, parseMasterList, parseV1Lists } from './masterlist.ts';

const fx = (p: string) =>
  readFileSync(new URL(`../../test/fixtures/gdelt/metadata/${p}`, import.meta.url), 'utf8');

describe('GDELT 2.0 master file list', () => {
  const { files, problems } = parseMasterList(fx('v2_masterfilelist_english.txt'));

  it('reads all 900 real lines', () => {
    expect(problems).toEqual([]);
    expect(files).toHaveLength(900);
    expect(files[0]).toEqual({
      url: 'http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip',
      name: '20150218230000.export.CSV.zip',
      size: 150383,
      md5: '297a16b493de7cf6ca809a7cc31d0b93',
      stamp: '20150218230000',
      stream: 'export',
    });
    expect(new Set(files.map((f) => f.stream))).toEqual(new Set(['export', 'mentions', 'gkg']));
  });

  it('selects a day of event exports', () => {
    const day = filesInRange(files, '2015-02-19', '2015-02-19', ['export']);
    // GDELT's list has gaps (88 of the day's 96 quarter hours); count them independently.
    const want = fx('v2_masterfilelist_english.txt')
      .split('\n')
      .filter((l) => l.includes('/20150219') && l.includes('.export.CSV.zip'));
    expect(day).toHaveLength(want.length);
    expect(want.length).toBe(88);
    expect(day.every((f) => f.stamp.startsWith('20150219'))).toBe(true);
  });

  it('reports a malformed line with its number', () => {
    const r = parseMasterList(
      '1 297a16b493de7cf6ca809a7cc31d0b93 http://x/20150218230000.export.CSV.zip\n12 nope http://x/y\n',
    );
    expect(r.files).toHaveLength(1);
    expect(r.problems).toEqual([{ line: 2, message: expect.stringContaining('"12 nope http://x/y"') }]);
  });
});

describe('GDELT 1.0 file lists', () => {
  const { files, problems } = parseV1Lists(
    fx('v1_event_file_list.txt'),
    fx('v1_event_md5sums.txt'),
    'http://data.gdeltproject.org/events/',
  );

  it('joins sizes and MD5s for the yearly, monthly and daily files', () => {
    expect(problems).toEqual([]);
    const y1979 = files.find((f) => f.name === '1979.zip');
    expect(y1979).toMatchObject({ size: 14276482, md5: '7fb1b6ff781aea3d441abf512dc5e0f9', stamp: '1979' });
    expect(files.some((f) => f.name.startsWith('GDELT.MASTER'))).toBe(false);
  });

  it('a yearly file covers every day of its year', () => {
    const picked = filesInRange(files, '1979-06-01', '1979-06-30', ['export']).map((f) => f.name);
    expect(picked).toEqual(['1979.zip']);
  });
});
