import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMEO_DIR } from '../../src/signals/cameo.ts';
import { issueAreaByCode, loadCameo, parseIssueAreaRules } from '../../src/signals/index.ts';

const official = (name: string) =>
  readFileSync(join(CAMEO_DIR, 'official', name), 'utf8')
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t') as [string, string]);

describe('the derived CAMEO table (data/cameo/eventcodes.tsv)', () => {
  const { codes } = loadCameo();
  const byCode = new Map(codes.map((c) => [c.code, c]));

  it('has every official code with its official Goldstein value, plus 106', () => {
    const gold = official('CAMEO.goldsteinscale.txt');
    expect(gold).toHaveLength(310);
    for (const [code, g] of gold) expect(byCode.get(code)?.goldstein, code).toBe(Number(g));
    expect(codes).toHaveLength(311);
    expect(byCode.get('106')).toMatchObject({ goldstein: -5, label: 'Demand withdrawal', quadClass: 3 });
  });

  it('keeps the official labels except the two documented repairs', () => {
    for (const [code, label] of official('CAMEO.eventcodes.txt')) {
      if (code === '1056')
        expect(byCode.get(code)?.label).toBe('Demand de-escalation of military engagement');
      else if (code === '044') expect(byCode.get(code)?.label).toBe('Meet at a “third” location');
      else expect(byCode.get(code)?.label, code).toBe(label);
    }
  });

  it('derives QuadClass from the root as the real data does (01–05, 06–09, 10–14, 15–20)', () => {
    const quad = (root: string) => byCode.get(root)?.quadClass;
    expect(['01', '05', '06', '09', '10', '14', '15', '20'].map(quad)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    for (const c of codes) expect(c.root).toBe(c.code.slice(0, 2));
  });
});

describe('the issue-area mapping (data/cameo/issue-areas.tsv)', () => {
  const { codes, rules, issueAreas } = loadCameo();

  it('uses only the seed program’s issue areas and real CAMEO codes', () => {
    const known = new Set(codes.map((c) => c.code));
    for (const r of rules) {
      expect(['economic-security-technology', 'security-geopolitics', 'global-agenda-functional']).toContain(
        r.issueArea,
      );
      expect(known.has(r.cameo), r.cameo).toBe(true);
      expect(r.why.length).toBeGreaterThan(0);
    }
  });

  it('applies the longest matching prefix and leaves verbal diplomacy unassigned', () => {
    expect(issueAreas.get('1831')).toBe('security-geopolitics'); // root 18
    expect(issueAreas.get('163')).toBe('economic-security-technology');
    expect(issueAreas.get('1622')).toBe('security-geopolitics'); // more specific than nothing for 162
    expect(issueAreas.get('073')).toBe('global-agenda-functional');
    expect(issueAreas.has('040')).toBe(false);
    expect(issueAreas.has('010')).toBe(false);
    const custom = issueAreaByCode(
      codes,
      parseIssueAreaRules('cameo\tissue_area\twhy\n17\tA\tx\n172\tB\ty\n'),
    );
    expect([custom.get('171'), custom.get('172'), custom.get('1721')]).toEqual(['A', 'B', 'B']);
  });
});
