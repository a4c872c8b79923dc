import type { Field } from './documents.ts';
import { tokens } from './fold.ts';

// Limits of a PostgreSQL tsvector: positions run to 16383, and a lexeme keeps at most 256 of them.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_TERM = 255;
// Positions jump between fields so that a phrase never runs from one field into the next.
const FIELD_GAP = 8;

const quote = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * The terms of a document as a tsvector literal: each term with its positions and the weight of its
 * field (`'term':1A,9B`). Positions make a CJK query of several bigrams a phrase; weights rank titles
 * above summaries above notes.
 */
export function tsvectorLiteral(fields: Field[]): string {
  const positions = new Map<string, string[]>();
  let position = 1;
  for (const f of fields) {
    for (const t of tokens(f.text)) {
      const list = positions.get(t.term) ?? [];
      if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${Math.min(position, MAX_POSITION)}${f.weight}`);
      positions.set(t.term, list);
      position++;
    }
    position += FIELD_GAP;
  }
  return [...positions].map(([term, list]) => `${quote(term)}:${list.join(',')}`).join(' ');
}
