import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { Format } from '../../src/core/schema.ts';
import type { createApp } from '../../src/web/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED } from '../helpers/datasets.ts';

// Each record's shape is written once, as a zod schema; these tests fail when a CSV column, a data
// package field, a JSON download key, an OpenAPI property and an API answer's key stop agreeing.
let app: ReturnType<typeof createApp>;
let db: Db;
beforeAll(async () => ({ app, db } = await appWith(BUNDLED)));
afterAll(() => db.close());

const text = async (url: string) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  return res.text();
};
const json = async <T = unknown>(url: string) => JSON.parse(await text(url)) as T;
const csvHeader = async (url: string) =>
  (parse((await text(url)).replace(/^\uFEFF/, ''), { to_line: 1 }) as string[][])[0]!;
const keysOfEach = (rows: Record<string, unknown>[]) => [
  ...new Set(rows.map((r) => Object.keys(r).join(','))),
];

type Package = { resources: { name: string; schema: { fields: { name: string; description: string }[] } }[] };
type OpenApi = { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };

describe('one schema per record', () => {
  let pkg: Package;
  let api: OpenApi;
  beforeAll(async () => {
    pkg = await json<Package>('/tracker/datapackage.json');
    api = await json<OpenApi>('/api/openapi.json');
  });
  const fieldsOf = (name: string) => pkg.resources.find((r) => r.name === name)!.schema.fields;

  it.each([
    ['assessments', '/tracker/assessments.csv'],
    ['items', '/tracker/items.csv'],
    ['links', '/tracker/links.csv'],
  ])('%s: the CSV header is the data package field list, in order', async (name, url) => {
    const names = fieldsOf(name).map((f) => f.name);
    expect(names.length).toBeGreaterThan(5);
    expect(await csvHeader(url)).toEqual(names);
    for (const f of fieldsOf(name)) expect(f.description, `${name}.${f.name}`).not.toBe('');
  });

  it('the JSON download of assessments has exactly the CSV columns', async () => {
    const rows = await json<Record<string, unknown>[]>('/tracker/assessments.json');
    expect(rows.length).toBeGreaterThan(100);
    expect(keysOfEach(rows)).toEqual([
      fieldsOf('assessments')
        .map((f) => f.name)
        .join(','),
    ]);
  });

  it.each([
    ['Assessment', '/api/assessments'],
    ['ItemLink', '/api/links'],
  ])(
    'every API answer of %s has exactly the properties its OpenAPI schema documents',
    async (schema, url) => {
      const rows = await json<Record<string, unknown>[]>(url);
      expect(rows.length).toBeGreaterThan(10);
      const documented = Object.keys(api.components.schemas[schema]!.properties);
      expect(keysOfEach(rows).map((k) => k.split(',').sort())).toEqual([documented.sort()]);
    },
  );

  it('every column of a download that is not a link or a status is a documented API property', () => {
    const derived = new Set(['url', 'item_url', 'recommendation_url', 'status']);
    const assessment = api.components.schemas.Assessment!.properties;
    for (const f of fieldsOf('assessments'))
      if (!derived.has(f.name)) expect(assessment).toHaveProperty(f.name);
    const link = api.components.schemas.ItemLink!.properties;
    for (const f of fieldsOf('links')) if (!derived.has(f.name)) expect(link).toHaveProperty(f.name);
  });

  it("the items' format column names every format a record can have", () => {
    const format = fieldsOf('items').find((f) => f.name === 'format')!;
    for (const value of Format.options) expect(format.description).toContain(value);
  });
});
