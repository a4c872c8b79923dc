import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLED, MINI, TRILATERAL } from '../../test/helpers/datasets.ts';
import { FILE_KINDS, jsonSchemaFiles } from './json-schema.ts';
import { skeletonFiles } from './skeleton.ts';

// Checked by a standard validator (ajv 8, strict mode), not by zod: the schemas are for editors,
// whose YAML tools read JSON Schema only. strictRequired is off because it refuses the standard
// idiom for "one of these fields" (`anyOf: [{required: [url]}, {required: [document]}]`).
const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);
// ajv-formats has no "iri" (draft-07's URI with non-ASCII characters); an absolute IRI is what a
// WHATWG URL parser accepts, which is the rule z.url() applies.
ajv.addFormat('iri', (s: string) => URL.canParse(s));
const validators = new Map<string, ValidateFunction>(
  jsonSchemaFiles().map((f) => [f.name, ajv.compile(JSON.parse(f.text))]),
);

/** The validator of a dataset file, by where it is in its folder (`papers/x.yaml` → paper). */
function validatorOf(relative: string): ValidateFunction {
  const parts = relative.split(path.sep);
  const kind = FILE_KINDS.find((k) =>
    parts.length === 1 ? k.pattern === parts[0] : k.pattern.startsWith(`${parts[0]}/`),
  );
  if (!kind) throw new Error(`${relative} is not a file of a dataset folder`);
  return validators.get(kind.schemaFile)!;
}

function yamlFilesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

const errorsOf = (relative: string, text: string) => {
  const validate = validatorOf(relative);
  validate(parse(text));
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
};

describe('the JSON Schemas of dataset files', () => {
  it('are the committed ones in schemas/ (regenerate with `npm run schemas`)', () => {
    const committed = readdirSync('schemas').sort();
    const generated = jsonSchemaFiles();
    expect(committed).toEqual(generated.map((f) => f.name).sort());
    for (const f of generated) {
      expect(readFileSync(path.join('schemas', f.name), 'utf8'), `schemas/${f.name} is stale`).toBe(f.text);
    }
  });

  it('accept every file of the bundled records and of the test fixture', () => {
    for (const dir of [BUNDLED, TRILATERAL, MINI]) {
      const files = yamlFilesOf(dir);
      expect(files.length).toBeGreaterThan(dir === BUNDLED ? 100 : 5);
      for (const f of files) {
        expect(errorsOf(f, readFileSync(path.join(dir, f), 'utf8')), path.join(dir, f)).toEqual([]);
      }
    }
  });

  it('accept every file that `entente init` writes', () => {
    for (const f of skeletonFiles('example').filter((s) => s.path.endsWith('.yaml'))) {
      expect(errorsOf(f.path, f.text), f.path).toEqual([]);
    }
  });

  it('refuse a typo in a key, at any depth, naming the key', () => {
    const file = 'milestones/2023-08-18-camp-david-summit.yaml';
    const text = readFileSync(path.join(BUNDLED, file), 'utf8');
    expect(errorsOf(file, text.replace(/^summary:/m, 'sumary:'))).toContain(
      ' must NOT have additional properties {"additionalProperty":"sumary"}',
    );
    const nested = text.replace(/^( {4})quality:/m, '$1qualty:');
    expect(errorsOf(file, nested)).toContain(
      '/sources/0 must NOT have additional properties {"additionalProperty":"qualty"}',
    );
  });

  it('refuse a wrong value and a missing field as zod does', () => {
    const file = 'dataset.yaml';
    const text = readFileSync(path.join(BUNDLED, file), 'utf8');
    expect(errorsOf(file, text.replace('- KOR', '- Korea'))).toEqual([
      '/partnership/0 must match pattern "^[A-Z]{3,6}$" {"pattern":"^[A-Z]{3,6}$"}',
    ]);
    expect(errorsOf(file, text.replace(/^title:.*\n/m, ''))).toEqual([
      ' must have required property \'title\' {"missingProperty":"title"}',
    ]);
  });

  it('carry the refinements that are rules about which fields go together', () => {
    const source = (extra: string) =>
      `id: a\ntitle: A\npublisher: P\nsources:\n  - publisher: P\n    quality: primary\n${extra}series:\n  - id: s\n    title: S\n    sources:\n      - publisher: P\n        url: https://example.org/\n        quality: primary\n`;
    expect(errorsOf('programs/a.yaml', source('    document: A printed report\n'))).toEqual([]);
    expect(errorsOf('programs/a.yaml', source(''))).toContain('/sources/0 must match a schema in anyOf {}');

    const milestone = (commitment: string) =>
      `id: m\ndate: 2025-01-01\ntitle: M\nkind: summit\nparties: [KOR]\nformat: unilateral\nsummary: S\nsources:\n  - publisher: P\n    url: https://example.org/\n    quality: primary\ncommitments:\n  - id: c\n    title: C\n    summary: S\n    parties: [KOR]\n    format: unilateral\n    issue_area: a\n${commitment}`;
    expect(errorsOf('milestones/m.yaml', milestone('    paraphrase: P\n    paraphrase_note: N\n'))).toEqual(
      [],
    );
    expect(errorsOf('milestones/m.yaml', milestone('    paraphrase: P\n'))).toContain(
      '/commitments/0 must have property paraphrase_note when property paraphrase is present {"property":"paraphrase","missingProperty":"paraphrase_note","depsCount":1,"deps":"paraphrase_note"}',
    );
    expect(
      errorsOf(
        'milestones/m.yaml',
        milestone(
          '    paraphrase: P\n    paraphrase_note: N\n    quote: Q\n    quote_source:\n      publisher: P\n      document: D\n      quality: primary\n',
        ),
      ),
    ).toContain('/commitments/0 must NOT be valid {}');

    const link = 'links:\n  - recommendation: r\n    match: full\n    rationale: R\n';
    expect(errorsOf('links.yaml', link)).toContain(
      '/links/0 must match exactly one schema in oneOf {"passingSchemas":null}',
    );

    const assessments = (asOf: string) =>
      `item: c\nassessments:\n  - id: a\n    as_of: ${asOf}\n    implementation: 1\n    rationale: R\n    evidence:\n      - title: T\n        publisher: P\n        url: https://example.org/\n        quote: Q\n    assessor: A\n    state: draft\n`;
    expect(errorsOf('assessments/c.yaml', assessments('2025-01-01'))).toEqual([]);
    expect(errorsOf('assessments/c.yaml', assessments('2025-01'))[0]).toMatch(
      /^\/assessments\/0\/as_of must match pattern/,
    );
  });
});
