import type { PaperRow, SeriesRow } from '../../publications/index.ts';
import { at } from '../base-path.ts';
import { Unknown } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { authorName } from './author-name.ts';
import { paperLabel } from './paper.tsx';

export function PapersPage(props: { series: SeriesRow[]; papers: PaperRow[]; selected?: string }) {
  const { t, date, locale } = useI18n();
  const shown = props.series.filter((s) => !props.selected || s.id === props.selected);
  return (
    <Layout title={t('papers.title')} section="papers">
      <h1>{t('papers.title')}</h1>
      {props.selected && (
        <p>
          <a href={at('/papers')}>{t('papers.everySeries')}</a>
        </p>
      )}
      {shown.map((s) => (
        <section aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`}>{s.title}</h2>
          {s.partners.length > 0 && <p>{t('papers.with', { partners: s.partners.join(', ') })}</p>}
          <table>
            <caption class="visually-hidden">{t('papers.caption', { series: s.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('papers.col.number')}</th>
                <th scope="col">{t('papers.col.title')}</th>
                <th scope="col">{t('papers.col.author')}</th>
                <th scope="col">{t('papers.col.date')}</th>
              </tr>
            </thead>
            <tbody>
              {props.papers
                .filter((p) => p.series_id === s.id)
                .map((p) => (
                  <tr>
                    <td>{p.number === null ? <Unknown /> : `${p.number}${p.number_inferred ? '*' : ''}`}</td>
                    <td>
                      <a href={at(`/papers/${p.id}`)}>{paperLabel(p)}</a>
                    </td>
                    <td>
                      {p.authors.length === 0 ? (
                        <Unknown />
                      ) : (
                        p.authors
                          .map(
                            (a) =>
                              authorName(a, locale) + (a.inferred ? ` ${t('papers.inferredAuthor')}` : ''),
                          )
                          .join(', ')
                      )}
                    </td>
                    <td>{p.date ? <time datetime={p.date}>{date(p.date)}</time> : <Unknown />}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <p class="note">{t('papers.inferredMark')}</p>
    </Layout>
  );
}
