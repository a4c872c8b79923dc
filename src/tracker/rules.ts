import type { Judgement } from './assessment.ts';

/** A rule broken by a judgement: where (a path inside it), a stable code and what to do. */
export interface RuleProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

/**
 * What a judgement needs before it can be published, beyond its shape: every piece of evidence can
 * be found again (an address, or a named document with the reason it has none), and a "no step
 * documented" finding (level 0) says where the assessor looked, so that a reader can tell it from
 * an item nobody has assessed. The dataset check and the review workflow both apply it.
 */
export function publicationProblems(
  j: Pick<Judgement, 'implementation' | 'evidence' | 'searched'>,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  j.evidence.forEach((e, i) => {
    if (e.url === undefined && e.document === undefined) {
      problems.push({
        path: ['evidence', i, 'url'],
        code: 'missing_address',
        message:
          'give the address of the source (url), or the document it is in (document) and why it has none (no_url)',
      });
    } else if (e.url === undefined && e.no_url === undefined) {
      problems.push({
        path: ['evidence', i, 'no_url'],
        code: 'missing_reason',
        message: 'say why the document has no address (no_url)',
      });
    }
  });
  if (j.implementation === 0 && j.searched === undefined) {
    problems.push({
      path: ['searched'],
      code: 'missing_search',
      message:
        'a "no step documented" finding (implementation 0) lists the sources and queries searched (searched: on, sources, queries)',
    });
  }
  return problems;
}
