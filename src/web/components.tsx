import type { Child } from 'hono/jsx';
import type { MessageKey } from '../core/i18n/index.ts';
import type { Source } from '../core/index.ts';
import { at } from './base-path.ts';
import { useI18n } from './i18n.ts';

/**
 * A URL that may be a link: an absolute http(s) address, normalised so that `<`, `"` and spaces
 * are percent-encoded (an SVG stays well-formed XML). `javascript:`, `data:` and anything else that
 * is not a web address gives undefined, whatever a record or an event file holds.
 */
export function linkable(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link to an outside source, or its text alone when the address is not a web address. */
export function OutLink(props: { url: string; rel?: string; children: Child }) {
  const href = linkable(props.url);
  return href ? (
    <a href={href} rel={props.rel ?? 'noopener noreferrer'}>
      {props.children}
    </a>
  ) : (
    <span class="unlinked">{props.children}</span>
  );
}

/**
 * A wide table's own scrolling box, so that the page keeps the viewport's width: focusable and named,
 * so that keyboard users can scroll it too.
 */
export function TableScroll(props: { label: string; children?: Child }) {
  return (
    <section class="table-scroll" tabindex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}

/** What the sources do not give: shown plainly, never filled in. */
export function Unknown(props: { what?: string }) {
  const { t } = useI18n();
  return (
    <span class="unknown">
      {props.what ? t('common.unknownWhat', { what: props.what }) : t('common.unknown')}
    </span>
  );
}

/** A value, or "not known". */
export function Known(props: { value: Child | null | undefined; what?: string }) {
  if (props.value === null || props.value === undefined || props.value === '')
    return <Unknown what={props.what} />;
  return <>{props.value}</>;
}

/**
 * A field of a record in the reader's language, or in English marked as English: the reader sees
 * that a translation is missing instead of silently reading another language.
 */
export function Localized(props: { en: string; ko?: string | null; ja?: string | null }) {
  const { pick, locale, t } = useI18n();
  const { text, lang } = pick(props);
  if (lang === locale) return <>{text}</>;
  return (
    <span lang={lang} class="fallback" title={t('common.inEnglish')}>
      {text}
    </span>
  );
}

/** A list of sources with publisher, date, link, quality and verbatim quote. */
export function SourceList(props: { sources: Source[]; heading?: string }) {
  const { t } = useI18n();
  if (props.sources.length === 0) return null;
  const heading = props.heading ?? t('common.sources');
  return (
    <section class="sources" aria-label={heading}>
      <h2>{heading}</h2>
      <ol>
        {props.sources.map((s) => (
          <li>
            <cite>{s.title ?? s.publisher}</cite>
            {s.title && <> — {s.publisher}</>}
            {s.date && <>, {s.date}</>}{' '}
            <span class={`quality q-${s.quality}`}>({t(`common.${s.quality}`)})</span>
            {s.url ? (
              <>
                {' '}
                <OutLink url={s.url}>{shortUrl(s.url)}</OutLink>
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
          <a href={at(`/parties/${code}`)} title={props.names?.get(code)}>
            {code}
          </a>
        </>
      ))}
    </span>
  );
}

/** A date as the sources give it (year, month or day) in the reader's language, with its loose wording. */
export function DateText(props: { date: string; end?: string | null; note?: string | null }) {
  const { date } = useI18n();
  return (
    <>
      <time datetime={props.date}>{date(props.date)}</time>
      {props.end && (
        <>
          {' – '}
          <time datetime={props.end}>{date(props.end)}</time>
        </>
      )}
      {props.note && <span class="date-note"> ({props.note})</span>}
    </>
  );
}

/**
 * A message whose placeholders hold elements (a link, a time, emphasis): the translation decides
 * where they go, so word order stays the language's own.
 */
export function Msg(props: {
  k: MessageKey;
  vars?: Record<string, string | number>;
  nodes: Record<string, Child>;
}) {
  const { t } = useI18n();
  const names = Object.keys(props.nodes);
  const marks = Object.fromEntries(names.map((n, i) => [n, `\u0000${i}\u0000`]));
  const parts = t(props.k, { ...props.vars, ...marks }).split('\u0000');
  return <>{parts.map((part, i) => (i % 2 === 1 ? props.nodes[names[Number(part)]!] : part))}</>;
}
