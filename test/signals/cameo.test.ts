import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
  const { codes, rules, issueAreas, subAreas } = loadCameo();
  // The record's own issue areas: the mapping may name only these, sub-areas under their parent.
  const tree = (
    parse(readFileSync(new URL('../../data/korea-japan/issue-areas.yaml', import.meta.url), 'utf8')) as {
      issue_areas: { id: string; children?: { id: string }[] }[];
    }
  ).issue_areas;
  const children = new Map(tree.map((a) => [a.id, new Set((a.children ?? []).map((c) => c.id))]));

  it('uses only the record’s issue areas and sub-areas, and real CAMEO codes', () => {
    const known = new Set(codes.map((c) => c.code));
    for (const r of rules) {
      expect(children.has(r.issueArea), r.issueArea).toBe(true);
      if (r.subArea) expect(children.get(r.issueArea)?.has(r.subArea), `${r.cameo} ${r.subArea}`).toBe(true);
      expect(known.has(r.cameo), r.cameo).toBe(true);
      expect(r.why.length).toBeGreaterThan(0);
    }
  });

  it('applies the longest matching prefix and leaves statements, appeals and demands unassigned', () => {
    expect(issueAreas.get('1831')).toBe('security-geopolitics'); // root 18
    expect([issueAreas.get('163'), subAreas.get('163')]).toEqual([
      'economic-security-technology',
      'trade-and-finance',
    ]);
    expect(issueAreas.get('1622')).toBe('security-geopolitics'); // 1622 beats root 16
    expect([issueAreas.get('161'), subAreas.get('161')]).toEqual([
      'global-agenda-functional',
      'diplomatic-relations',
    ]);
    expect([issueAreas.get('040'), subAreas.get('040')]).toEqual([
      'global-agenda-functional',
      'diplomatic-relations',
    ]);
    expect(issueAreas.get('073')).toBe('global-agenda-functional');
    expect(subAreas.has('073')).toBe(false);
    // Administrative sanctions (curfews, bans) are domestic coercion, not economic measures.
    expect(issueAreas.get('172')).toBe('security-geopolitics');
    expect(issueAreas.has('010')).toBe(false);
    expect(issueAreas.has('1011')).toBe(true);
    expect(issueAreas.has('100')).toBe(false);
    const custom = issueAreaByCode(
      codes,
      parseIssueAreaRules('cameo\tissue_area\tsub_area\twhy\n17\tA\t\tx\n172\tB\t\ty\n'),
    );
    expect([custom.get('171'), custom.get('172'), custom.get('1721')]).toEqual(['A', 'B', 'B']);
  });
});
