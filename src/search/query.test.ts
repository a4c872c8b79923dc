import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';
import { parseQuery } from './query.ts';
import { snippet } from './snippet.ts';
import { tsvectorLiteral } from './terms.ts';

describe('parseQuery', () => {
  it('makes words of three letters or more prefixes, shorter ones whole words', () => {
    expect(parseQuery('US trade').tsquery).toBe(`'us' & '${fold('trade')}':*`);
  });

  it('turns a CJK run into a phrase of its bigrams and a lone character into a prefix', () => {
    expect(parseQuery('日韓関係').tsquery).toBe("('日韓' <-> '韓関' <-> '関係')");
    expect(parseQuery('한일').tsquery).toBe("'한일'");
    expect(parseQuery('韓').tsquery).toBe("'韓':*");
    expect(parseQuery('한일 관계').clauses).toEqual([
      { kind: 'term', term: '한일' },
      { kind: 'term', term: '관계' },
    ]);
  });

  it('drops punctuation and tsquery operators typed by the reader', () => {
    expect(parseQuery("!!! & <-> ' \\ :*").tsquery).toBe('');
    // The confusable skeleton reads a bar as the letter l, in queries and texts alike.
    expect(parseQuery('|').tsquery).toBe("'l'");
    expect(parseQuery("O'Neill").tsquery).toBe(`'o' & '${fold('neill')}':*`);
  });
});

describe('snippet', () => {
  const fields = [
    { name: 'title', text: 'Semiconductor supply', weight: 'A' as const },
    {
      name: 'summary',
      text: `${'Filler words come first here. '.repeat(10)}Japan and Korea agree on semiconductor export controls. ${'More words. '.repeat(30)}`,
      weight: 'B' as const,
    },
  ];

  it('cuts the summary around the first match, marks every match, keeps words whole', () => {
    const s = snippet(fields, parseQuery('semiconductor').clauses, 120);
    expect(s.field).toBe('summary');
    expect(s.segments[0]).toEqual({ text: '…', match: false });
    expect(s.segments.at(-1)).toEqual({ text: '…', match: false });
    expect(s.segments.filter((x) => x.match).map((x) => x.text)).toEqual(['semiconductor']);
    const text = s.segments.map((x) => x.text).join('');
    expect(text).toMatch(/^…\w+ .*Japan and Korea agree on semiconductor export controls\..*words\.…$/s);
  });

  it('merges overlapping CJK bigrams into one mark', () => {
    const s = snippet([{ name: 'q', text: '現在の日韓関係は', weight: 'A' }], parseQuery('日韓関係').clauses);
    expect(s.segments).toEqual([
      { text: '現在の', match: false },
      { text: '日韓関係', match: true },
      { text: 'は', match: false },
    ]);
  });
});

describe('tsvectorLiteral', () => {
  it('writes each term once with its positions and field weights', () => {
    expect(
      tsvectorLiteral([
        { name: 'title', text: 'Japan Korea', weight: 'A' },
        { name: 'summary', text: 'Korea', weight: 'B' },
      ]),
    ).toBe(`'${fold('japan')}':1A '${fold('korea')}':2A,11B`);
  });
});
