import type { Child } from 'hono/jsx';
import type { Source } from '../core/index.ts';

/** What the sources do not give: shown plainly, never filled in. */
export const Unknown = (props: { what?: string }) => (
  <span class="unknown">{props.what ? `${props.what} is not known` : 'not known'}</span>
);

/** A value, or "not known". */
export function Known(props: { value: Child | null | undefined; what?: string }) {
  return props.value === null || props.value === undefined || props.value === '' ? (
    <Unknown what={props.what} />
  ) : (
    <>{props.value}</>
  );
}

const QUALITY = { primary: 'primary source', news: 'news outlet', mirror: 'copy of a news report' } as const;

/** A list of sources with publisher, date, link, quality and verbatim quote. */
export function SourceList(props: { sources: Source[]; heading?: string }) {
  if (props.sources.length === 0) return null;
  return (
    <section class="sources" aria-label={props.heading ?? 'Sources'}>
      <h2>{props.heading ?? 'Sources'}</h2>
      <ol>
        {props.sources.map((s) => (
          <li>
            <cite>{s.title ?? s.publisher}</cite>
            {s.title && <> — {s.publisher}</>}
            {s.date && <>, {s.date}</>} <span class={`quality q-${s.quality}`}>({QUALITY[s.quality]})</span>
            {s.url ? (
              <>
                {' '}
                <a href={s.url} rel="noopener noreferrer">
                  {shortUrl(s.url)}
                </a>
              </>
            ) : (
              s.document && <> {s.document}</>
            )}
            {s.quote && <blockquote>{s.quote}</blockquote>}
            {s.gloss && <p class="gloss">[{s.gloss}]</p>}
            {s.note && <p class="note">{s.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Party codes as links to their pages. */
export function Parties(props: { codes: string[]; names?: Map<string, string> }) {
  return (
    <span class="parties">
      {props.codes.map((code, i) => (
        <>
          {i > 0 && ', '}
          <a href={`/parties/${code}`} title={props.names?.get(code)}>
            {code}
          </a>
        </>
      ))}
    </span>
  );
}

/** A date as the sources give it (year, month or day) with its loose wording when there is one. */
export function DateText(props: { date: string; end?: string | null; note?: string | null }) {
  return (
    <>
      <time datetime={props.date}>{props.date}</time>
      {props.end && (
        <>
          {' – '}
          <time datetime={props.end}>{props.end}</time>
        </>
      )}
      {props.note && <span class="date-note"> ({props.note})</span>}
    </>
  );
}
