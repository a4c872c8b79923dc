import { describe, expect, it } from 'vitest';
import { resultsCsv } from './csv.ts';
import { parseResultsCsv } from './import-csv.ts';
import { wilson } from './intervals.ts';
import type { SurveySeriesView } from './views.ts';

const series: SurveySeriesView = {
  id: 's',
  title: 'S',
  pollsters: ['P'],
  publics: ['KOR'],
  mode: null,
  population: null,
  description: null,
  sources: [],
  questions: [
    {
      id: 'q',
      text: { en: 'Q' },
      wording: null,
      public: 'KOR',
      mirrors: null,
      answers: [{ id: 'good', label: { en: 'Good' } }],
    },
  ],
  waves: [
    {
      id: 'w',
      year: 2020,
      public: 'KOR',
      fieldwork_start: null,
      fieldwork_end: null,
      n: 1000,
      mode: null,
      design_effect: 1,
      effective_n: 1000,
      breaks: [],
      sources: [],
    },
  ],
  results: [
    {
      question: 'q',
      wave: 'w',
      answer: 'good',
      year: 2020,
      public: 'KOR',
      share: 41.7,
      n: 1000,
      design_effect: 1,
      interval: wilson(41.7, 1000),
      source: {
        publisher: 'Joseilbo, "quoted" & co',
        url: 'https://example.org/a?b=1&c=2',
        quality: 'news',
        quote: '지난 8월 26일부터, 28일까지\n두 줄',
      },
    },
  ],
};

describe('results CSV', () => {
  it('reads back a results download unchanged: derived columns are ignored, quoting survives', () => {
    const text = resultsCsv(series, 'http://localhost/');
    const { results, problems } = parseResultsCsv(text, 'download.csv', series);
    expect(problems).toEqual([]);
    expect(results).toEqual([
      { question: 'q', wave: 'w', answer: 'good', share: 41.7, source: series.results[0]!.source },
    ]);
  });

  it('names an unknown column and a CSV syntax error with the line', () => {
    expect(
      parseResultsCsv('question,wave,answer,share,source_publisher,source_quality,colour\n', 'a.csv', series)
        .problems,
    ).toEqual([
      { code: 'unknown_column', file: 'a.csv', line: 1, field: 'colour', message: 'is not a results column' },
    ]);
    const broken = parseResultsCsv(
      'question,wave,answer,share,source_publisher,source_quality\nq,w,good,"1\n',
      'b.csv',
      series,
    );
    expect(broken.problems[0]).toMatchObject({ code: 'csv_syntax', file: 'b.csv' });
    expect(broken.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('names the right line after a cell spanning lines of a CRLF file (a Windows spreadsheet)', () => {
    const text = [
      'question,wave,answer,share,source_publisher,source_quality,source_url,source_quote',
      'q,w,good,41.7,P,news,https://example.org/,"two',
      'lines"',
      'q,w,bad,41.7,P,news,https://example.org/,',
      'q,w,good,ten,P,news,https://example.org/,',
      '',
    ].join('\r\n');
    expect(parseResultsCsv(text, 'd.csv', series).problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'answer'],
      [5, 'share'],
    ]);
  });

  it('names the line a quote is left open on, not the end of the file', () => {
    const text = [
      'question,wave,answer,share,source_publisher,source_quality',
      'q,w,good,"1',
      'x',
      'y',
      '',
    ].join('\n');
    expect(parseResultsCsv(text, 'c.csv', series).problems).toEqual([
      expect.objectContaining({
        code: 'csv_syntax',
        file: 'c.csv',
        line: 2,
        message: expect.stringMatching(/never closed/),
      }),
    ]);
  });
});
