import type { Field } from './documents.ts';
import { tokens } from './fold.ts';
import { type Clause, termMatches } from './query.ts';

/** A piece of a snippet: text exactly as the record has it, marked where it matched the query. */
export interface Segment {
  text: string;
  match: boolean;
}

// A summary or quote shows the match in context; a title is already shown above the snippet.
const WEIGHT_ORDER = { B: 0, A: 1, C: 2 } as const;

/**
 * The passage of a document that best shows why it matched: the first field (by weight) with a
 * match, cut to about `width` characters around the first match, with every matching word or CJK
 * bigram marked. Overlapping bigrams merge into one mark. The text is never altered, only cut.
 */
export function snippet(
  fields: Field[],
  clauses: Clause[],
  width = 220,
): { field: string; segments: Segment[] } {
  const ordered = [...fields].sort((a, b) => WEIGHT_ORDER[a.weight] - WEIGHT_ORDER[b.weight]);
  for (const f of ordered) {
    const ranges = mergedMatches(f.text, clauses);
    if (ranges.length === 0) continue;
    const first = ranges[0]!;
    let from = Math.max(0, first[0] - Math.floor(width / 3));
    let to = Math.min(f.text.length, from + width);
    from = Math.max(0, Math.min(from, to - width));
    // Cut at a space where there is one near, so that words stay whole (CJK text has none; it is cut as is).
    if (from > 0) {
      const space = f.text.indexOf(' ', from);
      if (space !== -1 && space < first[0]) from = space + 1;
    }
    if (to < f.text.length) {
      const space = f.text.lastIndexOf(' ', to);
      if (space > (ranges.filter((r) => r[1] <= to).at(-1)?.[1] ?? first[1])) to = space;
    }
    const segments: Segment[] = [];
    if (from > 0) segments.push({ text: '…', match: false });
    let at = from;
    for (const [s, e] of ranges) {
      if (e <= from || s >= to) continue;
      const start = Math.max(s, from);
      const end = Math.min(e, to);
      if (start > at) segments.push({ text: f.text.slice(at, start), match: false });
      segments.push({ text: f.text.slice(start, end), match: true });
      at = end;
    }
    if (at < to) segments.push({ text: f.text.slice(at, to), match: false });
    if (to < f.text.length) segments.push({ text: '…', match: false });
    return { field: f.name, segments };
  }
  const first = ordered[0];
  const text = first ? first.text.slice(0, width) : '';
  return { field: first?.name ?? '', segments: text ? [{ text, match: false }] : [] };
}

function mergedMatches(text: string, clauses: Clause[]): [number, number][] {
  const ranges = tokens(text)
    .filter((t) => termMatches(t.term, clauses))
    .map((t) => [t.start, t.end] as [number, number]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}
