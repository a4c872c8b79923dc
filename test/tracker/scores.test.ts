import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval,
  complianceScore,
  currentAssessments,
  FINE_ITEMS,
  heatMap,
  implementationScore,
  itemStatuses,
  MIN_ITEMS,
  quarterEnds,
  roundFor,
  type ScoredAssessment,
  type ScoredItem,
  scoresBy,
  statusOf,
  uptakeScore,
} from '../../src/tracker/index.ts';

// A small record whose scores are worked out by hand in the comments.
const items: ScoredItem[] = [
  { id: 'c1', kind: 'commitment', title: 'C1', parties: ['KOR', 'JPN'], format: 'bilateral', area: 'econ' },
  {
    id: 'c2',
    kind: 'commitment',
    title: 'C2',
    parties: ['KOR', 'JPN', 'USA'],
    format: 'trilateral',
    area: 'sec',
  },
  { id: 'c3', kind: 'commitment', title: 'C3', parties: ['JPN'], format: 'bilateral', area: 'sec' },
  {
    id: 'r1',
    kind: 'recommendation',
    title: 'R1',
    parties: ['KOR', 'JPN'],
    format: 'bilateral',
    area: 'econ',
  },
  {
    id: 'r2',
    kind: 'recommendation',
    title: 'R2',
    parties: ['KOR', 'JPN'],
    format: 'bilateral',
    area: 'sec',
  },
];
const assessments: ScoredAssessment[] = [
  {
    id: 'a1',
    item_id: 'c1',
    as_of: '2023-06-30',
    implementation: 1,
    compliance: [
      { party: 'KOR', score: 0 },
      { party: 'JPN', score: -1 },
    ],
  },
  {
    id: 'a2',
    item_id: 'c1',
    as_of: '2024-03-01',
    implementation: 3,
    compliance: [
      { party: 'KOR', score: 1 },
      { party: 'JPN', score: 1 },
    ],
  },
  {
    id: 'a3',
    item_id: 'c2',
    as_of: '2024-01-15',
    implementation: 2,
    compliance: [
      { party: 'KOR', score: 1 },
      { party: 'USA', score: 0 },
    ],
  },
  // a4 is corrected by a5: a5 replaces it in every history, even before a5's own date.
  { id: 'a4', item_id: 'r1', as_of: '2024-02-01', implementation: 3 },
  { id: 'a5', item_id: 'r1', as_of: '2024-05-01', implementation: 1, corrects: 'a4' },
];

describe('currentAssessments', () => {
  it('takes the latest assessment dated on or before the day', () => {
    const at = (d: string) =>
      Object.fromEntries([...currentAssessments(assessments, d)].map(([k, v]) => [k, v.id]));
    expect(at('2023-01-01')).toEqual({});
    expect(at('2023-12-31')).toEqual({ c1: 'a1' });
    expect(at('2024-03-01')).toEqual({ c1: 'a2', c2: 'a3' });
    // a4 is corrected, so r1 has no assessment until the correction's date.
    expect(at('2024-04-30')).toEqual({ c1: 'a2', c2: 'a3' });
    expect(at('2024-12-31')).toEqual({ c1: 'a2', c2: 'a3', r1: 'a5' });
  });

  it('breaks a tie of dates by publication time', () => {
    const same: ScoredAssessment[] = [
      {
        id: 'x',
        item_id: 'c3',
        as_of: '2024-01-01',
        implementation: 1,
        published_at: '2024-01-02T10:00:00Z',
      },
      {
        id: 'w',
        item_id: 'c3',
        as_of: '2024-01-01',
        implementation: 2,
        published_at: '2024-01-03T10:00:00Z',
      },
    ];
    expect(currentAssessments(same, '2024-12-31').get('c3')?.id).toBe('w');
  });
});

describe('implementationScore', () => {
  it('is the mean level over 3, counting assessed items only', () => {
    // On 2024-12-31: c1 = 3, c2 = 2, r1 = 1; c3 and r2 unassessed. Mean 6/3 = 2; 2/3 × 100 = 66.7.
    const s = implementationScore(items, currentAssessments(assessments, '2024-12-31'));
    expect(s.mean).toBeCloseTo(66.667, 3);
    // Three items are fewer than MIN_ITEMS: no percentage, no interval.
    expect(s.value).toBeNull();
    expect(s.interval).toBeNull();
    expect(s.counted).toEqual([
      { id: 'c1', points: 3 },
      { id: 'c2', points: 2 },
      { id: 'r1', points: 1 },
    ]);
    expect(s.unassessed).toEqual(['c3', 'r2']);
  });

  it('has no value when nothing is assessed', () => {
    expect(implementationScore(items, new Map())).toEqual({
      value: null,
      interval: null,
      mean: null,
      counted: [],
      unassessed: ['c1', 'c2', 'c3', 'r1', 'r2'],
    });
  });
});

describe('complianceScore', () => {
  it('averages the party scores and maps them to (s + 1) / 2 × 100', () => {
    // KOR on 2023-12-31: c1 = 0 only → (0 + 1) / 2 × 100 = 50; c2 not yet assessed.
    const end2023 = currentAssessments(assessments, '2023-12-31');
    expect(complianceScore('KOR', items, end2023)).toEqual({
      value: null,
      interval: null,
      mean: 50,
      counted: [{ id: 'c1', points: 0 }],
      unassessed: ['c2'],
    });
    // KOR on 2024-12-31: c1 = +1, c2 = +1 → 100.
    const end2024 = currentAssessments(assessments, '2024-12-31');
    expect(complianceScore('KOR', items, end2024).mean).toBe(100);
    // JPN: c1 = +1; c2 is assessed but not for JPN, and c3 not at all → both left out. 100.
    expect(complianceScore('JPN', items, end2024)).toEqual({
      value: null,
      interval: null,
      mean: 100,
      counted: [{ id: 'c1', points: 1 }],
      unassessed: ['c2', 'c3'],
    });
    // JPN on 2023-12-31: c1 = −1 → (−1 + 1) / 2 × 100 = 0.
    expect(complianceScore('JPN', items, end2023).mean).toBe(0);
    // USA: c2 = 0 → 50.
    expect(complianceScore('USA', items, end2024).mean).toBe(50);
  });

  it('ignores recommendations', () => {
    expect(
      complianceScore(
        'KOR',
        items.filter((i) => i.kind === 'recommendation'),
        new Map(),
      ).unassessed,
    ).toEqual([]);
  });
});

describe('uptakeScore', () => {
  const links = [
    { recommendation: 'r1', match: 'partial' as const, date: '2023-08-18' },
    { recommendation: 'r1', match: 'full' as const, date: '2024-07' },
    { recommendation: 'r2', match: 'partial' as const, date: '2025-01-01' },
  ];
  const both = new Map([
    ['r1', { id: 'x1', item_id: 'r1', as_of: '2023-01-01', implementation: 1 }],
    ['r2', { id: 'x2', item_id: 'r2', as_of: '2023-01-01', implementation: 0 }],
  ]);

  it('scores full 1, partial 0.5, none 0, counting matches made by the day', () => {
    // 2023-12-31: r1 0.5, r2 0 → 25.
    expect(uptakeScore(items, links, '2023-12-31', both).mean).toBe(25);
    // 2024-12-31: r1 1 (the full match of July 2024), r2 0 → 50.
    expect(uptakeScore(items, links, '2024-12-31', both).mean).toBe(50);
    // 2025-06-30: r1 1, r2 0.5 → 75.
    expect(uptakeScore(items, links, '2025-06-30', both)).toEqual({
      value: null,
      interval: null,
      mean: 75,
      counted: [
        { id: 'r1', points: 1 },
        { id: 'r2', points: 0.5 },
      ],
      unassessed: [],
    });
  });

  it('counts assessed recommendations only, and lists the others as unassessed', () => {
    const onlyR1 = new Map([['r1', both.get('r1')!]]);
    const s = uptakeScore(items, links, '2025-06-30', onlyR1);
    expect(s.counted).toEqual([{ id: 'r1', points: 1 }]);
    expect(s.unassessed).toEqual(['r2']);
    expect(s.mean).toBe(100);
  });
});

describe('the minimum n, rounding and intervals', () => {
  const many = (n: number, level: (i: number) => number) => {
    const its: ScoredItem[] = Array.from({ length: n }, (_, i) => ({
      id: `i${i}`,
      kind: 'commitment',
      title: `I${i}`,
      parties: ['KOR'],
      format: 'bilateral',
      area: 'econ',
    }));
    const cur = new Map(
      its.map((it, i) => [
        it.id,
        { id: `a${i}`, item_id: it.id, as_of: '2024-01-01', implementation: level(i) },
      ]),
    );
    return implementationScore(its, cur);
  };

  it('shows no percentage below MIN_ITEMS items and one from MIN_ITEMS on', () => {
    expect(MIN_ITEMS).toBe(5);
    expect(many(MIN_ITEMS - 1, () => 3).value).toBeNull();
    expect(many(MIN_ITEMS, () => 3).value).toBe(100);
  });

  it('rounds to 5 points below FINE_ITEMS items and to whole points from there', () => {
    // 7 items, levels 3,3,3,2,2,1,0 → mean 14/7 = 2 → 66.67 % → 65 at 5-point steps.
    const seven = many(7, (i) => [3, 3, 3, 2, 2, 1, 0][i]!);
    expect(seven.mean).toBeCloseTo(66.667, 3);
    expect(seven.value).toBe(65);
    expect(roundFor(FINE_ITEMS - 1, 66.667)).toBe(65);
    expect(roundFor(FINE_ITEMS, 66.667)).toBe(67);
  });

  it('gives a 95 % bootstrap interval around the value, the same on every run', () => {
    const s = many(10, (i) => i % 4);
    expect(s.interval).not.toBeNull();
    const [lo, hi] = s.interval!;
    expect(lo).toBeLessThanOrEqual(s.value!);
    expect(hi).toBeGreaterThanOrEqual(s.value!);
    expect(hi - lo).toBeGreaterThan(0);
    expect(many(10, (i) => i % 4).interval).toEqual(s.interval);
    // All items alike: no spread, so the interval is the value itself.
    expect(many(6, () => 2).interval).toEqual([65, 65]);
    const raw = bootstrapInterval([0, 3, 3, 3, 0, 3], (m) => (m / 3) * 100);
    expect(raw[0]).toBeLessThan(raw[1]);
  });

  it('gives the same interval for the same points and mapping whether or not it was asked before', () => {
    const toPercent = (m: number) => (m / 3) * 100;
    const points = [0, 1, 3, 3, 2, 0, 3];
    const first = bootstrapInterval(points, toPercent);
    // What a caller does with its answer does not change the next one.
    first[0] = -1;
    expect(bootstrapInterval(points, toPercent)).toEqual(
      bootstrapInterval([...points], (m) => (m / 3) * 100),
    );
    expect(bootstrapInterval(points, toPercent)[0]).not.toBe(-1);
    // Another mapping of the same points is another interval.
    expect(bootstrapInterval(points, (m) => m * 10)).not.toEqual(bootstrapInterval(points, toPercent));
  });
});

describe('grouping', () => {
  const current = currentAssessments(assessments, '2024-12-31');

  it('scores each party, format and issue area; an item of several parties counts for each', () => {
    const byFormat = Object.fromEntries(
      scoresBy(items, current, 'format').map((g) => [g.group, g.implementation.mean?.toFixed(1)]),
    );
    // bilateral: c1 3, r1 1 (c3, r2 unassessed) → 4/2/3 = 66.7; trilateral: c2 2 → 66.7.
    expect(byFormat).toEqual({ bilateral: '66.7', trilateral: '66.7' });
    const usa = scoresBy(items, current, 'party').find((g) => g.group === 'USA')!;
    expect(usa.implementation.mean).toBeCloseTo(66.667, 3);
    expect(usa.compliance?.mean).toBe(50);
  });

  it('builds the issue area × party heat map', () => {
    const heat = heatMap(items, current);
    // econ × KOR: c1 3, r1 1 → 66.7; sec × JPN: c2 2, c3 and r2 unassessed → 66.7 with 2 left out.
    expect(heat.get('econ')?.get('KOR')?.mean).toBeCloseTo(66.667, 3);
    expect(heat.get('sec')?.get('JPN')).toMatchObject({ value: null, unassessed: ['c3', 'r2'] });
    expect(heat.get('sec')?.get('JPN')?.mean).toBeCloseTo(66.667, 3);
    expect(heat.get('econ')?.has('USA')).toBe(false);
  });
});

describe('quarterEnds', () => {
  it('lists the quarter ends from the first day of the quarters that have ended', () => {
    expect(quarterEnds('2023-05-10', '2024-01-02')).toEqual(['2023-06-30', '2023-09-30', '2023-12-31']);
    // A quarter whose last day is the as-of day is still running.
    expect(quarterEnds('2024-03-31', '2024-03-31')).toEqual([]);
    expect(quarterEnds('2024-01-01', '2024-04-01')).toEqual(['2024-03-31']);
  });
});

describe('status', () => {
  it('maps levels and flags to one word', () => {
    expect(statusOf(undefined)).toBe('not-assessed');
    expect(statusOf({ implementation: 0 })).toBe('no-step');
    expect(statusOf({ implementation: 1 })).toBe('started');
    expect(statusOf({ implementation: 2 })).toBe('partial');
    expect(statusOf({ implementation: 3 })).toBe('done');
    expect(statusOf({ implementation: 2, flags: ['stalled'] })).toBe('stalled');
    expect(statusOf({ implementation: 1, flags: ['reversed', 'stalled'] })).toBe('reversed');
  });

  it('gives a restating record the least advanced status of the records it restates', () => {
    const current = new Map([
      ['a', { implementation: 3 }],
      ['b', { implementation: 1 }],
    ]);
    const s = itemStatuses(
      [{ id: 'a' }, { id: 'b' }, { id: 'intro', restates: ['a', 'b'] }, { id: 'one', restates: ['a'] }],
      current,
    );
    expect(Object.fromEntries(s)).toEqual({ a: 'done', b: 'started', intro: 'started', one: 'done' });
  });
});
