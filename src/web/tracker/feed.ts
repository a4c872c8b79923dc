import type { AssessmentRow } from '../../tracker/index.ts';
import { levelLabel } from '../../tracker/index.ts';
import { at } from '../base-path.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed of published assessments, newest publication first. */
export function atomFeed(rows: AssessmentRow[], opts: { base: string; self: string; title: string }): string {
  const url = (p: string) => new URL(at(p), opts.base).href;
  const updated = rows[0]?.published_at ?? rows[0]?.as_of ?? '1970-01-01';
  const stamp = (s: string) => (s.length === 10 ? `${s}T00:00:00Z` : s);
  const entries = rows.map(
    (a) => `  <entry>
    <id>${esc(url(`/assessments/${a.id}`))}</id>
    <title>${esc(`${a.item_title}: ${a.implementation} ${levelLabel(a.implementation)} as of ${a.as_of}${a.corrects ? ' (correction)' : ''}`)}</title>
    <link rel="alternate" type="text/html" href="${esc(url(`/items/${a.item_id}#${a.id}`))}"/>
    <updated>${esc(stamp(a.published_at ?? a.as_of))}</updated>
    <author><name>${esc(a.assessor)}</name></author>
    <summary>${esc(a.rationale)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${esc(opts.self)}</id>
  <title>${esc(opts.title)}</title>
  <link rel="self" href="${esc(opts.self)}"/>
  <link rel="alternate" type="text/html" href="${esc(url('/tracker'))}"/>
  <updated>${esc(stamp(updated))}</updated>
${entries.join('\n')}
</feed>
`;
}
