import { readFileSync } from 'node:fs';

/**
 * Examples for the OpenAPI document: a request and a response for every operation. Values the
 * schemas give (`example`, `default`, an enum) come first; the main records (paper, recommendation,
 * milestone, …) are records of the bundled Korea–Japan record, shortened (`examples.json`); path
 * parameters name records of it; the tracker's writes have whole examples (`write-examples.json`:
 * an assessment of a commitment of the record drafted, changed, reviewed and corrected, one of its
 * links removed and made again), because a body drawn from types is one the API refuses; the rest
 * is drawn from each schema's type, so an example does not disagree with the schema it illustrates.
 */

/** Records of the bundled record, by schema name: long texts cut with "…", lists to one entry. */
const RECORD_EXAMPLES: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('./examples.json', import.meta.url), 'utf8'),
);

/** A whole example of an operation, by `method path`: its parameters, request body and response. */
export interface OperationExample {
  parameters?: Record<string, string | number>;
  request?: unknown;
  response?: unknown;
}

/**
 * The tracker writes' examples, in the order they can be sent: the first draft's id stands for
 * the id the API gives (it ends in a random suffix), and the later steps name it.
 */
export const WRITE_EXAMPLES: Record<string, OperationExample> = JSON.parse(
  readFileSync(new URL('./write-examples.json', import.meta.url), 'utf8'),
);

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: Schema;
}

interface Media {
  schema?: Schema;
  example?: unknown;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { description?: string; content?: Record<string, Media> }>;
}

interface Doc {
  paths?: Record<string, Record<string, Operation> | undefined>;
  components?: { schemas?: Record<string, Schema> };
}

/** The example of a record schema (`Paper`, `Milestone`, …): a shortened record of the bundled dataset. */
export const recordExample = (name: string): unknown => structuredClone(RECORD_EXAMPLES[name]);

/** Ids of the bundled record, by the collection a path parameter sits under. */
const RECORD_IDS: [RegExp, Record<string, string>][] = [
  [/^\/papers\//, { id: 'partnership-2025-08-introduction' }],
  [/^\/recommendations\//, { id: 'intro-independent-institutionalized-frameworks' }],
  [/^\/milestones\//, { id: '1965-06-22-treaty-on-basic-relations' }],
  [/^\/items\//, { id: 'camp-david-missile-warning-data-sharing' }],
  [/^\/assessments\//, { id: 'a1-cyber-ai-norms-leadership-2026-02-05' }],
  [/^\/links\//, { id: 'a1-cyber-ai-norms-leadership--nara-2026-ai-ip-working-talks' }],
  [/^\/opinion\/series\//, { id: 'eai-genron-joint-poll' }],
  [/^\/parties\//, { code: 'KOR' }],
  [/^\/signals\//, { dyad: 'KOR-JPN', day: '2025-01-03' }],
];

/** Query parameters worth showing although optional, with a value that finds something. */
const QUERY_EXAMPLES: Record<string, Record<string, string>> = {
  '/search': { q: 'supply chain' },
  '/recommendations': { party: 'USA' },
  '/papers/{id}/citation': { format: 'bibtex' },
  '/signals/dyads/{dyad}/series': { by: 'month' },
};

const ISO_DATE = /\\d\{4\}/;

/** A value of `schema`: its example, default or first enum value, else one drawn from its type. */
export function sampleOf(schema: Schema | undefined, doc: Doc, name = '', depth = 0): unknown {
  if (!schema) return null;
  if (schema.$ref) {
    const ref = schema.$ref.replace('#/components/schemas/', '');
    return depth > 6 ? {} : sampleOf(doc.components?.schemas?.[ref], doc, name, depth + 1);
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const first = alternatives.find((s) => s.type !== 'null') ?? alternatives[0];
    return sampleOf(first, doc, name, depth + 1);
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, doc, name, depth + 1)));
  const types = [schema.type ?? (schema.properties ? 'object' : 'string')].flat();
  const type = types.find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {}))
        out[key] = sampleOf(value, doc, key, depth + 1);
      return out;
    }
    case 'array':
      return depth > 8 ? [] : [sampleOf(schema.items, doc, name, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum !== undefined && schema.minimum > 0 ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema, name);
  }
}

function sampleString(schema: Schema, name: string): string {
  if (schema.format === 'uri' || /url$/i.test(name)) return 'https://www.eai.or.kr/';
  if (schema.format === 'date-time' || /_at$/.test(name)) return '2025-02-24T09:00:00Z';
  if (
    schema.format === 'date' ||
    (schema.pattern && ISO_DATE.test(schema.pattern)) ||
    /date|as_of/.test(name)
  )
    return '2025-02-24';
  if (schema.pattern === '^[A-Z]{3,6}$' || /party|code/.test(name)) return 'KOR';
  return name ? `${name.replaceAll('_', ' ')}` : 'text';
}

/** The path and query of an operation's example request, e.g. `/papers/partnership-2025-08-introduction`. */
export function examplePath(path: string, op: Operation): string {
  const ids = RECORD_IDS.find(([re]) => re.test(path))?.[1] ?? {};
  const value = (p: Parameter) =>
    String(p.example ?? p.schema?.example ?? ids[p.name] ?? sampleOf(p.schema, {}, p.name));
  const params = op.parameters ?? [];
  let filled = path;
  for (const p of params.filter((x) => x.in === 'path'))
    filled = filled.replace(`{${p.name}}`, encodeURIComponent(value(p)));
  const query = new URLSearchParams();
  for (const p of params.filter((x) => x.in === 'query')) {
    const wanted = QUERY_EXAMPLES[path]?.[p.name];
    if (wanted !== undefined) query.set(p.name, wanted);
    else if (p.required) query.set(p.name, value(p));
  }
  const q = query.toString();
  return q ? `${filled}?${q}` : filled;
}

/** The first success response of an operation, with its status. */
export function successResponse(op: Operation) {
  const [status, response] =
    Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2')) ??
    Object.entries(op.responses ?? {})[0] ??
    [];
  return status ? { status, response: response! } : undefined;
}

/** Puts an operation's whole example in place of what would be drawn from its schemas. */
function applyExample(op: Operation, example: OperationExample) {
  for (const p of op.parameters ?? [])
    if (example.parameters?.[p.name] !== undefined) p.example = example.parameters[p.name];
  for (const media of Object.values(op.requestBody?.content ?? {})) media.example = example.request;
  const success = successResponse(op);
  for (const media of Object.values(success?.response.content ?? {})) media.example = example.response;
}

/**
 * The document with an example on every parameter, request body and JSON response that has none.
 * Returns a copy; the document given is left as it is.
 */
export function withExamples<D extends object>(input: D): D {
  const doc = structuredClone(input) as Doc;
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
    if (schema.example === undefined && RECORD_EXAMPLES[name] !== undefined)
      schema.example = RECORD_EXAMPLES[name];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods ?? {})) {
      const whole = WRITE_EXAMPLES[`${method} ${path}`];
      if (whole) applyExample(op, whole);
      const ids = RECORD_IDS.find(([re]) => re.test(path))?.[1] ?? {};
      for (const p of op.parameters ?? []) {
        if (p.example !== undefined || p.schema?.example !== undefined) continue;
        const value = QUERY_EXAMPLES[path]?.[p.name] ?? ids[p.name];
        if (value !== undefined || p.required) p.example = value ?? sampleOf(p.schema, doc, p.name);
      }
      for (const media of Object.values(op.requestBody?.content ?? {}))
        if (media.example === undefined) media.example = sampleOf(media.schema, doc);
      for (const response of Object.values(op.responses ?? {}))
        for (const [type, media] of Object.entries(response.content ?? {}))
          if (media.example === undefined && /json/.test(type)) media.example = sampleOf(media.schema, doc);
    }
  }
  return doc as D;
}
