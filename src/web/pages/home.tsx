import type { IssueAreaRow } from '../../core/index.ts';
import type { ProgramRow, SeriesRow } from '../../publications/index.ts';
import type { MilestoneRow, RecommendationRow } from '../../tracker/index.ts';
import { DateText, Localized, Parties } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { RecordTitle } from '../record-text.tsx';

export interface HomeData {
  programs: ProgramRow[];
  series: SeriesRow[];
  areas: IssueAreaRow[];
  recommendations: RecommendationRow[];
  milestones: MilestoneRow[];
}

/** The program at a glance: its series, issue areas with their recommendations, latest milestones. */
export function HomePage(d: HomeData) {
  const { t, tn } = useI18n();
  const topAreas = d.areas.filter((a) => a.parent_id === null);
  const latest = [...d.milestones].reverse().slice(0, 6);
  return (
    <Layout title={t('site.name')} section="home" description={t('home.description')}>
      {d.programs.map((p) => (
        <section class="program" aria-labelledby={`program-${p.id}`}>
          <p class="eyebrow">
            {p.publisher}
            {p.unit && <> · {p.unit}</>}
          </p>
          <h1 id={`program-${p.id}`}>{p.title}</h1>
          {p.description && <p class="lead">{p.description}</p>}
          <ul class="series-list">
            {d.series
              .filter((s) => s.program_id === p.id)
              .map((s) => (
                <li>
                  <a href={`/papers?series=${s.id}`}>{s.title}</a>{' '}
                  <span class="count">{tn('home.papers', s.papers)}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}

      <section aria-labelledby="areas">
        <h2 id="areas">{t('home.areas')}</h2>
        <p>
          {t('home.areasSummary', { recs: d.recommendations.length, areas: topAreas.length })}{' '}
          <a href="/recommendations">{t('home.browseAll')}</a>.
        </p>
        <div class="areas">
          {topAreas.map((area) => {
            const recs = d.recommendations.filter((r) => r.area_id === area.id);
            return (
              <article class="area" aria-labelledby={`area-${area.id}`}>
                <h3 id={`area-${area.id}`}>
                  <a href={`/recommendations?area=${area.id}`}>
                    <Localized en={area.name_en} ko={area.name_ko} ja={area.name_ja} />
                  </a>{' '}
                  <span class="count">{recs.length}</span>
                </h3>
                <ul>
                  {recs.map((r) => (
                    <li>
                      <a href={`/recommendations/${r.id}`}>
                        <RecordTitle kind="recommendation" id={r.id} en={r.title} />
                      </a>{' '}
                      <span class="by">— {r.contributor_name}</span>
                    </li>
                  ))}
                </ul>
              </article>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="latest">
        <h2 id="latest">{t('home.latest')}</h2>
        <ol class="timeline compact">
          {latest.map((m) => (
            <li>
              <DateText date={m.date} end={m.date_end} />{' '}
              <a href={`/milestones/${m.id}`}>
                <RecordTitle kind="milestone" id={m.id} en={m.title} />
              </a>{' '}
              <Parties codes={m.parties} />
            </li>
          ))}
        </ol>
        <p>
          <a href="/milestones">{t('home.allMilestones')}</a>
        </p>
      </section>
    </Layout>
  );
}
