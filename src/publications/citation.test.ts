import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { citedTitle, formatReference, paperToBibtex, paperToRis } from './citation.ts';
import type { PaperRow } from './views.ts';

const paper = (over: Partial<PaperRow> = {}): PaperRow => ({
  id: 'a-paper-with-a-rather-long-identifier',
  series_id: 's',
  series_title: 'Korea–Japan Joint Work on the World 2050',
  program_id: 'p',
  program_title: 'Program',
  publisher: 'East Asia Institute',
  number: 4,
  number_inferred: false,
  title: '[Korea-Japan Joint Work on World 2050] ④ Shaping the Future: R&D at 100% {braces} #1_a',
  topic: null,
  date: '2025-03',
  url: null,
  language: 'en',
  summary: `A summary ${'long '.repeat(40)}of the paper.`,
  references: [],
  notes: [],
  sources: [],
  authors: [
    {
      author_id: 'a',
      name: 'Jae Jeok Park',
      name_ko: null,
      name_ja: null,
      affiliation: null,
      inferred: false,
      note: null,
    },
    {
      author_id: 'b',
      name: 'Plato',
      name_ko: null,
      name_ja: null,
      affiliation: null,
      inferred: false,
      note: null,
    },
  ],
  ...over,
});

describe('citedTitle', () => {
  it('drops the bracketed series label, the series name and the number in the series', () => {
    expect(
      citedTitle(
        '[EAI Working Paper] 2025 South Korea-Japan Partnership ⑧ Introduction',
        '2025 South Korea-Japan Partnership',
      ),
    ).toBe('Introduction');
    // The series is spelt with an en dash in the record and a hyphen in the title.
    expect(
      citedTitle(
        '[Korea-Japan Joint Work on the World 2050] ① Taking a Future-Oriented Approach',
        'Korea–Japan Joint Work on the World 2050',
      ),
    ).toBe('Taking a Future-Oriented Approach');
    expect(citedTitle('[EAI Working Paper] No. 3: A Title', 'Other')).toBe('A Title');
  });

  it('keeps a title without a label as printed', () => {
    expect(citedTitle('2050 South Korea-Japan Cooperation in Energy', 'Korea–Japan')).toBe(
      '2050 South Korea-Japan Cooperation in Energy',
    );
    expect(citedTitle('[Only a label]', 'x')).toBe('[Only a label]');
  });
});

describe('paperToBibtex', () => {
  it('escapes TeX, gives the month as a macro and reads back unchanged', () => {
    const bib = paperToBibtex(paper());
    expect(bib).toContain('  month = mar,\n');
    expect(bib).not.toContain('date =');
    expect(bib).toContain('{{Shaping the Future: R\\&D at 100\\% \\{braces\\} \\#1\\_a}}');
    expect(bib).toContain('author = {Park, Jae Jeok and {Plato}}');
    const [item] = new Cite(bib).data;
    expect(item).toMatchObject({
      id: 'a-paper-with-a-rather-long-identifier',
      title: 'Shaping the Future: R&D at 100% {braces} #1_a',
      author: [{ family: 'Park', given: 'Jae Jeok' }, { family: 'Plato' }],
      issued: { 'date-parts': [[2025, 3]] },
      number: '4',
      'collection-title': 'Korea–Japan Joint Work on the World 2050',
    });
  });

  it('leaves out a number that is inferred, not printed', () => {
    expect(paperToBibtex(paper({ number_inferred: true }))).not.toContain('number =');
  });
});

describe('paperToRis', () => {
  it('writes one line a tag, however long, with the whole id', () => {
    const ris = paperToRis(paper());
    const lines = ris.split('\n');
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain('ID  - a-paper-with-a-rather-long-identifier');
    expect(lines).toContain('DA  - 2025/03//');
    expect(lines.find((l) => l.startsWith('AB  - '))!.length).toBeGreaterThan(200);
    expect(lines.at(-2)).toBe('ER  - ');
  });
});

describe('formatReference', () => {
  it('gives an undated paper its URL without a bare "Retrieved"', () => {
    const ref = formatReference(paper({ date: null, url: 'https://www.eai.or.kr/x' }));
    expect(ref).toContain('(n.d.)');
    expect(ref).toMatch(/East Asia Institute\. https:\/\/www\.eai\.or\.kr\/x$/);
  });
});
