import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { draftAssessment, publishAssessment, submitForReview } from '../../src/tracker/index.ts';
import { linkable } from '../../src/web/components.tsx';
import { createApp } from '../../src/web/index.ts';
import { seeded, type Username } from '../helpers/tracker.ts';

const ITEM = 'camp-david-missile-warning-data-sharing';
const EVIL = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:x',
];

describe('links to outside sources', () => {
  let db: Db;
  let users: Record<Username, Actor & { id: number }>;
  beforeAll(async () => {
    ({ db, users } = await seeded());
  });
  afterAll(async () => {
    await db.close();
  });

  it('links only http(s) addresses, normalised', () => {
    for (const u of EVIL) expect(linkable(u), u).toBeUndefined();
    expect(linkable('not a url')).toBeUndefined();
    expect(linkable('https://example.org/a<b>"c d')).toBe('https://example.org/a%3Cb%3E%22c%20d');
  });

  it('never renders a javascript: or data: address as a link, on item, paper and opinion pages', async () => {
    const app = createApp({ db });
    const a = await draftAssessment(db, users.carol, ITEM, {
      as_of: '2023-12-19',
      implementation: 3,
      rationale: 'r',
      evidence: [{ title: 'T', publisher: 'P', quote: 'Q' }],
    });
    await submitForReview(db, users.carol, a.id, 1);
    await publishAssessment(db, users.erin, a.id, 2);
    // As a record imported before URLs were checked, or restored from elsewhere, could hold.
    await db.query(
      `UPDATE assessments SET evidence = jsonb_set(evidence, '{0,url}', to_jsonb($2::text)) WHERE id = $1`,
      [a.id, EVIL[0]],
    );
    await db.query(`UPDATE survey_results SET source = jsonb_set(source, '{url}', to_jsonb($1::text))`, [
      EVIL[2],
    ]);
    const [paper] = await db.query<{ id: string }>('SELECT id FROM papers ORDER BY id LIMIT 1');
    await db.query('UPDATE papers SET url = $1 WHERE id = $2', [EVIL[1], paper!.id]);
    const [series] = await db.query<{ id: string }>('SELECT id FROM survey_series ORDER BY id LIMIT 1');
    for (const path of [
      `/items/${ITEM}`,
      `/assessments/${a.id}`,
      `/papers/${paper!.id}`,
      `/opinion/${series!.id}`,
    ]) {
      const html = await (await app.request(path)).text();
      expect(html, path).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    }
  });

  it('draws chart.svg as well-formed XML when a source address holds < or "', async () => {
    const app = createApp({ db });
    await db.query(`UPDATE survey_results SET source = jsonb_set(source, '{url}', to_jsonb($1::text))`, [
      'https://example.org/poll?q=<b>&x="y"',
    ]);
    const [q] = await db.query<{ series_id: string; question_id: string }>(
      'SELECT series_id, question_id FROM survey_results ORDER BY series_id, position LIMIT 1',
    );
    const res = await app.request(`/opinion/${q!.series_id}/chart.svg?question=${q!.question_id}`);
    expect(res.status).toBe(200);
    const svg = await res.text();
    // XML forbids < inside an attribute value.
    const attributes = svg.match(/="[^"]*"/g) ?? [];
    expect(attributes.length).toBeGreaterThan(0);
    expect(attributes.filter((v) => v.includes('<'))).toEqual([]);
    expect(svg).toContain('https://example.org/poll?q=%3Cb%3E&amp;x=%22y%22');
  });
});
