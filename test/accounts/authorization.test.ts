import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, addUser, createToken } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { draftAssessment, linkItems, publishAssessment, submitForReview } from '../../src/tracker/index.ts';
import { Client, PASSWORD, seeded, testApp, type Username } from '../helpers/tracker.ts';

type Who = 'anonymous' | 'viewer' | 'contributor' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'viewer', 'contributor', 'editor', 'admin'];
const LOGIN: Record<Exclude<Who, 'anonymous'>, Username> = {
  viewer: 'vic',
  contributor: 'carol',
  editor: 'erin',
  admin: 'ada',
};

const ITEM = 'camp-david-missile-warning-data-sharing';
const judgement = {
  as_of: '2023-12-19',
  implementation: 3,
  rationale: 'Activated as pledged.',
  evidence: [{ title: 'Joint press statement', publisher: 'DoD', quote: 'fully activated' }],
};
const formJudgement = {
  as_of: '2023-12-19',
  implementation: '3',
  rationale: 'Activated as pledged.',
  'evidence.0.title': 'Joint press statement',
  'evidence.0.publisher': 'DoD',
  'evidence.0.quote': 'fully activated',
};

interface Attempt {
  path: string;
  /** A JSON body (API) or form fields (site). */
  body?: Record<string, unknown>;
}

interface Case {
  /** Who may: every other caller must be refused (401 anonymous, 403 a signed-in role). */
  allowed: Who[];
  /** Makes the state the request needs, afresh for each caller. */
  prepare: (who: Who) => Promise<Attempt>;
}

const SIGNED_IN: Who[] = ['viewer', 'contributor', 'editor', 'admin'];
const DRAFTERS: Who[] = ['contributor', 'editor', 'admin'];
const EDITORS: Who[] = ['editor', 'admin'];

describe('authorisation of every mutating route', () => {
  let db: Db;
  let users: Record<Username, Actor & { id: number }>;
  let app: ReturnType<typeof testApp>;
  let n = 0;
  let recommendations: string[] = [];

  // State made by the contributor, so that "own draft" rules are exercised and editors are never the assessor.
  const draft = () => draftAssessment(db, users.carol, ITEM, judgement);
  // Only its assessor changes or submits a draft: drafters act on a draft of their own.
  const ownDraft = (who: Who) =>
    draftAssessment(
      db,
      who === 'editor' || who === 'admin' ? users[LOGIN[who]] : users.carol,
      ITEM,
      judgement,
    );
  const inReview = async () => submitForReview(db, users.carol, (await draft()).id, 1);
  const published = async () => publishAssessment(db, users.ed, (await inReview()).id, 2);
  const freshLink = () =>
    linkItems(db, users.ed, {
      recommendation: recommendations[n++]!,
      milestone: '2023-08-18-camp-david-summit',
      match: 'partial',
      rationale: 'test',
    });
  const nextRecommendation = () => recommendations[n++]!;
  const freshUser = async () => {
    const username = `target${n++}`;
    await db.transaction((tx) =>
      addUser(tx, users.ada, { username, displayName: username, role: 'viewer', password: PASSWORD }),
    );
    return username;
  };

  const CASES: Record<string, Case> = {
    'POST /api/items/:id/assessments': {
      allowed: DRAFTERS,
      prepare: async () => ({ path: `/api/items/${ITEM}/assessments`, body: judgement }),
    },
    'PUT /api/assessments/:id': {
      allowed: DRAFTERS,
      prepare: async (who) => ({
        path: `/api/assessments/${(await ownDraft(who)).id}`,
        body: { ...judgement, version: 1 },
      }),
    },
    'POST /api/assessments/:id/submit': {
      allowed: DRAFTERS,
      prepare: async (who) => ({
        path: `/api/assessments/${(await ownDraft(who)).id}/submit`,
        body: { version: 1 },
      }),
    },
    'POST /api/assessments/:id/return': {
      allowed: EDITORS,
      prepare: async () => ({
        path: `/api/assessments/${(await inReview()).id}/return`,
        body: { version: 2 },
      }),
    },
    'POST /api/assessments/:id/publish': {
      allowed: EDITORS,
      prepare: async () => ({
        path: `/api/assessments/${(await inReview()).id}/publish`,
        body: { version: 2 },
      }),
    },
    'POST /api/assessments/:id/corrections': {
      allowed: EDITORS,
      prepare: async () => ({
        path: `/api/assessments/${(await published()).id}/corrections`,
        body: { ...judgement, correction_reason: 'test' },
      }),
    },
    'POST /api/links': {
      allowed: EDITORS,
      prepare: async () => ({
        path: '/api/links',
        body: {
          recommendation: nextRecommendation(),
          milestone: '2023-08-18-camp-david-summit',
          match: 'partial',
          rationale: 'test',
        },
      }),
    },
    'DELETE /api/links/:id': {
      allowed: EDITORS,
      prepare: async () => ({ path: `/api/links/${(await freshLink()).id}?version=1` }),
    },
    'POST /login': {
      allowed: ['anonymous', ...SIGNED_IN],
      prepare: async () => ({ path: '/login', body: { username: 'erin', password: PASSWORD } }),
    },
    'POST /logout': { allowed: ['anonymous', ...SIGNED_IN], prepare: async () => ({ path: '/logout' }) },
    'POST /account/tokens': {
      allowed: SIGNED_IN,
      prepare: async () => ({ path: '/account/tokens', body: { name: 'script' } }),
    },
    'POST /account/tokens/:id/revoke': {
      allowed: SIGNED_IN,
      prepare: async (who) => {
        const owner = users[LOGIN[who === 'anonymous' ? 'viewer' : who]];
        return { path: `/account/tokens/${(await createToken(db, owner, 'to revoke')).id}/revoke` };
      },
    },
    'POST /account/logout-everywhere': {
      allowed: SIGNED_IN,
      prepare: async () => ({ path: '/account/logout-everywhere' }),
    },
    'POST /admin/users/:username/role': {
      allowed: ['admin'],
      prepare: async () => ({
        path: `/admin/users/${await freshUser()}/role`,
        body: { role: 'contributor' },
      }),
    },
    'POST /admin/users/:username/disable': {
      allowed: ['admin'],
      prepare: async () => ({ path: `/admin/users/${await freshUser()}/disable` }),
    },
    'POST /items/:id/assessments': {
      allowed: DRAFTERS,
      prepare: async () => ({ path: `/items/${ITEM}/assessments`, body: formJudgement }),
    },
    'POST /assessments/:id': {
      allowed: DRAFTERS,
      prepare: async (who) => ({
        path: `/assessments/${(await ownDraft(who)).id}`,
        body: { ...formJudgement, version: '1' },
      }),
    },
    'POST /assessments/:id/submit': {
      allowed: DRAFTERS,
      prepare: async (who) => ({
        path: `/assessments/${(await ownDraft(who)).id}/submit`,
        body: { version: '1' },
      }),
    },
    'POST /assessments/:id/return': {
      allowed: EDITORS,
      prepare: async () => ({ path: `/assessments/${(await inReview()).id}/return`, body: { version: '2' } }),
    },
    'POST /assessments/:id/publish': {
      allowed: EDITORS,
      prepare: async () => ({
        path: `/assessments/${(await inReview()).id}/publish`,
        body: { version: '2' },
      }),
    },
    'POST /assessments/:id/correct': {
      allowed: EDITORS,
      prepare: async () => ({
        path: `/assessments/${(await published()).id}/correct`,
        body: { ...formJudgement, correction_reason: 'test' },
      }),
    },
    'POST /items/:id/links': {
      allowed: EDITORS,
      prepare: async () => ({
        path: `/items/${nextRecommendation()}/links`,
        body: { target: 'camp-david-missile-warning-data-sharing', match: 'full', rationale: 'test' },
      }),
    },
    'POST /links/:id/delete': {
      allowed: EDITORS,
      prepare: async () => ({ path: `/links/${(await freshLink()).id}/delete`, body: { version: '1' } }),
    },
  };

  beforeAll(async () => {
    ({ db, users } = await seeded());
    app = testApp(db);
    // Recommendations the test may link to the milestone: not linked to it already, not restating others.
    recommendations = (
      await db.query<{ id: string }>(
        `SELECT id FROM recommendations r
          WHERE cardinality(r.restates) = 0
            AND NOT EXISTS (SELECT 1 FROM item_links l
                             WHERE l.recommendation_id = r.id AND l.milestone_id = '2023-08-18-camp-david-summit')
          ORDER BY id`,
      )
    ).map((r) => r.id);
  });
  afterAll(async () => {
    await db.close();
  });

  const mutating = () => {
    const seen = new Set<string>();
    for (const r of app.routes) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)) seen.add(`${r.method} ${r.path}`);
    }
    return [...seen].sort();
  };

  it('has a case for every mutating route of the router, and no case for a route that is gone', () => {
    expect(Object.keys(CASES).sort()).toEqual(mutating());
  });

  it('allows and refuses each route exactly as its case says, for anonymous callers and each role', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of mutating()) {
      const [method, pattern] = route.split(' ') as [string, string];
      const c = CASES[route]!;
      for (const who of WHO) {
        const { path, body } = await c.prepare(who);
        let res: Response;
        if (pattern.startsWith('/api/')) {
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          // A fresh token each time: "log out everywhere", earlier in the matrix, revokes a user's tokens.
          if (who !== 'anonymous')
            headers.Authorization = `Bearer ${(await createToken(db, users[LOGIN[who]], 'authz')).secret}`;
          res = await app.request(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
        } else {
          const client = new Client(app);
          if (who !== 'anonymous') expect((await client.logIn(LOGIN[who])).status).toBe(303);
          res = await client.post(path, (body ?? {}) as Record<string, string>);
        }
        const allowed = c.allowed.includes(who);
        // The API says why in a stable code as well.
        const api = pattern.startsWith('/api/');
        const code = async () => (api ? ` ${((await res.json()) as { code: string }).code}` : '');
        const outcome =
          res.status === 401 || res.status === 403
            ? `denied ${res.status}${await code()}`
            : res.status < 400
              ? 'allowed'
              : `error ${res.status}`;
        outcomes.push(`${route} as ${who}: ${outcome}`);
        const refusal =
          who === 'anonymous' ? `401${api ? ' login_required' : ''}` : `403${api ? ' forbidden' : ''}`;
        expected.push(`${route} as ${who}: ${allowed ? 'allowed' : `denied ${refusal}`}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
