import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Problem } from '../core/index.ts';
import { readTextFile } from '../core/index.ts';
import { checkReferences } from './check-references.ts';
import type { Dataset } from './dataset.ts';
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
import { openYamlCache } from './yaml-cache.ts';
import { type ParsedFile, parseYamlFile } from './yaml-file.ts';

export interface LoadResult {
  dataset?: Dataset;
  problems: Problem[];
  files: number;
}

const FOLDERS = {
  programs: ProgramFile,
  papers: PaperFile,
  milestones: MilestoneFile,
  surveys: SurveyFile,
} as const;

export interface LoadOptions {
  /** Called with each file as it is read. */
  onFile?: (file: string) => void;
  /** Folder of the cache of parsed YAML files (`Config.cacheDir`); none parses every file. */
  cacheDir?: string;
}

/**
 * Reads and validates a dataset folder. Returns the dataset only when there is no problem at all;
 * otherwise every problem found, each with file, line and field.
 */
export function loadDataset(dir: string, { onFile, cacheDir }: LoadOptions = {}): LoadResult {
  const cache = openYamlCache(cacheDir);
  try {
    return loadFolder(dir, (file, text, schema) => {
      onFile?.(file);
      return parseYamlFile(file, text, schema, cache);
    });
  } finally {
    cache.save();
  }
}

type Parse = <S extends z.ZodType>(file: string, text: string, schema: S) => ParsedFile<z.output<S>>;

function loadFolder(dir: string, parseFile: Parse): LoadResult {
  const problems: Problem[] = [];
  const parsed: ParsedFile<unknown>[] = [];
  let files = 0;
  if (!isDir(dir)) {
    return { problems: [{ code: 'not_found', file: dir, message: 'is not a dataset folder' }], files };
  }

  const one = <S extends z.ZodType>(name: string, schema: S): ParsedFile<z.output<S>> | undefined => {
    const file = path.join(dir, name);
    const read = readTextFile(file);
    if (read.problem?.code === 'missing_file') {
      problems.push({ code: 'missing_file', file, message: `${name} is missing from the dataset folder` });
      return undefined;
    }
    files++;
    if (read.problem) {
      problems.push(read.problem);
      return undefined;
    }
    const p = parseFile(file, read.text, schema);
    problems.push(...p.problems);
    parsed.push(p);
    return p;
  };

  const many = <S extends z.ZodType>(folder: string, schema: S) => {
    const folderPath = path.join(dir, folder);
    if (!isDir(folderPath)) return [];
    const out: ParsedFile<z.output<S>>[] = [];
    for (const name of readdirSync(folderPath).sort()) {
      if (!name.endsWith('.yaml')) {
        problems.push({
          code: 'unexpected_file',
          file: path.join(folderPath, name),
          message: 'only .yaml files belong here',
        });
        continue;
      }
      const p = one(path.join(folder, name), schema);
      if (!p) continue;
      const id = (p.value as { id?: string } | undefined)?.id;
      if (id !== undefined && `${id}.yaml` !== name) {
        problems.push({
          code: 'file_name',
          file: p.file,
          line: p.lineOf(['id']),
          field: 'id',
          message: `id "${id}" must match the file name (rename the file to ${id}.yaml)`,
        });
      }
      out.push(p);
    }
    return out;
  };

  const dataset = one('dataset.yaml', DatasetFile);
  const parties = one('parties.yaml', PartiesFile);
  const issueAreas = one('issue-areas.yaml', IssueAreasFile);
  const authors = one('authors.yaml', AuthorsFile);
  const programs = many('programs', FOLDERS.programs);
  const papers = many('papers', FOLDERS.papers);
  const milestones = many('milestones', FOLDERS.milestones);
  const surveys = many('surveys', FOLDERS.surveys);
  const assessments = many('assessments', AssessmentsFile);
  for (const p of assessments) {
    const item = p.value?.item;
    if (item !== undefined && path.basename(p.file) !== `${item}.yaml`) {
      problems.push({
        code: 'file_name',
        file: p.file,
        line: p.lineOf(['item']),
        field: 'item',
        message: `item "${item}" must match the file name (rename the file to ${item}.yaml)`,
      });
    }
  }
  const translations = many('translations', TranslationsFile);
  for (const p of translations) {
    const lang = p.value?.lang;
    if (lang !== undefined && path.basename(p.file) !== `${lang}.yaml`) {
      problems.push({
        code: 'file_name',
        file: p.file,
        line: p.lineOf(['lang']),
        field: 'lang',
        message: `lang "${lang}" must match the file name (rename the file to ${lang}.yaml)`,
      });
    }
  }
  // Links are optional: a dataset without any has no links.yaml.
  const links = existsSync(path.join(dir, 'links.yaml')) ? one('links.yaml', LinksFile) : undefined;

  if (problems.length > 0 || !dataset?.value || !parties?.value || !issueAreas?.value || !authors?.value) {
    return { problems, files };
  }
  const values = <T>(ps: ParsedFile<T>[]) => ps.map((p) => p.value!);
  const result: Dataset = {
    dataset: dataset.value,
    parties: parties.value.parties,
    issueAreas: issueAreas.value.issue_areas,
    authors: authors.value.authors,
    programs: values(programs),
    papers: values(papers),
    milestones: values(milestones),
    surveys: values(surveys),
    assessments: values(assessments),
    links: links?.value?.links ?? [],
    translations: values(translations),
  };
  problems.push(
    ...checkReferences(result, {
      dataset,
      parties: parties,
      issueAreas: issueAreas,
      authors: authors,
      programs,
      papers,
      milestones,
      surveys,
      assessments,
      links,
      translations,
    }),
  );
  return problems.length > 0 ? { problems, files } : { dataset: result, problems, files };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
