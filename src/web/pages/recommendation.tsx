import type { IssueAreaRow } from '../../core/index.ts';
import type { PaperRow } from '../../publications/index.ts';
import type { RecommendationRow } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { Localized, Msg, Parties } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { recordText, TranslationNote } from '../record-text.tsx';
import { paperLabel } from './paper.tsx';

export function RecommendationPage(props: {
  rec: RecommendationRow;
  paper: PaperRow;
  madeIn?: PaperRow;
  areas: IssueAreaRow[];
}) {
  const { rec: r, paper, madeIn } = props;
  const { t, date } = useI18n();
  const area = (id: string) => {
    const a = props.areas.find((x) => x.id === id);
    return a ? <Localized en={a.name_en} ko={a.name_ko} ja={a.name_ja} /> : id;
  };
  const text = recordText('recommendation', r.id, r);
  const where = r.paragraph === 'summary' ? t('rec.fromSummary') : t('rec.fromParagraph', { n: r.paragraph });
  return (
    <Layout title={r.title} section="recommendations" description={r.summary}>
      <article class="recommendation">
        <p class="eyebrow">
          {t('rec.kind')} · <a href={at(`/recommendations?area=${r.area_id}`)}>{area(r.area_id)}</a>
          {r.area_id !== r.issue_area_id && (
            <>
              {' '}
              › <a href={at(`/recommendations?area=${r.issue_area_id}`)}>{area(r.issue_area_id)}</a>
            </>
          )}
        </p>
        <h1 lang={text.lang}>{text.title}</h1>
        <p class="lead" lang={text.summaryLang}>
          {text.summary}
        </p>
        <TranslationNote text={text} />
        <dl class="facts">
          <dt>{t('rec.contributor')}</dt>
          <dd>
            <a href={at(`/recommendations?contributor=${r.contributor_id}`)}>{r.contributor_name}</a>
          </dd>
          <dt>{t('rec.parties')}</dt>
          <dd>
            <Parties codes={r.parties} />
          </dd>
          <dt>{t('rec.format')}</dt>
          <dd>{t(`common.format.${r.format}`)}</dd>
          {madeIn && (
            <>
              <dt>{t('rec.contributorPaper')}</dt>
              <dd>
                <a href={at(`/papers/${madeIn.id}`)}>{paperLabel(madeIn)}</a>
              </dd>
            </>
          )}
        </dl>
        <section aria-labelledby="prov">
          <h2 id="prov">{t('rec.provenance')}</h2>
          <figure class="provenance">
            <blockquote cite={paper.url ?? undefined} lang={paper.language}>
              {r.quote}
            </blockquote>
            <figcaption>
              <Msg
                k="rec.verbatim"
                vars={{ where }}
                nodes={{ paper: <a href={at(`/papers/${paper.id}`)}>{paperLabel(paper)}</a> }}
              />
              {paper.authors.length > 0 && (
                <> {t('rec.by', { authors: paper.authors.map((a) => a.name).join(', ') })}</>
              )}
              {paper.date && <> ({date(paper.date)})</>}, {paper.publisher}.
            </figcaption>
          </figure>
        </section>
        <p>
          <a href={at(`/items/${r.id}`)}>{t('common.tracking')}</a> ·{' '}
          <a href={at(`/api/recommendations/${r.id}`)}>{t('common.asJson')}</a>
        </p>
      </article>
    </Layout>
  );
}
