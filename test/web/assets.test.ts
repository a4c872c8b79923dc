import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { MINI } from '../helpers/datasets.ts';

type Media = { example?: unknown; schema?: { $ref?: string } };
interface Op {
  parameters?: { name: string; required?: boolean; example?: unknown; schema?: { example?: unknown } }[];
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
interface Doc {
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, { example: Record<string, unknown>; properties: object }> };
}
const openapi = async (): Promise<Doc> => (await app.request('/api/openapi.json')).json();

let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(MINI));
});
afterAll(() => db.close());

// One page of each kind, and an error page: each is a page a browser asks an icon for.
const PAGES = [
  '/',
  '/papers',
  '/papers/2025-skj-08-introduction',
  '/recommendations',
  '/recommendations/trilateral-nuclear-risk-discussions',
  '/milestones',
  '/parties/KOR',
  '/tracker',
  '/opinion',
  '/search?q=nuclear',
  '/api',
  '/login',
  '/no-such-page',
];

describe('favicon', () => {
  it('is an SVG, served with caching', async () => {
    const res = await app.request('/assets/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=604800');
    const svg = new DOMParser().parseFromString(await res.text(), 'image/svg+xml').documentElement;
    expect(svg.tagName).toBe('svg');
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toBe('0 0 32 32');
  });

  it('is linked from every page, and /favicon.ico leads to it', async () => {
    for (const path of PAGES) {
      const page = await (await app.request(path)).text();
      expect(page, path).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>');
    }
    const ico = await app.request('/favicon.ico');
    expect(ico.status).toBe(301);
    expect(ico.headers.get('location')).toBe('/assets/favicon.svg');
  });
});

describe('print stylesheet', () => {
  it('is linked for print from every page and served as CSS', async () => {
    for (const path of PAGES) {
      const page = await (await app.request(path)).text();
      expect(page, path).toContain('<link rel="stylesheet" href="/assets/print.css" media="print"/>');
    }
    const res = await app.request('/assets/print.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const css = await res.text();
    expect(css).toMatch(/@page\s*\{/);
    expect(css).toMatch(/header\.site nav,[^{]*\{\s*display: none;/);
    expect(css).toContain('content: " <" attr(href) ">"');
  });
});

describe('API reference examples', () => {
  it('the OpenAPI document has an example for every required parameter, request body and JSON response', async () => {
    const doc = await openapi();
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        const where = `${method} ${path}`;
        for (const p of op.parameters ?? [])
          if (p.required) expect(p.example ?? p.schema?.example, `${where} ${p.name}`).toBeDefined();
        for (const media of Object.values(op.requestBody?.content ?? {}))
          expect(media.example, `${where} body`).toBeDefined();
        const [status, ok] = Object.entries(op.responses).find(([s]) => s.startsWith('2'))!;
        for (const [type, media] of Object.entries(ok!.content ?? {}))
          if (type.includes('json')) expect(media.example, `${where} ${status}`).toBeDefined();
      }
    }
    expect(operations).toBeGreaterThan(20);
  });

  it('the records shown as examples have exactly the fields of their schemas', async () => {
    const doc = await openapi();
    for (const name of [
      'Program',
      'Series',
      'Paper',
      'Recommendation',
      'Commitment',
      'Milestone',
      'Party',
      'IssueArea',
    ]) {
      const schema = doc.components.schemas[name]!;
      expect(Object.keys(schema.example).sort(), name).toEqual(Object.keys(schema.properties).sort());
    }
    const paper = doc.paths['/papers/{id}']?.get?.responses['200']?.content?.['application/json'];
    expect(paper!.schema!.$ref).toBe('#/components/schemas/Paper');
    expect(doc.components.schemas.Paper?.example.id).toBe('partnership-2025-08-introduction');
  });

  it('the reference page shows an example request and response for each operation', async () => {
    const page = await (await app.request('/api')).text();
    const dom = new DOMParser().parseFromString(page, 'text/html');
    const operations = [...dom.querySelectorAll('article.operation')];
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) {
      const label = op.getAttribute('aria-label')!;
      const example = op.querySelector('details.example');
      expect(example, label).not.toBeNull();
      const [request, response] = [...example!.querySelectorAll('pre code')].map((c) => c.textContent!);
      const [method] = label.split(' ');
      expect(request, label).toMatch(new RegExp(`^${method} /api/\\S+$`, 'm'));
      // Every path parameter is filled in.
      expect(request!.split('\n')[0], label).not.toMatch(/[{}]|%7B/);
      if (/\(application\/json\)/.test(example!.textContent!))
        expect(() => JSON.parse(response!), label).not.toThrow();
    }
    const paper = operations.find((o) => o.getAttribute('aria-label') === 'GET /papers/{id}')!;
    expect(paper.querySelector('details.example pre code')!.textContent).toBe(
      'GET /api/papers/partnership-2025-08-introduction',
    );
    // Text downloads have examples too: the citation of the example paper, the CSV's header.
    const cite = operations.find((o) => o.getAttribute('aria-label') === 'GET /papers/{id}/citation')!;
    const [citeRequest, bib] = [...cite.querySelectorAll('details.example pre code')].map(
      (c) => c.textContent,
    );
    expect(citeRequest).toBe('GET /api/papers/partnership-2025-08-introduction/citation?format=bibtex');
    expect(bib).toMatch(/^@techreport\{partnership-2025-08-introduction,\n/);
    const csv = operations.find(
      (o) => o.getAttribute('aria-label') === 'GET /opinion/series/{id}/results.csv',
    )!;
    expect(csv.querySelectorAll('details.example pre code')[1]?.textContent).toMatch(/^series,/);
    const search = operations.find((o) => o.getAttribute('aria-label') === 'GET /search')!;
    expect(search.querySelector('details.example pre code')!.textContent).toBe(
      'GET /api/search?q=supply+chain',
    );
  });
});
