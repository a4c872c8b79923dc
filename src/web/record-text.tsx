import type { Context, MiddlewareHandler } from 'hono';
import { getContext } from 'hono/context-storage';
import type { Db, Source } from '../core/index.ts';
import { shortUrl } from './components.tsx';
import { type I18nEnv, useI18n } from './i18n.ts';

/** The kinds of record whose title and summary are translated. */
export type RecordKind = 'paper' | 'recommendation' | 'commitment' | 'milestone';

interface Translation {
  title: string | null;
  summary: string | null;
  official: Source | null;
}

export type TranslationsEnv = I18nEnv & { Variables: { translations?: Map<string, Translation> } };

/**
 * Loads the record translations of the request's language (a few hundred short rows), so that pages
 * show titles and summaries in Korean or Japanese where the record has them. English requests pay
 * nothing.
 */
export function translationsMiddleware(db: Db): MiddlewareHandler<TranslationsEnv> {
  return async (c, next) => {
    const { locale } = c.var.i18n;
    if (locale !== 'en' && c.req.method === 'GET') {
      const rows = await db.query<{ kind: string; record_id: string } & Translation>(
        'SELECT kind, record_id, title, summary, official FROM translations WHERE lang = $1',
        [locale],
      );
      c.set('translations', new Map(rows.map((r) => [`${r.kind}:${r.record_id}`, r])));
    }
    await next();
  };
}

/** A record's title and summary in the reader's language where a translation exists, else English. */
export interface RecordText {
  title: string;
  summary: string | null;
  /** The language of `title` (and of `summary`, which falls back alone). */
  lang: string;
  summaryLang: string;
  translated: boolean;
  official: Source | null;
}

export function recordText(
  kind: RecordKind,
  id: string,
  en: { title: string; summary?: string | null },
): RecordText {
  const { locale } = useI18n();
  let t: Translation | undefined;
  try {
    t = (getContext() as Context<TranslationsEnv>).var.translations?.get(`${kind}:${id}`);
  } catch {
    t = undefined;
  }
  const summary = t?.summary ?? en.summary ?? null;
  return {
    title: t?.title ?? en.title,
    summary,
    lang: t?.title ? locale : 'en',
    summaryLang: t?.summary ? locale : 'en',
    translated: t !== undefined,
    official: t?.official ?? null,
  };
}

/** A record's title in the reader's language, marked with the language it is in. */
export function RecordTitle(props: { kind: RecordKind; id: string; en: string }) {
  const r = recordText(props.kind, props.id, { title: props.en });
  return <span lang={r.lang}>{r.title}</span>;
}

/** Says whose translation a record's title and summary are: Entente's, or the publisher's (cited). */
export function TranslationNote(props: { text: RecordText }) {
  const { t } = useI18n();
  if (!props.text.translated) return null;
  const o = props.text.official;
  return (
    <p class="translation-note">
      {o ? (
        <>
          {t('record.officialTranslation', { publisher: o.publisher })}
          {o.url && (
            <>
              {' '}
              <a href={o.url} rel="noopener noreferrer">
                {shortUrl(o.url)}
              </a>
            </>
          )}
        </>
      ) : (
        t('record.ourTranslation')
      )}
    </p>
  );
}

/** A record's summary in the reader's language, marked with the language it is in. */
export function RecordSummary(props: {
  kind: RecordKind;
  id: string;
  en: { title: string; summary: string | null };
}) {
  const r = recordText(props.kind, props.id, props.en);
  return <span lang={r.summaryLang}>{r.summary}</span>;
}
