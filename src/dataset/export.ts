import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../core/index.ts';
import type { Dataset } from './dataset.ts';
import { fromRows, readRows } from './from-rows.ts';
import { toYaml } from './yaml-file.ts';

/** Reads the whole record from the store as a dataset. */
export async function readDataset(q: Queryable): Promise<Dataset> {
  return fromRows(await readRows(q));
}

/** The files of a dataset folder, path relative to the folder → canonical YAML text. */
export function datasetFiles(d: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  files.set('dataset.yaml', toYaml(d.dataset));
  files.set('parties.yaml', toYaml({ parties: d.parties }));
  files.set('issue-areas.yaml', toYaml({ issue_areas: d.issueAreas }));
  files.set('authors.yaml', toYaml({ authors: d.authors }));
  for (const p of d.programs) files.set(`programs/${p.id}.yaml`, toYaml(p));
  for (const p of d.papers) files.set(`papers/${p.id}.yaml`, toYaml(p));
  for (const m of d.milestones) files.set(`milestones/${m.id}.yaml`, toYaml(m));
  for (const s of d.surveys) files.set(`surveys/${s.id}.yaml`, toYaml(s));
  for (const a of d.assessments) files.set(`assessments/${a.item}.yaml`, toYaml(a));
  if (d.links.length > 0) files.set('links.yaml', toYaml({ links: d.links }));
  for (const t of d.translations) files.set(`translations/${t.lang}.yaml`, toYaml(t));
  return files;
}

/** Writes a dataset as a folder in the layout `import` reads. Returns the number of files. */
export function writeDataset(dir: string, d: Dataset): number {
  const files = datasetFiles(d);
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return files.size;
}
