import type { z } from 'zod';
import type { IssueAreaNode, Party } from '../core/index.ts';
import type { Author } from '../publications/schema.ts';
import type { ItemLink, Milestone } from '../tracker/schema.ts';
import type {
  AssessmentsFile,
  DatasetFile,
  PaperFile,
  ProgramFile,
  SurveyFile,
  TranslationsFile,
} from './layout.ts';

/** A whole dataset in memory: what a dataset folder holds, validated and typed. */
export interface Dataset {
  dataset: DatasetFile;
  parties: Party[];
  issueAreas: IssueAreaNode[];
  authors: Author[];
  programs: z.output<typeof ProgramFile>[];
  papers: z.output<typeof PaperFile>[];
  milestones: Milestone[];
  surveys: z.output<typeof SurveyFile>[];
  /** Assessments, a file per tracked item. */
  assessments: z.output<typeof AssessmentsFile>[];
  links: ItemLink[];
  /** Titles and summaries in Korean and Japanese, a file per language. */
  translations: z.output<typeof TranslationsFile>[];
}

export type PaperRecord = Dataset['papers'][number];
export type ProgramRecord = Dataset['programs'][number];
export type SurveyRecord = Dataset['surveys'][number];

/** Every issue area of a tree, depth first, with its parent. */
export function flattenIssueAreas(
  nodes: IssueAreaNode[],
  parent?: string,
): { node: IssueAreaNode; parent?: string }[] {
  return nodes.flatMap((node) => [{ node, parent }, ...flattenIssueAreas(node.children ?? [], node.id)]);
}
