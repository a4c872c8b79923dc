import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, readTextFile, ValidationError } from '../../src/core/index.ts';
import { parseResultsCsv } from '../../src/opinion/index.ts';
import { judgementFromForm } from '../../src/web/tracker/form-data.ts';
import { seeded, testApp } from '../helpers/tracker.ts';

/**
 * Generated inputs for the parsers at Entente's edges. `npm test` runs a short pass; set
 * ENTENTE_FUZZ_RUNS (bench/fuzz.sh does) for a long one. A fixed seed keeps a failure repeatable.
 */
const RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261202);
const params = { numRuns: RUNS, seed: SEED };

const formKey = fc.oneof(
  fc.constantFrom('as_of', 'implementation', 'rationale', 'flags', 'specificity', 'compliance.KOR'),
  fc
    .tuple(
      fc.oneof(fc.nat(60), fc.nat(10_000_000), fc.string()),
      fc.constantFrom('title', 'publisher', 'date', 'url', 'quote', 'x'),
    )
    .map(([i, k]) => `evidence.${i}.${k}`),
  fc.string(),
);
const form = fc.dictionary(formKey, fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })), {
  maxKeys: 40,
});

describe('fuzz: the assessment form parser', () => {
  it('reads any form quickly into a judgement or a ValidationError naming a field', () => {
    fc.assert(
      fc.property(form, (f) => {
        const started = performance.now();
        try {
          const j = judgementFromForm(f, ['KOR', 'JPN']) as { evidence: unknown[] };
          expect(j.evidence.length).toBeLessThanOrEqual(50);
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect((e as ValidationError).problems[0]!.field).toBeTruthy();
        }
        expect(performance.now() - started).toBeLessThan(200);
      }),
      params,
    );
  });
});

describe('fuzz: text files and the results CSV parser', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads any bytes as text or one problem with the file; parses any text into results or located problems', () => {
    const series = { id: 's', questions: [], waves: [] } as unknown as Parameters<typeof parseResultsCsv>[2];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ maxLength: 2000 }).map((s) => Buffer.from(s)),
        ),
        (bytes) => {
          const file = path.join(dir, 'x.csv');
          writeFileSync(file, bytes);
          const r = readTextFile(file);
          if (r.problem) {
            expect(r.problem.file).toBe(file);
            return;
          }
          const { problems } = parseResultsCsv(r.text, file, series);
          for (const p of problems) {
            expect(p.file).toBe(file);
            expect(p.message).toBeTruthy();
          }
        },
      ),
      params,
    );
  });
});

describe('fuzz: JSON bodies of the API', () => {
  let db: Db;
  let app: ReturnType<typeof testApp>;
  let secret: string;
  beforeAll(async () => {
    const s = await seeded();
    db = s.db;
    const users = s.users;
    const { createToken } = await import('../../src/accounts/index.ts');
    secret = (await createToken(db, users.erin, 'fuzz')).secret;
    app = testApp(db);
  });
  afterAll(() => db.close());

  const routes = [
    ['POST', '/api/items/camp-david-missile-warning-data-sharing/assessments'],
    ['PUT', '/api/assessments/nope'],
    ['POST', '/api/assessments/nope/publish'],
    ['POST', '/api/links'],
  ] as const;

  it('never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ as_of: v, evidence: [v], rationale: v })),
        ),
        async ([method, url], body) => {
          const res = await app.request(url, {
            method,
            body,
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
          });
          expect(res.status, `${method} ${url} ${body.slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { ...params, numRuns: Math.max(20, Math.floor(RUNS / 4)) },
    );
  }, 120_000);
});
