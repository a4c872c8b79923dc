import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { PaperView } from '../../src/publications/index.ts';
import { RecommendationView } from '../../src/tracker/index.ts';
import { appWith } from '../helpers/app.ts';
import { MINI } from '../helpers/datasets.ts';

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
