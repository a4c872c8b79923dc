import * as Plot from '@observablehq/plot';
import { Resvg } from '@resvg/resvg-js';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type Chart,
  chartCsv,
  chartFonts,
  fontsFor,
  labelRows,
  renderPlot,
  renderPng,
  standaloneSvg,
  wrapText,
} from '../../src/web/charts/index.ts';
import { decodePng, inkPixels } from './png.ts';

const data = [
  { year: 2023, share: 28.9, url: 'https://example.org/a?x=1&y=<2>' },
  { year: 2024, share: 41.7, url: 'https://example.org/b?copy=1&amp=2' },
];

function chart(title: string): Chart {
  return {
    title,
    notes: ['A note with <angle brackets> & an ampersand'],
    source: 'Publisher <A> & Co.',
    svg: renderPlot({
      width: 400,
      height: 200,
      ariaLabel: title,
      x: { label: 'Year', tickFormat: 'd' },
      y: { label: 'Share (%)', domain: [0, 100] },
      marks: [
        Plot.dot(data, { x: 'year', y: 'share', href: 'url', title: (d) => `${d.year} <${d.url}>` }),
        Plot.text(data, { x: 'year', y: 'share', text: (d) => `${d.share} & <b>`, dy: -8 }),
      ],
    }),
    width: 400,
    height: 200,
    columns: [
      { key: 'year', label: 'Year' },
      { key: 'share', label: 'Share (%)' },
      { key: 'n', label: 'n' },
    ],
    rows: [
      [2023, 28.9, 1008],
      [2024, 41.7, null],
    ],
    path: '/x/chart',
    query: 'a=1',
    page: '/x',
    file: 'x',
  };
}

/** resvg parses SVG with a strict XML parser: malformed XML is an error, not a picture. */
const parsesAsXml = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).width > 0;

describe('chart files', () => {
  it('writes well-formed XML even when a title, label, tooltip or URL holds < or &', () => {
    const svg = standaloneSvg(chart('Title with <tag> & "quotes"'), { lang: 'en' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(parsesAsXml(svg)).toBe(true);
    // No attribute value holds a bare < or &.
    for (const [, value] of svg.matchAll(/="([^"]*)"/g)) {
      expect(value).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;)/);
    }
    expect(svg).toContain('href="https://example.org/a?x=1&amp;y=&lt;2&gt;"');
    expect(svg).toContain('<title>Title with &lt;tag&gt; &amp; &quot;quotes&quot;</title>');
    expect(svg).toContain('Publisher &lt;A&gt; &amp; Co.');
    // Without the escaping, the same text is not XML: the check above can fail.
    expect(() => parsesAsXml(svg.replace('&lt;tag&gt;', '<tag>'))).toThrow();
  });

  it('downloads the figures as CSV that parses back to the same numbers', () => {
    const c = chart('t');
    const rows = parseCsv(chartCsv(c).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { year: '2023', share: '28.9', n: '1008' },
      { year: '2024', share: '41.7', n: '' },
    ]);
  });

  it('wraps long titles, Korean ones without spaces too, and keeps labels apart', () => {
    expect(wrapText('한국과일본의관계에대한국민인식조사결과', 100, 10).length).toBeGreaterThan(1);
    for (const line of wrapText('Share answering good, by year: impression of Japan', 120, 10))
      expect(line.length).toBeLessThanOrEqual(24);
    const labels = [
      { x: 0, width: 50 },
      { x: 20, width: 50 },
      { x: 60, width: 50 },
      { x: 120, width: 10 },
    ];
    const rows = labelRows(labels);
    expect(rows).toEqual([0, 1, 0, 0]);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        if (rows[i] === rows[j]) {
          const [a, b] = [labels[i]!, labels[j]!].sort((p, q) => p.x - q.x);
          expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
        }
  });
});

describe('PNG downloads', () => {
  const fonts = chartFonts();
  const cjk = fonts.filter((f) => f.includes('CJK'));
  const latinOnly = fonts.filter((f) => !f.includes('CJK'));

  it('finds the CJK font that draws Korean and Japanese (fonts-noto-cjk)', () => {
    expect(cjk.length, 'install fonts-noto-cjk (see .ci/run)').toBeGreaterThan(0);
  });

  it('renders a chart with a Hangul title: the PNG decodes, has twice the SVG size, and the glyphs are drawn', async () => {
    const svg = standaloneSvg(chart('한국인의 일본에 대한 인상'), { lang: 'ko' });
    const [w, h] = [Number(/width="(\d+)"/.exec(svg)![1]), Number(/height="(\d+)"/.exec(svg)![1])];
    const img = decodePng(await renderPng(svg, { lang: 'ko' }));
    expect([img.width, img.height]).toEqual([w * 2, h * 2]);
    // The title's line: 16 px from the top, 17 px type, drawn at twice the size.
    const title = { x: 0, y: 24, width: img.width, height: 40 };
    const ink = inkPixels(img, title);
    expect(ink).toBeGreaterThan(1500);
    // Other Hangul syllables draw other pixels: real glyphs, not one missing-glyph box for all.
    const other = decodePng(
      await renderPng(standaloneSvg(chart('일본인의 한국에 대한 인식'), { lang: 'ko' }), { lang: 'ko' }),
    );
    expect(Buffer.from(other.pixels).equals(Buffer.from(img.pixels))).toBe(false);
    // Without the CJK font both titles come out the same (a missing-glyph box per syllable): the
    // font is what draws Hangul.
    const bare = async (t: string) =>
      Buffer.from(
        decodePng(await renderPng(standaloneSvg(chart(t), { lang: 'ko' }), { lang: 'ko', fonts: latinOnly }))
          .pixels,
      );
    expect((await bare('한국인의 일본에 대한 인상')).equals(await bare('일본인의 한국에 대한 인식'))).toBe(
      true,
    );
  });

  it('draws Japanese with the Japanese forms of the same font', async () => {
    const svg = standaloneSvg(chart('日本人の韓国に対する印象'), { lang: 'ja' });
    const img = decodePng(await renderPng(svg, { lang: 'ja' }));
    expect(inkPixels(img, { x: 0, y: 24, width: img.width, height: 40 })).toBeGreaterThan(1500);
  });
});

describe('the fonts of a PNG', () => {
  const fonts = ['/f/NotoSansCJK-Regular.ttc', '/f/DejaVuSans.ttf'];

  it('are the CJK ones only where the drawing has Korean, Japanese or Chinese text', () => {
    expect(fontsFor('<text>Impression of Japan, per cent</text>', fonts)).toEqual(['/f/DejaVuSans.ttf']);
    for (const t of ['일본에 대한 인상', 'あなた', '印象', 'カタカナ', '（全角）'])
      expect(fontsFor(`<text>${t}</text>`, fonts), t).toEqual(fonts);
    // Without a Latin font, the CJK font draws Latin text too.
    expect(fontsFor('<text>abc</text>', ['/f/NotoSansCJK-Regular.ttc'])).toEqual([
      '/f/NotoSansCJK-Regular.ttc',
    ]);
  });

  it('draw an English chart with DejaVu: the same picture as with DejaVu given, not the CJK font', async () => {
    const all = chartFonts();
    const svg = standaloneSvg(chart('Impression of Japan'), { lang: 'en' });
    const chosen = Buffer.from(decodePng(await renderPng(svg, { lang: 'en' })).pixels);
    const dejavu = all.filter((f) => f.includes('DejaVu'));
    expect(dejavu.length, 'install fonts-dejavu-core').toBeGreaterThan(0);
    const withDejavu = Buffer.from(decodePng(await renderPng(svg, { lang: 'en', fonts: dejavu })).pixels);
    const withCjk = Buffer.from(decodePng(await renderPng(svg, { lang: 'en', fonts: all })).pixels);
    expect(chosen.equals(withDejavu)).toBe(true);
    expect(chosen.equals(withCjk)).toBe(false);
  });
});
