import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  credentials,
  endsCredentials,
  FIELD_NAMES,
  type Fixture,
  fieldText,
  fillPath,
  fixture,
} from './api-routes.ts';
import { bounded, nastyString, RUNS, runs, TIMEOUT } from './arbitraries.ts';

/**
 * Generated JSON bodies for every write route of the API (/api/…), sent with an admin's bearer
 * token (who may do everything, so bodies reach validation). One case is one request.
 */

// Values of the right shape for some field, of the wrong one for most, and deep or odd JSON.
const jsonField = fc.oneof(
  fieldText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(
    fc.record(
      { title: fieldText, publisher: fieldText, quote: fieldText, date: fieldText, url: fieldText },
      {
        requiredKeys: [],
      },
    ),
    { maxLength: 4 },
  ),
  fc.array(
    fc.record({
      party: fc.constantFrom('KOR', 'JPN', 'USA', 'XXX'),
      score: fc.oneof(fc.integer({ min: -3, max: 3 }), fieldText),
    }),
    {
      maxLength: 3,
    },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const jsonObject = fc.dictionary(
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: nastyString }),
  jsonField,
  {
    maxKeys: 12,
  },
);
// A body that would be accepted, with one or two fields changed or removed: reaches the checks
// past the schema (states, versions, references, four eyes).
const JUDGEMENT = {
  as_of: '2023-12-19',
  implementation: 3,
  rationale: 'Activated as pledged.',
  evidence: [{ title: 'Joint press statement', publisher: 'DoD', quote: 'fully activated' }],
};
const VALID: Record<string, unknown>[] = [
  JUDGEMENT,
  { ...JUDGEMENT, version: 1 },
  { ...JUDGEMENT, correction_reason: 'a typo' },
  { recommendation: 'x', milestone: '2023-08-18-camp-david-summit', match: 'partial', rationale: 'test' },
  { version: 1 },
  { version: 2 },
];
const nearlyValid = fc
  .tuple(
    fc.constantFrom(...VALID),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), jsonField, { maxKeys: 2 }),
    fc.option(fc.constantFrom(...FIELD_NAMES)),
  )
  .map(([base, over, drop]) => {
    const o: Record<string, unknown> = { ...base, ...over };
    if (drop) delete o[drop];
    return JSON.stringify(o);
  });
const jsonBody = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...VALID).map((o) => JSON.stringify(o)) },
  { weight: 4, arbitrary: nearlyValid },
  { weight: 4, arbitrary: jsonObject.map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '[]',
      'null',
      '{"as_of":',
      '{"a":1}{"b":2}',
      '\uFEFF{}',
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    ),
  },
);
const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('version', 'x', 'as_of'), fieldText)
      .map(([k, v]) => `?${new URLSearchParams({ [k]: v })}`),
  },
);

describe('fuzz: every JSON body of the API', () => {
  let f: Fixture;
  let creds: Awaited<ReturnType<typeof credentials>>;
  beforeAll(async () => {
    f = await fixture();
    creds = await credentials(f);
  });
  afterAll(() => f.db.close());

  it(
    'answers any body on any write route below 500, with a problem document naming a code and each field',
    async () => {
      const apiRoutes = f.routes.filter((r) => r.split(' ')[1]!.startsWith('/api'));
      expect(apiRoutes.length).toBeGreaterThanOrEqual(8);
      const statuses = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...apiRoutes),
          fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
          jsonBody,
          query,
          fc.oneof(
            { weight: 6, arbitrary: fc.constant('application/json') },
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'application/json; charset=latin1',
                '',
              ),
            },
          ),
          async (route, picks, body, q, type) => {
            const [method, pattern] = route.split(' ') as [string, string];
            const path = fillPath(pattern, f.params, picks) + q;
            const headers: Record<string, string> = { Authorization: `Bearer ${creds.bearer}` };
            if (type) headers['Content-Type'] = type;
            const res = await bounded(`${route} ${path}`, () =>
              f.app.request(path, {
                method,
                body: method === 'DELETE' && body === '' ? undefined : body,
                headers,
              }),
            );
            const shown = `${method} ${path} ${type} ${body.slice(0, 300)}`;
            expect(res.status, shown).toBeLessThan(500);
            const key = `${route} ${res.status}`;
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            if (res.status >= 400) {
              expect(res.headers.get('Content-Type'), shown).toMatch(/^application\/problem\+json/);
              const doc = (await res.json()) as {
                status: number;
                code: string;
                detail: string;
                errors?: { field: string; message: string; code: string }[];
              };
              expect(doc.status, shown).toBe(res.status);
              expect(doc.code, shown).toMatch(/^[a-z_]+$/);
              expect(doc.detail.trim(), shown).not.toBe('');
              for (const e of doc.errors ?? []) {
                expect(e.message.trim(), `${shown} ${JSON.stringify(e)}`).not.toBe('');
                expect(e.field !== '' || e.code !== '', `${shown} ${JSON.stringify(e)}`).toBe(true);
              }
            }
            if (endsCredentials(route)) creds = await credentials(f);
          },
        ),
        runs(100),
      );
      // What the long run answered, by route and status, for its report (bench/fuzz.sh).
      if (RUNS > 0)
        process.stdout.write(`json fuzz: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`);
    },
    TIMEOUT,
  );
});
