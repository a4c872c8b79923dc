import { z } from 'zod';
import { Source } from '../core/index.ts';
import { Commitment, Day, ItemLink, PastDay } from '../tracker/schema.ts';
import {
  AssessmentsFile,
  AuthorsFile,
  DatasetFile,
  IssueAreasFile,
  LinksFile,
  MilestoneFile,
  PaperFile,
  PartiesFile,
  ProgramFile,
  SurveyFile,
  TranslationsFile,
} from './layout.ts';

/** One kind of file of a dataset folder: where it lives, its zod schema, its JSON Schema's name. */
export interface FileKind {
  /** The schema's file name in a `.schemas/` folder, e.g. `paper.schema.json`. */
  schemaFile: string;
  /** Where files of this kind are in a dataset folder, e.g. `papers/<id>.yaml`. */
  pattern: string;
  /** What a file of this kind holds, in a line. */
  title: string;
  schema: z.ZodType;
}

/** Every kind of file of a dataset folder, in the order of the README's list. */
export const FILE_KINDS: readonly FileKind[] = [
  {
    schemaFile: 'dataset.schema.json',
    pattern: 'dataset.yaml',
    title: 'what the dataset covers',
    schema: DatasetFile,
  },
  {
    schemaFile: 'parties.schema.json',
    pattern: 'parties.yaml',
    title: 'states and organisations',
    schema: PartiesFile,
  },
  {
    schemaFile: 'issue-areas.schema.json',
    pattern: 'issue-areas.yaml',
    title: 'the tree of issue areas',
    schema: IssueAreasFile,
  },
  {
    schemaFile: 'authors.schema.json',
    pattern: 'authors.yaml',
    title: 'authors of papers',
    schema: AuthorsFile,
  },
  {
    schemaFile: 'program.schema.json',
    pattern: 'programs/<id>.yaml',
    title: 'a program with its series',
    schema: ProgramFile,
  },
  {
    schemaFile: 'paper.schema.json',
    pattern: 'papers/<id>.yaml',
    title: 'a paper with the recommendations whose words it holds',
    schema: PaperFile,
  },
  {
    schemaFile: 'milestone.schema.json',
    pattern: 'milestones/<id>.yaml',
    title: 'a dated event or document with its commitments',
    schema: MilestoneFile,
  },
  {
    schemaFile: 'survey.schema.json',
    pattern: 'surveys/<id>.yaml',
    title: 'a survey series with questions, waves and results',
    schema: SurveyFile,
  },
  {
    schemaFile: 'assessments.schema.json',
    pattern: 'assessments/<item>.yaml',
    title: 'the dated assessments of one tracked item',
    schema: AssessmentsFile,
  },
  {
    schemaFile: 'links.schema.json',
    pattern: 'links.yaml',
    title: 'recommendations matched by commitments or milestones',
    schema: LinksFile,
  },
  {
    schemaFile: 'translations.schema.json',
    pattern: 'translations/<lang>.yaml',
    title: 'titles and summaries of records in Korean or Japanese',
    schema: TranslationsFile,
  },
];

type JsonSchema = Record<string, unknown>;

// Refinements are code, which JSON Schema cannot carry; zod leaves them out. Those that are plain
// rules about which fields go together are restated here, so that an editor flags them too. What is
// left (calendar dates, references between files, the publication rules) only `entente validate`
// checks, and every schema says so in its description.
const REFINEMENTS = new Map<unknown, JsonSchema>([
  [Source, { anyOf: [{ required: ['url'] }, { required: ['document'] }] }],
  [Day, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }],
  [PastDay, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }],
  [
    Commitment,
    {
      not: { required: ['quote', 'paraphrase'] },
      dependencies: { paraphrase: ['paraphrase_note'], quote: ['quote_source'] },
    },
  ],
  [ItemLink, { oneOf: [{ required: ['commitment'] }, { required: ['milestone'] }] }],
  [TranslationsFile.shape.records.element, { anyOf: [{ required: ['title'] }, { required: ['summary'] }] }],
]);

/**
 * The JSON Schema (draft-07, which editors' YAML tools support best) of one kind of dataset file,
 * made from the same zod schema that `entente validate` applies. It describes the file as written:
 * fields with a default are optional, and unknown fields are refused, so that a typo'd key shows.
 *
 * @example
 * const paper = jsonSchemaOf(FILE_KINDS.find((k) => k.pattern === 'papers/<id>.yaml')!);
 */
export function jsonSchemaOf(kind: FileKind): JsonSchema {
  const body = z.toJSONSchema(kind.schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      Object.assign(jsonSchema, REFINEMENTS.get(zodSchema));
      // z.url() accepts what a WHATWG URL parser accepts, non-ASCII paths included (the record cites
      // Korean and Japanese addresses as written): that is an IRI, not an RFC 3986 URI.
      if (jsonSchema.format === 'uri') jsonSchema.format = 'iri';
    },
  }) as JsonSchema;
  const { $schema, ...rest } = body;
  return {
    $schema,
    title: `Entente dataset file: ${kind.pattern}`,
    description: `${kind.title[0]!.toUpperCase()}${kind.title.slice(1)}. Generated from Entente's zod schemas (npm run schemas); references between files, calendar dates and the publication rules are checked by \`entente validate\`.`,
    ...rest,
  };
}

/** Every kind's JSON Schema as the text of its file (two-space JSON and a final newline). */
export function jsonSchemaFiles(): { name: string; text: string }[] {
  return FILE_KINDS.map((k) => ({
    name: k.schemaFile,
    text: `${JSON.stringify(jsonSchemaOf(k), null, 2)}\n`,
  }));
}
