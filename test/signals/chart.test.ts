import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dyadQuery, dyadSeries, type IndexPoint, Warehouse } from '../../src/signals/index.ts';
import { cooperationChart, dataSpan, fileCoverage, milestonesWithin } from '../../src/web/signals/chart.ts';
import { fixture } from './helpers.ts';

const OUTPUT = fileURLToPath(new URL('./output/', import.meta.url));

// As test/charts/snapshot.ts: a mismatch writes `<name>-changed.svg` and fails; never generated in CI.
function matchSvg(name: string, svg: string) {
  const file = join(OUTPUT, `${name}.svg`);
  const changed = join(OUTPUT, `${name}-changed.svg`);
  if (!existsSync(file)) {
    if (process.env.CI === 'true') return { ok: false, message: `${file} is missing` };
    writeFileSync(file, `${svg}\n`);
    return { ok: true, message: 'written' };
  }
  if (readFileSync(file, 'utf8') === `${svg}\n`) {
    rmSync(changed, { force: true });
    return { ok: true, message: 'same' };
  }
  writeFileSync(changed, `${svg}\n`);
  return { ok: false, message: `${name}.svg differs; see ${changed}` };
}

describe('the cooperation/conflict chart', () => {
  let points: IndexPoint[];
  let w: Warehouse;
  beforeAll(async () => {
    w = await Warehouse.open(':memory:');
    for (const f of ['20241210143000', '20241211113000', '20250103111500', '20250104170000']) {
      await w.ingest(fixture(`events-v2/${f}.export.CSV`));
    }
    points = await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'day', from: '2024-06-01' }));
  });
  afterAll(() => w.close());

  const milestones = [
    { id: 'example-summit', date: '2025-01', title: 'A summit dated by month only' },
    { id: 'example-day', date: '2025-01-02', title: 'A dated milestone' },
  ];

  it('matches its snapshot: KOR–JPN by day from the real samples, two milestones', () => {
    const svg = cooperationChart(points, milestones, { width: 640, height: 280, label: 'KOR–JPN' });
    const r = matchSvg('kor-jpn-by-day', svg);
    expect(r.ok, r.message).toBe(true);
  });

  it('links each milestone rule to its page and keeps no inline style', () => {
    const svg = cooperationChart(points, milestones, { width: 640, height: 280, label: 'KOR–JPN' });
    expect(svg).toContain('href="/milestones/example-summit"');
    expect(svg).toContain('href="/milestones/example-day"');
    expect(svg).not.toMatch(/style=|<style/);
    expect(svg).toContain('aria-label="KOR–JPN"');
  });

  it('spans the data, not the milestones: a milestone of 1965 neither stretches the axis nor is drawn', () => {
    const all = [
      ...milestones,
      { id: 'basic-treaty', date: '1965-06-22', title: 'Treaty on Basic Relations' },
    ];
    const span = dataSpan(points)!;
    const periods = points.map((p) => p.period).sort();
    expect(span.map((d) => d.toISOString().slice(0, 10))).toEqual([periods[0], periods.at(-1)]);
    expect(milestonesWithin(all, span).map((m) => m.id)).toEqual(['example-summit', 'example-day']);
    const svg = cooperationChart(points, all, { width: 640, height: 280, label: 'KOR–JPN' });
    expect(svg).not.toContain('basic-treaty');
    expect(svg).not.toContain('1965');
    // The milestones' labels are drawn, each with its date.
    expect(svg).toContain('2025-01-02 A dated milestone');
  });

  it('says what the loaded files cover, from the dates in their names', () => {
    expect(
      fileCoverage([
        { name: '20241210143000.export.CSV' },
        { name: 'narayave__20190121220000.export.CSV' },
        { name: '20250104170000.export.CSV' },
        { name: 'events.csv' },
      ]),
    ).toEqual({ files: 4, first: '2019-01-21', last: '2025-01-04' });
  });
});
