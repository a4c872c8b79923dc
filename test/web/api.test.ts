import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { PaperView } from '../../src/publications/index.ts';
import { RecommendationView } from '../../src/tracker/index.ts';
import { appWith } from '../helpers/app.ts';
import { MINI } from '../helpers/datasets.ts';
import { seeded, testApp } from '../helpers/tracker.ts';

let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(MINI));
});
afterAll(() => db.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
};

describe('API', () => {
  it('publishes an OpenAPI 3.1 document whose every path answers', async () => {
    const { body: doc } = await get('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Paper',
        'Recommendation',
        'Milestone',
        'Commitment',
        'Party',
        'Problem',
        'Source',
      ]),
    );
    // A concrete request for every read path of the records API.
    const samples: Record<string, string> = {
      '/papers/{id}': '/papers/2025-skj-08-introduction',
      '/papers/{id}/citation': '/papers/2025-skj-08-introduction/citation',
      '/recommendations/{id}': '/recommendations/trilateral-nuclear-risk-discussions',
      '/milestones/{id}': '/milestones/1965-06-22-treaty-on-basic-relations',
      '/parties/{code}': '/parties/KOR',
    };
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>)) {
      if (!('get' in ops) || (path.includes('{') && !(path in samples))) continue;
      const res = await app.request(`/api${samples[path] ?? path}`);
      expect(res.status, path).toBe(200);
    }
    for (const path of Object.keys(samples)) expect(doc.paths).toHaveProperty([path]);
  });

  it('answers records that match their published schemas', async () => {
    const recs = await get('/api/recommendations?party=KOR');
    expect(recs.status).toBe(200);
    for (const r of recs.body) RecommendationView.parse(r);
    PaperView.parse((await get('/api/papers/2025-skj-08-introduction')).body);
  });

  it('rejects a bad query with a problem document naming the field', async () => {
    const res = await get('/api/recommendations?format=bilateralish');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'invalid_input', errors: [{ field: 'format' }] });
  });

  it('answers 404 with a problem document', async () => {
    const res = await get('/api/papers/none');
    expect(res).toMatchObject({ status: 404, body: { status: 404, title: 'Not found', code: 'not_found' } });
    expect(await get('/api/no-such-thing')).toMatchObject({ status: 404, body: { code: 'not_found' } });
    for (const url of [
      '/api/papers/none/citation',
      '/api/recommendations/none',
      '/api/milestones/none',
      '/api/parties/NONE',
      '/api/opinion/series/none',
      '/api/opinion/series/none/results.csv',
    ]) {
      const r = await get(url);
      expect(r, url).toMatchObject({
        status: 404,
        type: 'application/problem+json',
        body: { code: 'not_found' },
      });
      expect(r.body.detail, url).toMatch(/"(none|NONE)" not found/);
    }
  });

  it('serves a readable reference page built from the document', async () => {
    const res = await app.request('/api');
    const page = await res.text();
    expect(page).toContain('<code>GET /api/recommendations</code>');
    expect(page).toContain('href="/api/openapi.json"');
  });
});

interface Example {
  parameters?: { name: string; in: string; example?: unknown }[];
  requestBody?: { content: { 'application/json': { example: unknown } } };
  responses: Record<string, { content?: { 'application/json'?: { example: unknown } } }>;
}

describe("API examples of the tracker's writes", () => {
  it('are accepted in order on the bundled record, and answer the records they show', async () => {
    const { db, users } = await seeded();
    const api = testApp(db);
    const doc = await (await api.request('/api/openapi.json')).json();
    const [contributor, editor] = await Promise.all([
      createToken(db, users.carol, 'examples'),
      createToken(db, users.erin, 'examples'),
    ]);
    // A draft is returned to its assessor; a second one is published and then corrected; a link of
    // the record is removed and made again.
    const steps = [
      ['post /items/{id}/assessments', contributor],
      ['put /assessments/{id}', contributor],
      ['post /assessments/{id}/submit', contributor],
      ['post /assessments/{id}/return', editor],
      ['post /items/{id}/assessments', contributor],
      ['put /assessments/{id}', contributor],
      ['post /assessments/{id}/submit', contributor],
      ['post /assessments/{id}/publish', editor],
      ['post /assessments/{id}/corrections', editor],
      ['delete /links/{id}', editor],
      ['post /links', editor],
    ] as const;
    const writes = Object.entries(doc.paths as Record<string, Record<string, { tags: string[] }>>).flatMap(
      ([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.tags.includes('Tracker writes'))
          .map(([method]) => `${method} ${path}`),
    );
    expect(new Set(steps.map(([op]) => op))).toEqual(new Set(writes));

    // Drafts get ids with a random suffix: the example's id stands for the one the API gave.
    const ids = new Map<string, string>();
    const asGiven = (s: string) =>
      [...ids].reduce((out, [example, real]) => out.replaceAll(example, real), s);
    const asExample = (s: string) =>
      [...ids].reduce((out, [example, real]) => out.replaceAll(real, example), s);
    for (const [operation, token] of steps) {
      const [method, path] = operation.split(' ') as [string, string];
      const op: Example = doc.paths[path][method];
      const [status, success] = Object.entries(op.responses).find(([s]) => s.startsWith('2'))!;
      const example = success.content?.['application/json']?.example as Record<string, unknown>;
      let url = path;
      const query = new URLSearchParams();
      for (const p of op.parameters ?? [])
        if (p.in === 'path') url = url.replace(`{${p.name}}`, asGiven(String(p.example)));
        else query.set(p.name, String(p.example));
      const body = op.requestBody?.content['application/json'].example;
      const res = await api.request(`/api${url}${query.size ? `?${query}` : ''}`, {
        method: method.toUpperCase(),
        headers: { Authorization: `Bearer ${token.secret}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const answer = await res.json();
      expect(res.status, `${operation}: ${JSON.stringify(answer)}`).toBe(Number(status));
      if (typeof example.id === 'string' && answer.id !== example.id) ids.set(example.id, answer.id);
      // The example is the record that came back, but for the moments it was recorded and published.
      const stamped = (r: Record<string, unknown>) => ({
        ...r,
        recorded_at: r.recorded_at && 'a moment',
        published_at: r.published_at && 'a moment',
      });
      expect(stamped(JSON.parse(asExample(JSON.stringify(answer)))), operation).toEqual(stamped(example));
    }
    await db.close();
  });
});
