import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDataset, edit, MINI } from '../../test/helpers/datasets.ts';
import { loadDataset } from './load.ts';

const problemsOf = (dir: string) =>
  loadDataset(dir).problems.map(
    (p) => `${path.relative(dir, p.file ?? '')}:${p.line}: ${p.field ?? ''}: ${p.code}`,
  );

describe('loadDataset', () => {
  it('loads a valid folder', () => {
    const r = loadDataset(MINI);
    expect(r.problems).toEqual([]);
    expect(r.files).toBe(8);
    expect(r.dataset!.papers[0]!.recommendations[0]!.paragraph).toBe(16);
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = copyDataset(MINI);
    writeFileSync(path.join(dir, 'authors.yaml'), 'authors:\n  - id: a\n    name: [unclosed\n');
    expect(problemsOf(dir)[0]).toMatch(/^authors\.yaml:\d+: : yaml_syntax$/);
  });

  it('reports a duplicated key as a syntax error rather than keeping the last value', () => {
    const dir = copyDataset(MINI);
    edit(path.join(dir, 'dataset.yaml'), 'id: mini\n', 'id: mini\nid: other\n');
    expect(problemsOf(dir)).toEqual(['dataset.yaml:2: : yaml_syntax']);
  });

  it('names an unknown field at its own line', () => {
    const dir = copyDataset(MINI);
    edit(path.join(dir, 'authors.yaml'), '    name: Jiyoung Ko', '    name: Jiyoung Ko\n    nmae: typo');
    expect(problemsOf(dir)).toEqual(['authors.yaml:6: authors.1.nmae: unrecognized_keys']);
  });

  it('names a missing required field at its record', () => {
    const dir = copyDataset(MINI);
    edit(
      path.join(dir, 'papers/2025-skj-08-introduction.yaml'),
      '    title: Trilateral nuclear risk discussions\n',
      '',
    );
    expect(problemsOf(dir)).toEqual([
      'papers/2025-skj-08-introduction.yaml:22: recommendations.0.title: invalid_type',
    ]);
  });

  it('requires file names to match ids, and ids to be unique across files', () => {
    const dir = copyDataset(MINI);
    renameSync(
      path.join(dir, 'milestones/1965-06-22-treaty-on-basic-relations.yaml'),
      path.join(dir, 'milestones/treaty.yaml'),
    );
    expect(problemsOf(dir)).toEqual(['milestones/treaty.yaml:1: id: file_name']);

    const dup = copyDataset(MINI);
    edit(path.join(dup, 'authors.yaml'), 'id: jiyoung-ko', 'id: ryo-sahashi');
    expect(problemsOf(dup)).toContain('authors.yaml:4: authors.1.id: duplicate_id');
  });

  it('checks that a summary quote is verbatim in the summary it points at', () => {
    const dir = copyDataset(MINI);
    const paper = path.join(dir, 'papers/2025-skj-08-introduction.yaml');
    edit(
      paper,
      'language: en\n',
      'language: en\nsummary: Ryo Sahashi provides an overview of a series of working papers.\n',
    );
    edit(paper, '    paragraph: 16', '    paragraph: summary');
    expect(problemsOf(dir)).toEqual([
      'papers/2025-skj-08-introduction.yaml:34: recommendations.0.quote: quote_not_in_summary',
    ]);
  });

  it('says when the folder is not there', () => {
    expect(loadDataset('/nonexistent/dataset').problems).toEqual([
      { code: 'not_found', file: '/nonexistent/dataset', message: 'is not a dataset folder' },
    ]);
  });
});
