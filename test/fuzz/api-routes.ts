import fc from 'fast-check';
import { expect } from 'vitest';
import { type Actor, createToken } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { draftAssessment, linkItems, publishAssessment, submitForReview } from '../../src/tracker/index.ts';
import { Client, seeded, testApp, type Username } from '../helpers/tracker.ts';
import { nastyString } from './arbitraries.ts';

/**
 * What the form and JSON fuzz targets share: a seeded store with records in every state, the app,
 * the write routes read from its router, and values for their path parameters.
 */

export const ITEM = 'camp-david-missile-warning-data-sharing';
const judgement = {
  as_of: '2023-12-19',
  implementation: 3,
  rationale: 'Activated as pledged.',
  evidence: [{ title: 'Joint press statement', publisher: 'DoD', quote: 'fully activated' }],
};

export interface Fixture {
  db: Db;
  app: ReturnType<typeof testApp>;
  users: Record<Username, Actor & { id: number }>;
  /** Every mutating route of the router, as `METHOD /pattern`. */
  routes: string[];
  /** Values for each kind of path parameter: real records in every state, unknown and hostile ones. */
  params: Record<'item' | 'assessment' | 'link' | 'token' | 'username', string[]>;
}

export async function fixture(): Promise<Fixture> {
  const { db, users } = await seeded();
  const app = testApp(db);
  const ownDraft = await draftAssessment(db, users.ada, ITEM, judgement);
  const othersDraft = await draftAssessment(db, users.carol, ITEM, judgement);
  const inReview = await submitForReview(
    db,
    users.carol,
    (await draftAssessment(db, users.carol, ITEM, judgement)).id,
    1,
  );
  const published = await publishAssessment(
    db,
    users.ed,
    (await submitForReview(db, users.carol, (await draftAssessment(db, users.carol, ITEM, judgement)).id, 1))
      .id,
    2,
  );
  const [rec] = await db.query<{ id: string }>(
    `SELECT id FROM recommendations r WHERE cardinality(r.restates) = 0 AND NOT EXISTS
       (SELECT 1 FROM item_links l WHERE l.recommendation_id = r.id) ORDER BY id LIMIT 1`,
  );
  const link = await linkItems(db, users.ed, {
    recommendation: rec!.id,
    milestone: '2023-08-18-camp-david-summit',
    match: 'partial',
    rationale: 'test',
  });
  const token = await createToken(db, users.vic, 'to revoke');
  const hostile = [
    'nope',
    '0',
    '-1',
    '%00',
    '%2e%2e%2f',
    '..',
    encodeURIComponent('"><script>'),
    'x'.repeat(300),
  ];
  const real = (ids: string[]) => Array.from({ length: hostile.length }, (_, i) => ids[i % ids.length]!);
  const routes = [
    ...new Set(
      app.routes
        .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ].sort();
  return {
    db,
    app,
    users,
    routes,
    // Real records weigh as much as all hostile values together, so that bodies reach the services.
    params: {
      item: [...real([ITEM, rec!.id, '2023-08-18-camp-david-summit']), ...hostile],
      assessment: [...real([ownDraft.id, othersDraft.id, inReview.id, published.id]), ...hostile],
      link: [...real([String(link.id)]), ...hostile],
      token: [...real([String(token.id)]), ...hostile],
      // Never the acting admin: disabling them would end the run's session.
      username: [...real(['vic', 'carol', 'nobody']), ...hostile],
    },
  };
}

/** The path of a route pattern with each parameter taken from `params` by the `picks`. */
export function fillPath(pattern: string, params: Fixture['params'], picks: readonly number[]): string {
  let i = 0;
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const kind = name === 'username' ? 'username' : kindOfId(pattern);
    const values = params[kind];
    return values[(picks[i++] ?? 0) % values.length]!;
  });
}

function kindOfId(pattern: string): keyof Fixture['params'] {
  if (/\/items\/:id/.test(pattern)) return 'item';
  if (/\/assessments\/:id/.test(pattern)) return 'assessment';
  if (/\/links\/:id/.test(pattern)) return 'link';
  if (/\/tokens\/:id/.test(pattern)) return 'token';
  throw new Error(`${pattern}: no values for its :id; add them to test/fuzz/api-routes.ts`);
}

/** Fields the write routes read, so that generated bodies reach past the first check. */
export const FIELD_NAMES = [
  'as_of',
  'implementation',
  'rationale',
  'flags',
  'specificity',
  'compliance.KOR',
  'compliance.JPN',
  'version',
  'correction_reason',
  'recommendation',
  'milestone',
  'target',
  'match',
  'name',
  'role',
  'username',
  'password',
  'next',
  'evidence',
  'expires',
];

/** Values for those fields: right ones, wrong types, hostile strings. */
export const fieldText = fc.oneof(
  fc.constantFrom(
    '2023-12-19',
    '2999-12-31',
    '3',
    '1',
    '2',
    '-1',
    '99',
    'full',
    'partial',
    'viewer',
    'admin',
    'editor',
    ITEM,
    '2023-08-18-camp-david-summit',
    '/',
    '//evil.example',
    '/\t/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    'correct horse battery staple',
  ),
  nastyString,
);

/** A new session for the acting admin, with its CSRF token, and an API token. */
export async function credentials(f: Fixture): Promise<{ client: Client; csrf: string; bearer: string }> {
  const client = new Client(f.app);
  expect((await client.logIn('ada')).status).toBe(303);
  const csrf = await client.csrf('/account');
  const bearer = (await createToken(f.db, f.users.ada, 'fuzz')).secret;
  return { client, csrf, bearer };
}

/** Routes after which the acting admin's session or token may be gone. */
export const endsCredentials = (route: string) => /logout|revoke|\/role$|\/disable$/.test(route);

/** The path parameters of a pattern can be filled: fails on a route this file does not know. */
export const paramCount = (pattern: string) => (pattern.match(/:\w+/g) ?? []).length;
