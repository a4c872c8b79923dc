import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, createToken } from '../../src/accounts/index.ts';
import { ConflictError, type Db } from '../../src/core/index.ts';
import {
  correctAssessment,
  draftAssessment,
  publishAssessment,
  submitForReview,
} from '../../src/tracker/index.ts';
import { available, DRIVERS } from '../helpers/stores.ts';
import { actors, Client, draftFields, seeded, testApp, type Username } from '../helpers/tracker.ts';

const ITEM = 'camp-david-missile-warning-data-sharing';
const judgement = {
  as_of: '2023-12-19',
  implementation: 3,
  rationale: 'Activated as pledged.',
  evidence: [{ title: 'Joint press statement', publisher: 'DoD', quote: 'fully activated' }],
};

describe('NUL characters are answered with 400, never 500', () => {
  let db: Db;
  let users: Record<Username, Actor & { id: number }>;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    ({ db, users } = await seeded());
    app = testApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('a JSON body sent to the login form is read once by the NUL check, again by its body limit: 403, not 500', async () => {
    const client = new Client(app);
    const _csrf = await client.csrf('/login');
    // No Content-Length (a chunked upload): the login form's own body limit reads the stream itself.
    const res = await client.request('/login', {
      method: 'POST',
      body: `_csrf=${_csrf}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(403);
  });

  it('in the path or query of every page and API route', async () => {
    const gets = [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
    expect(gets.length).toBeGreaterThan(40);
    const outcomes: string[] = [];
    for (const pattern of gets) {
      const path = pattern.replace(/:[a-z_]+(\{[^}]*\})?/gi, 'x').replace('*', 'x');
      for (const url of [`${path}?q=a%00b&as_of=%00&party=%00`, `${path.replace(/x/, 'a%00b')}`]) {
        const res = await app.request(url);
        if (res.status >= 500 || (url.includes('%00') && res.status !== 400 && res.status !== 404))
          outcomes.push(`${url}: ${res.status}`);
        if (res.status === 400) expect(await res.text()).toContain('NUL character');
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('in a JSON body, naming the field', async () => {
    const { secret } = await createToken(db, users.erin, 'nul');
    const res = await app.request(`/api/items/${ITEM}/assessments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ ...judgement, evidence: [{ ...judgement.evidence[0], title: 'a\u0000b' }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('Field "evidence.0.title"');
  });

  it('in a form field, naming it', async () => {
    const erin = new Client(app);
    await erin.logIn('erin');
    const res = await erin.post(`/items/${ITEM}/assessments`, draftFields({ rationale: 'a\u0000b' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Field &quot;rationale&quot; holds a NUL character');
    const search = await erin.request('/search?q=%00');
    expect(search.status).toBe(400);
  });
});

describe.each(DRIVERS)('concurrent corrections on $name', (driver) => {
  it('of twenty corrections started at once, one lands and the others are 409 conflicts', async (ctx) => {
    if (!(await available(driver))) return ctx.skip();
    const { db, drop } = await driver.open('seeded');
    try {
      const users = await actors(db);
      const a = await draftAssessment(db, users.carol, ITEM, judgement);
      await submitForReview(db, users.carol, a.id, 1);
      await publishAssessment(db, users.erin, a.id, 2);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          correctAssessment(db, i % 2 ? users.erin : users.ed, a.id, 'a reason', judgement),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(reasons.every((e) => e instanceof ConflictError)).toBe(true);
      expect(new Set(reasons.map((e) => (e as ConflictError).code))).toEqual(
        new Set(['duplicate_correction']),
      );
    } finally {
      await drop();
    }
  }, 60_000);
});
