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

/** What a judgement is checked against: the kind of item it judges and the item's parties. */
export interface JudgedItem {
  kind: 'recommendation' | 'commitment';
  parties: readonly string[];
}

/**
 * What a judgement must agree with in the item it judges: compliance is scored for commitments and
 * only for their parties, each once; specificity is rated for recommendations; no flag twice. The
 * review workflow and the dataset check both apply it.
 */
export function judgementProblems(
  item: JudgedItem,
  j: Pick<Judgement, 'compliance' | 'specificity' | 'flags'>,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (item.kind === 'recommendation' && j.compliance) {
    problems.push({
      path: ['compliance'],
      code: 'not_applicable',
      message: 'only commitments have compliance',
    });
  }
  if (item.kind === 'commitment' && j.specificity !== undefined) {
    problems.push({
      path: ['specificity'],
      code: 'not_applicable',
      message: 'only recommendations have specificity',
    });
  }
  if (item.kind === 'commitment') {
    j.compliance?.forEach((c, i) => {
      if (!item.parties.includes(c.party)) {
        problems.push({
          path: ['compliance', i, 'party'],
          code: 'unknown_reference',
          message: `${c.party} is not a party to this commitment (${item.parties.join(', ')})`,
        });
      }
    });
  }
  if (new Set(j.compliance?.map((c) => c.party)).size !== (j.compliance?.length ?? 0)) {
    problems.push({ path: ['compliance'], code: 'duplicate', message: 'names a party twice' });
  }
  if (j.flags && new Set(j.flags).size !== j.flags.length) {
    problems.push({ path: ['flags'], code: 'duplicate', message: 'names a flag twice' });
  }
  return problems;
}
