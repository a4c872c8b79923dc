import { describe, expect, it } from 'vitest';
import { gapPoints, trendPoints } from '../../src/opinion/index.ts';
import { gapChart, trendChart } from '../../src/web/opinion/charts.ts';
import { partyStyles } from '../../src/web/party-look.ts';
import { EAI_IMPRESSIONS as series } from './fixture.ts';
import { matchSvg } from './snapshot.ts';

const text = { label: 'Good impression by year', x: 'Year', y: 'Share (%)', breakMark: 'break' };
const questions = ['kr-impression-of-japan', 'jp-impression-of-korea'];

function trend() {
  return trendChart(trendPoints(series, questions, 'good'), {
    ...text,
    width: 640,
    height: 320,
    publics: ['KOR', 'JPN'],
    look: { name: (code) => code, style: partyStyles(['KOR', 'JPN']) },
    describe: (p) => `${p.public} ${p.year}: ${p.share} % <${p.source.publisher}>`,
    href: (p) => `${p.source.url}?a=1&copy=2`,
  });
}

function gap() {
  const [kr, jp] = series.questions as [(typeof series.questions)[0], (typeof series.questions)[0]];
  return gapChart(gapPoints(series, kr, jp, 'good'), {
    ...text,
    width: 640,
    height: 240,
    describe: (g) => `${g.year}: ${g.gap}`,
  });
}

/** The opening tag of the group of one mark; attribute order is the serializer's business. */
const group = (svg: string, mark: string) =>
  svg.match(/<g [^>]*>/g)!.find((g) => g.includes(`aria-label="${mark}"`))!;

describe('opinion charts', () => {
  it('trend of both publics matches its snapshot', () => {
    const r = matchSvg('eai-impression-trend', trend());
    expect(r.ok, r.message).toBe(true);
  });

  it('perception gap matches its snapshot', () => {
    const r = matchSvg('eai-impression-gap', gap());
    expect(r.ok, r.message).toBe(true);
  });

  it('renders without inline styles, one link per point to its source, and escapes tooltips', () => {
    const svg = trend();
    // Only the group of linked points is exposed to assistive technology, as a named group.
    expect(svg.match(/<g [^>]*role="group"/g)).toHaveLength(1);
    expect(group(svg, 'dot')).toContain('role="group"');
    expect(group(svg, 'line')).toContain('aria-hidden="true"');
    expect(svg).not.toMatch(/<style|style=/);
    expect(svg.match(/href="https:\/\/example\.org\/\d+\?a=1&amp;copy=2"/g)).toHaveLength(25);
    expect(svg).toContain('aria-label="KOR 2013: 12.2 % &lt;Publisher 2013&gt;"');
    expect(svg).toContain('<title>KOR 2013: 12.2 % &lt;Publisher 2013&gt;</title>');
  });

  it('never joins a line across the 2024 and 2025 breaks', () => {
    const svg = trend();
    // One line per public and segment: KOR 2013–2023, 2024, 2025; JPN 2013–2023, 2025. A segment of
    // one point draws no stroke, so two paths have line segments (L), each ending at 2023.
    const lines = svg.slice(svg.indexOf(group(svg, 'line'))).split('</g>')[0]!;
    expect(lines.match(/<path d="M[^"]*L/g)).toHaveLength(2);
    // Bands stop at breaks and at 2015, whose samples are not known: KOR 2013–14, 2016–23, 2024, 2025;
    // JPN 2013–14, 2016–23, 2025.
    const bands = svg.slice(svg.indexOf(group(svg, 'area'))).split('</g>')[0]!;
    expect(bands.match(/<path/g)).toHaveLength(7);
    expect(svg.match(/stroke-dasharray="4,3"/g)?.length).toBeGreaterThanOrEqual(1);
    // Two dashed break rules, at 2023.5 and 2024.5
    const dashed = svg.match(/<g [^>]*>/g)!.find((g) => g.includes('stroke-dasharray="4,3"'))!;
    const rules = svg.slice(svg.indexOf(dashed)).split('</g>')[0]!;
    expect(rules.match(/<line/g)).toHaveLength(2);
  });
});
