import { raw } from 'hono/html';
import { citationTitle, citationUrl, type PaperRow } from '../../publications/index.ts';
import type { RecommendationRow } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { Known, OutLink, Parties, SourceList, Unknown } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { RecordTitle, recordText, TranslationNote } from '../record-text.tsx';
import { authorName } from './author-name.ts';

export interface PaperPageData {
  paper: PaperRow;
  related: PaperRow[];
  recommendations: RecommendationRow[];
  reference: string;
  /** The page's public address; undefined when the site runs on a local host. */
  pageUrl?: string;
  /** Whether to show the record's internal notes (to those who may draft, not to readers). */
  showNotes?: boolean;
}

export const paperLabel = (p: Pick<PaperRow, 'title' | 'topic' | 'number' | 'number_inferred'>) =>
  p.title ??
  `${p.number ? `No. ${p.number}${p.number_inferred ? ' (inferred)' : ''}: ` : ''}${p.topic ?? 'Untitled'} (title not known)`;

/**
 * `citation_*` tags read by Google Scholar and Zotero (its "Embedded Metadata" translator maps
 * citation_technical_report_number to the report number, citation_series_title to the series,
 * citation_public_url to the URL); only what is known is given, and a number only when printed.
 */
function citationMeta(p: PaperRow, pageUrl?: string) {
  const tags: [string, string][] = [['citation_title', citationTitle(p)]];
  for (const a of p.authors) {
    tags.push(['citation_author', a.name]);
    if (a.affiliation) tags.push(['citation_author_institution', a.affiliation]);
  }
  if (p.date) {
    tags.push(['citation_date', p.date.replaceAll('-', '/')]);
    tags.push(['citation_publication_date', p.date.replaceAll('-', '/')]);
  }
  tags.push(['citation_technical_report_institution', p.publisher]);
  tags.push(['citation_publisher', p.publisher]);
  if (p.number !== null && !p.number_inferred)
    tags.push(['citation_technical_report_number', String(p.number)]);
  tags.push(['citation_series_title', p.series_title]);
  tags.push(['citation_language', p.language]);
  if (p.summary) tags.push(['citation_abstract', p.summary]);
  const url = citationUrl(p, pageUrl);
  if (url) tags.push(['citation_public_url', url]);
  if (pageUrl) tags.push(['citation_abstract_html_url', pageUrl]);
  return tags.map(([name, content]) => <meta name={name} content={content} />);
}

function jsonLd(p: PaperRow, pageUrl?: string) {
  const url = citationUrl(p, pageUrl);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Report',
    ...(pageUrl && { '@id': pageUrl }),
    name: citationTitle(p),
    headline: citationTitle(p),
    ...(url && { url }),
    inLanguage: p.language,
    ...(p.date && { datePublished: p.date }),
    ...(p.summary && { abstract: p.summary }),
    ...(p.number !== null && !p.number_inferred && { reportNumber: String(p.number) }),
    author: p.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      ...(a.affiliation && { affiliation: { '@type': 'Organization', name: a.affiliation } }),
    })),
    publisher: { '@type': 'Organization', name: p.publisher },
    isPartOf: { '@type': 'CreativeWorkSeries', name: p.series_title },
  };
  // A data block, not a script: `<` is escaped so the text can never close the element.
  return <script type="application/ld+json">{raw(JSON.stringify(data).replaceAll('<', '\\u003c'))}</script>;
}

export function PaperPage({
  paper: p,
  related,
  recommendations,
  reference,
  pageUrl,
  showNotes = false,
}: PaperPageData) {
  const { t, date, locale } = useI18n();
  const title = paperLabel(p);
  const text = recordText('paper', p.id, { title: p.title ?? title, summary: p.summary });
  return (
    <Layout
      title={title}
      section="papers"
      description={p.summary ?? undefined}
      head={
        <>
          {citationMeta(p, pageUrl)}
          {jsonLd(p, pageUrl)}
          <link rel="alternate" type="application/json" href={at(`/api/papers/${p.id}`)} />
        </>
      }
    >
      <article class="paper">
        <p class="eyebrow">
          <a href={at(`/papers?series=${p.series_id}`)}>{p.series_title}</a>
          {p.number !== null && (
            <>
              {' '}
              · {t('paper.number', { n: p.number })}
              {p.number_inferred && <span class="inferred"> {t('paper.numberInferred')}</span>}
            </>
          )}
        </p>
        {text.lang !== 'en' && (
          <p class="title-translation" lang={text.lang}>
            {text.title}
          </p>
        )}
        <h1>
          {p.title ?? (
            <>
              {p.topic ?? t('papers.untitled')} <Unknown what={t('paper.exactTitle')} />
            </>
          )}
        </h1>
        <dl class="facts">
          <dt>{t('paper.program')}</dt>
          <dd>{p.program_title}</dd>
          <dt>{t('paper.publisher')}</dt>
          <dd>{p.publisher}</dd>
          <dt>{t('paper.date')}</dt>
          <dd>{p.date ? <time datetime={p.date}>{date(p.date)}</time> : <Unknown />}</dd>
          <dt>{t(p.authors.length > 1 ? 'paper.author.other' : 'paper.author.one')}</dt>
          <dd>
            {p.authors.length === 0 ? (
              <Unknown />
            ) : (
              <ul class="authors">
                {p.authors.map((a) => (
                  <li>
                    <a href={at(`/recommendations?contributor=${a.author_id}`)}>{authorName(a, locale)}</a>
                    {a.inferred && <span class="inferred"> {t('paper.authorshipInferred')}</span>},{' '}
                    <Known value={a.affiliation} what={t('paper.affiliation')} />
                    {a.note && <span class="note"> — {a.note}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('paper.original')}</dt>
          <dd>{p.url ? <OutLink url={p.url}>{p.url}</OutLink> : <Unknown />}</dd>
        </dl>

        <section aria-labelledby="summary">
          <h2 id="summary">{t('paper.summary')}</h2>
          {p.summary ? (
            <blockquote class="summary" lang={p.language}>
              {p.summary}
              <footer>{t('paper.summaryVerbatim')}</footer>
            </blockquote>
          ) : null}
          {p.summary && text.summaryLang !== 'en' ? (
            <>
              <p class="summary-translation" lang={text.summaryLang}>
                {text.summary}
              </p>
              <TranslationNote text={text} />
            </>
          ) : null}
          {p.summary ? null : (
            <p>
              <Unknown what={t('paper.summaryUnknown')} />
            </p>
          )}
        </section>

        {showNotes && p.notes.length > 0 && (
          <section aria-labelledby="notes">
            <h2 id="notes">{t('paper.notes')}</h2>
            <p class="note">{t('paper.notesEditors')}</p>
            <ul lang="en">
              {p.notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="recs">
          <h2 id="recs">{t('paper.recommendations', { n: recommendations.length })}</h2>
          {recommendations.length === 0 ? (
            <p>{t('paper.noRecommendations')}</p>
          ) : (
            <ul class="rec-list">
              {recommendations.map((r) => (
                <li>
                  <a href={at(`/recommendations/${r.id}`)}>
                    <RecordTitle kind="recommendation" id={r.id} en={r.title} />
                  </a>{' '}
                  — {r.issue_area_name} · {t(`common.format.${r.format}`)} · <Parties codes={r.parties} />
                  {r.paper_id !== p.id && (
                    <span class="note">
                      {' '}
                      ({t('paper.quotedFrom', { paper: r.paper_title ?? r.paper_id })})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="refs">
          <h2 id="refs">{t('paper.references')}</h2>
          {p.references.length === 0 ? (
            <p>
              <Unknown what={t('paper.referencesUnknown')} />
            </p>
          ) : (
            <ol>
              {p.references.map((r) => (
                <li>{r.text}</li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="cite">
          <h2 id="cite">{t('paper.cite')}</h2>
          <p class="reference">{reference}</p>
          <ul class="downloads">
            <li>
              <a href={at(`/papers/${p.id}/cite.bib`)} download>
                BibTeX
              </a>
            </li>
            <li>
              <a href={at(`/papers/${p.id}/cite.ris`)} download>
                RIS
              </a>
            </li>
            <li>
              <a href={at(`/papers/${p.id}/cite.json`)} download>
                CSL-JSON
              </a>
            </li>
          </ul>
        </section>

        <section aria-labelledby="related">
          <h2 id="related">{t('paper.related')}</h2>
          <ul>
            {related.map((r) => (
              <li>
                {r.number !== null && (
                  <>
                    {t('paper.number', { n: r.number })}
                    {r.number_inferred && '*'} ·{' '}
                  </>
                )}
                <a href={at(`/papers/${r.id}`)}>{paperLabel(r)}</a> —{' '}
                {r.authors.map((a) => authorName(a, locale)).join(', ') || t('paper.noAuthor')}
              </li>
            ))}
          </ul>
          {related.some((r) => r.number_inferred) && <p class="note">{t('papers.inferredMark')}</p>}
        </section>
        <SourceList sources={p.sources} />
      </article>
    </Layout>
  );
}
