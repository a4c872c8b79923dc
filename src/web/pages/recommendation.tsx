import type { PaperRow } from '../../publications/index.ts';
import type { RecommendationRow } from '../../tracker/index.ts';
import { Parties } from '../components.tsx';
import { Layout } from '../layout.tsx';
import { paperLabel } from './paper.tsx';

export function RecommendationPage(props: { rec: RecommendationRow; paper: PaperRow; madeIn?: PaperRow }) {
  const { rec: r, paper, madeIn } = props;
  const where = r.paragraph === 'summary' ? "the publisher's summary" : `paragraph ${r.paragraph}`;
  return (
    <Layout title={r.title} section="recommendations" description={r.summary}>
      <article class="recommendation">
        <p class="eyebrow">
          Recommendation · <a href={`/recommendations?area=${r.area_id}`}>{r.area_name}</a>
          {r.area_id !== r.issue_area_id && (
            <>
              {' '}
              › <a href={`/recommendations?area=${r.issue_area_id}`}>{r.issue_area_name}</a>
            </>
          )}
        </p>
        <h1>{r.title}</h1>
        <p class="lead">{r.summary}</p>
        <dl class="facts">
          <dt>Contributor</dt>
          <dd>
            <a href={`/recommendations?contributor=${r.contributor_id}`}>{r.contributor_name}</a>
          </dd>
          <dt>Parties</dt>
          <dd>
            <Parties codes={r.parties} />
          </dd>
          <dt>Format</dt>
          <dd>{r.format}</dd>
          {madeIn && (
            <>
              <dt>Contributor's paper</dt>
              <dd>
                <a href={`/papers/${madeIn.id}`}>{paperLabel(madeIn)}</a>
              </dd>
            </>
          )}
        </dl>
        <section aria-labelledby="prov">
          <h2 id="prov">Provenance</h2>
          <figure class="provenance">
            <blockquote cite={paper.url ?? undefined}>{r.quote}</blockquote>
            <figcaption>
              Verbatim, from {where} of <a href={`/papers/${paper.id}`}>{paperLabel(paper)}</a>
              {paper.authors.length > 0 && <> by {paper.authors.map((a) => a.name).join(', ')}</>}
              {paper.date && <> ({paper.date})</>}, {paper.publisher}.
            </figcaption>
          </figure>
        </section>
        <p>
          <a href={`/api/recommendations/${r.id}`}>This record as JSON</a>
        </p>
      </article>
    </Layout>
  );
}
