import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/index.ts';
import { judgementFromForm } from '../../src/web/tracker/form-data.ts';
import { Client } from '../helpers/tracker.ts';
import {
  credentials,
  endsCredentials,
  FIELD_NAMES,
  type Fixture,
  fieldText,
  fillPath,
  fixture,
  paramCount,
} from './api-routes.ts';
import { bounded, nastyString, runs, TIMEOUT } from './arbitraries.ts';

/**
 * Generated form bodies for every write route of the site (the routes outside /api), posted with
 * a valid session and CSRF token of an admin (who may do everything, so bodies reach validation),
 * or anonymously for /login and /logout. One case is one request.
 */

const formKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.nat(60), fc.nat(10_000_000), fc.string({ maxLength: 4 })),
        fc.constantFrom('title', 'publisher', 'date', 'url', 'quote', 'x'),
      )
      .map(([i, k]) => `evidence.${i}.${k}`),
  },
  { weight: 1, arbitrary: nastyString },
);
const formFields = fc.array(fc.tuple(formKey, fieldText), { maxLength: 30 });

/** A refused form says why: the form again with its problems, or an error page with a message. */
function explainsRefusal(html: string): boolean {
  if (/class="error-summary" role="alert"/.test(html)) return true;
  const m = /<h1[^>]*>[^<]+<\/h1>\s*<p>([^<]+)<\/p>/.exec(html);
  return Boolean(m?.[1]?.trim());
}

describe('fuzz: every form of the site', () => {
  let f: Fixture;
  let creds: Awaited<ReturnType<typeof credentials>>;
  beforeAll(async () => {
    f = await fixture();
    creds = await credentials(f);
  });
  afterAll(() => f.db.close());

  it('reads any form quickly into a judgement or a ValidationError naming a field', () => {
    const form = fc.dictionary(formKey, fc.oneof(fieldText, fc.array(fieldText, { maxLength: 3 })), {
      maxKeys: 40,
    });
    fc.assert(
      fc.property(form, (values) => {
        const started = performance.now();
        try {
          const j = judgementFromForm(values, ['KOR', 'JPN']) as { evidence: unknown[] };
          expect(j.evidence.length).toBeLessThanOrEqual(50);
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect((e as ValidationError).problems[0]!.field).toBeTruthy();
        }
        expect(performance.now() - started).toBeLessThan(200);
      }),
      runs(300),
    );
  });

  it(
    'answers any form on any write route below 500, and says why it refuses one',
    async () => {
      const formRoutes = f.routes.filter((r) => !r.split(' ')[1]!.startsWith('/api'));
      expect(formRoutes.length).toBeGreaterThan(10);
      const statuses = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...formRoutes),
          fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
          formFields,
          fc.oneof(
            { weight: 6, arbitrary: fc.constant('application/x-www-form-urlencoded') },
            {
              weight: 1,
              arbitrary: fc.constantFrom('text/plain', 'application/json', 'multipart/form-data', ''),
            },
          ),
          async (route, picks, fields, type) => {
            const [method, pattern] = route.split(' ') as [string, string];
            expect(paramCount(pattern)).toBeLessThanOrEqual(picks.length);
            const path = fillPath(pattern, f.params, picks);
            const anonymous = pattern === '/login' || pattern === '/logout';
            const client = anonymous ? new Client(f.app) : creds.client;
            const csrf = anonymous ? await client.csrf('/login') : creds.csrf;
            const body = new URLSearchParams([['_csrf', csrf], ...fields]);
            const res = await bounded(`${route} ${path}`, () =>
              client.request(path, {
                method,
                body: body.toString(),
                headers: type ? { 'Content-Type': type } : {},
              }),
            );
            const shown = `${method} ${path} ${type} ${body.toString().slice(0, 300)}`;
            expect(res.status, shown).toBeLessThan(500);
            const key = `${route} ${res.status}`;
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            if (res.status >= 400) {
              expect(res.headers.get('Content-Type'), shown).toMatch(/^text\/html/);
              expect(explainsRefusal(await res.text()), shown).toBe(true);
            }
            if (!anonymous && endsCredentials(route)) creds = await credentials(f);
          },
        ),
        runs(100),
      );
      process.stdout.write(`forms fuzz: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`);
    },
    TIMEOUT,
  );
});
