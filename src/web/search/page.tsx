import { KINDS, type Kind, type SearchQuery, type SearchResult } from '../../search/index.ts';
import { at } from '../base-path.ts';
import { Localized } from '../components.tsx';
import { useDatasets } from '../dataset-list.ts';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import type { AcrossResult } from './across.ts';

const kindKey = (k: Kind) => `search.kind.${k}` as const;

/**
 * The language of a snippet by its script, so that screen readers pronounce it right: kana means
 * Japanese, Hangul Korean; Han characters alone are taken as Japanese, the record's other CJK language; Latin as English.
 */
export function snippetLang(text: string): 'en' | 'ko' | 'ja' | undefined {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  if (/\p{Script=Han}/u.test(text)) return 'ja';
  // Otherwise the record's text is English (its source language), whatever the interface language.
  return /\p{Script=Latin}/u.test(text) ? 'en' : undefined;
}

function pageHref(query: SearchQuery, page: number, across: boolean) {
  const p = new URLSearchParams({ q: query.q });
  for (const k of query.kind) p.append('kind', k);
  if (across) p.set('in', 'all');
  if (page > 1) p.set('page', String(page));
  return at(`/search?${p}`);
}

/** Search results: ranked, with the matching words marked in a snippet, and filters by kind of record. */
export function SearchPage(props: {
  query: SearchQuery;
  result?: SearchResult | AcrossResult;
  /** Whether the hits come from every dataset of the store (each then names its own). */
  across?: boolean;
}) {
  const { t, tn, number } = useI18n();
  const { query, result } = props;
  const across = props.across ?? false;
  const datasets = useDatasets();
  const title = query.q ? `${t('search.title')}: ${query.q}` : t('search.title');
  const last = result ? Math.max(1, Math.ceil(result.total / query.size)) : 1;
  return (
    <Layout title={title} description={t('search.description')} section="search">
      <h1>{t('search.title')}</h1>
      <form method="get" action={at('/search')} class="search-form">
        <p>
          <label for="search-q">{t('search.label')}</label>{' '}
          <input id="search-q" type="search" name="q" value={query.q} maxlength={200} />{' '}
          <button type="submit">{t('search.button')}</button>
        </p>
        {datasets.length > 1 && (
          <fieldset class="search-scope">
            <legend>{t('site.datasets')}</legend>
            <label>
              <input type="radio" name="in" value="one" checked={!across} /> {t('search.scope.one')}
            </label>{' '}
            <label>
              <input type="radio" name="in" value="all" checked={across} /> {t('search.scope.all')}
            </label>
          </fieldset>
        )}
        <fieldset class="search-kinds">
          <legend>{t('search.kinds')}</legend>
          <ul>
            {KINDS.map((k) => (
              <li>
                <label>
                  <input type="checkbox" name="kind" value={k} checked={query.kind.includes(k)} />{' '}
                  {t(kindKey(k))}
                  {result && <> ({number(result.counts[k])})</>}
                </label>
              </li>
            ))}
          </ul>
          <button type="submit">{t('search.apply')}</button>
        </fieldset>
      </form>
      {!query.q ? (
        <p>{t('search.description')}</p>
      ) : result && result.total === 0 ? (
        <p role="status">{t('search.none', { q: query.q })}</p>
      ) : (
        result && (
          <>
            <p role="status">{tn('search.results', result.total, { q: query.q })}</p>
            <ol class="search-results" start={(query.page - 1) * query.size + 1}>
              {result.hits.map((h) => (
                <li>
                  <span class="kind">{t(kindKey(h.kind))}</span>{' '}
                  {'dataset' in h && (
                    <>
                      <span class="dataset" lang="en">
                        {h.dataset.title}
                      </span>{' '}
                    </>
                  )}
                  {/* A hit from every dataset carries its dataset's address already. */}
                  <a href={'dataset' in h ? h.url : at(h.url)}>
                    <Localized {...h.title} />
                  </a>
                  <p class="snippet" lang={snippetLang(h.snippet.map((x) => x.text).join(''))}>
                    {h.snippet.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}
                  </p>
                </li>
              ))}
            </ol>
            {last > 1 && (
              <nav aria-label={t('search.title')}>
                {query.page > 1 && (
                  <a href={pageHref(query, query.page - 1, across)}>{t('search.previous')}</a>
                )}{' '}
                {query.page < last && (
                  <a href={pageHref(query, query.page + 1, across)}>{t('search.next')}</a>
                )}
              </nav>
            )}
          </>
        )
      )}
    </Layout>
  );
}
