import { type Token, tokens } from './fold.ts';

/** One thing a query asks for: a term, a prefix of terms, or consecutive CJK bigrams (a phrase). */
export type Clause = { kind: 'term' | 'prefix'; term: string } | { kind: 'phrase'; terms: string[] };

export interface ParsedQuery {
  clauses: Clause[];
  /** The same clauses as a PostgreSQL tsquery literal; empty when the query has no searchable term. */
  tsquery: string;
}

// A short alphabetic word is matched whole: as a prefix, "us" would find "use" and "usually".
const MIN_PREFIX = 3;
const MAX_CLAUSES = 12;

const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * Turns what a reader typed into clauses that must all match. Words are folded as the index folds
 * them, so a Latin-keyboard query finds a word spelled with look-alike letters; words of three letters
 * or more match as prefixes ("commit" finds "commitments"); a CJK run becomes its bigrams in order (a
 * phrase), and a single CJK character any bigram that starts with it.
 *
 * @example parseQuery('日韓 summit').tsquery // "'日韓' & 'summit':*"
 */
export function parseQuery(text: string): ParsedQuery {
  const all = tokens(text);
  const clauses: Clause[] = [];
  let i = 0;
  while (i < all.length && clauses.length < MAX_CLAUSES) {
    const t = all[i]!;
    if (!t.cjk) {
      clauses.push({ kind: t.term.length >= MIN_PREFIX ? 'prefix' : 'term', term: t.term });
      i++;
      continue;
    }
    // Consecutive bigrams of one run overlap by one character: "日韓関" → 日韓, 韓関.
    const run: Token[] = [t];
    while (i + run.length < all.length) {
      const next = all[i + run.length]!;
      const last = run.at(-1)!;
      if (!next.cjk || next.start >= last.end || last.term.length !== 2) break;
      run.push(next);
    }
    i += run.length;
    if (run.length === 1 && [...t.term].length === 1) clauses.push({ kind: 'prefix', term: t.term });
    else if (run.length === 1) clauses.push({ kind: 'term', term: t.term });
    else clauses.push({ kind: 'phrase', terms: run.map((r) => r.term) });
  }
  const tsquery = clauses
    .map((c) =>
      c.kind === 'phrase'
        ? `(${c.terms.map(lexeme).join(' <-> ')})`
        : c.kind === 'prefix'
          ? `${lexeme(c.term)}:*`
          : lexeme(c.term),
    )
    .join(' & ');
  return { clauses, tsquery };
}

/** Whether a term of a text answers a clause: for highlighting the words that made a record match. */
export function termMatches(term: string, clauses: Clause[]): boolean {
  return clauses.some((c) =>
    c.kind === 'phrase'
      ? c.terms.includes(term)
      : c.kind === 'prefix'
        ? term.startsWith(c.term)
        : c.term === term,
  );
}
