import type { IssueAreaRow, PartyRow } from '../../core/index.ts';
import { type QuestionView, type SurveySeriesView, trendPoints } from '../../opinion/index.ts';
import type { ProgramRow, SeriesRow } from '../../publications/index.ts';
import type { AssessmentRow, MilestoneRow, RecommendationRow, Status } from '../../tracker/index.ts';
import { statusOf } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { DateText, Localized, Msg, Parties, TableScroll } from '../components.tsx';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { groupCharts, Legend } from '../opinion/index.ts';
import { partyLook } from '../party-look.ts';
import { RecordTitle } from '../record-text.tsx';
import type { SignalsState } from '../signals/index.ts';
import { StatusBadge } from '../status-badge.tsx';
import { glanceChart, STATUS_COLOR, STATUS_ORDER, statusChart } from './home-charts.ts';
import { MIN_PARTY_ITEMS } from './home-data.ts';

export interface HomeData {
  asOf: string;
  programs: ProgramRow[];
  series: SeriesRow[];
  areas: IssueAreaRow[];
  parties: PartyRow[];
  counts: { papers: number; recommendations: number; commitments: number; items: number; assessed: number };
  recommendations: RecommendationRow[];
  /** Parties concerned by enough items for a bar, most items first, with their items per status. */
  byParty: { code: string; counts: Map<string, number> }[];
  /** How many other parties are concerned by some item. */
  otherParties: number;
  /** The latest published assessments. */
  assessments: AssessmentRow[];
  /** The latest milestones, newest first. */
  milestones: MilestoneRow[];
  /** The survey series and mirrored question the opinion figure shows. */
  opinion?: { series: SurveySeriesView; group: QuestionView[] };
  /** Undefined when the site has no signals module. */
  signals?: SignalsState;
}

/**
 * The program's dashboard: what a reader should know in ten seconds (where the tracked items stand
 * per party, the latest assessments and milestones, the opinion of both publics, the signals of the
 * last months), each figure linking to its page, then the ways into the whole record.
 */
export function HomePage(d: HomeData) {
  const { t, tn, number } = useI18n();
  const topAreas = d.areas.filter((a) => a.parent_id === null);
  return (
    <Layout title={t('site.name')} section="home" description={t('home.description')} head={TRACKER_HEAD}>
      {d.programs.map((p) => (
        <section class="program" aria-labelledby={`program-${p.id}`}>
          <p class="eyebrow">
            {p.publisher}
            {p.unit && <> · {p.unit}</>}
          </p>
          <h1 id={`program-${p.id}`}>{p.title}</h1>
          {p.description && <p class="lead">{p.description}</p>}
        </section>
      ))}

      <section aria-labelledby="figures">
        <h2 id="figures" class="visually-hidden">
          {t('home.figures')}
        </h2>
        <ul class="kpis">
          <li>
            <a href={at('/papers')}>
              <strong>{number(d.counts.papers)}</strong> {t('home.kpi.papers')}
            </a>
          </li>
          <li>
            <a href={at('/recommendations')}>
              <strong>{number(d.counts.recommendations)}</strong> {t('home.kpi.recommendations')}
            </a>
          </li>
          <li>
            <a href={at('/milestones')}>
              <strong>{number(d.counts.commitments)}</strong> {t('home.kpi.commitments')}
            </a>
          </li>
          <li>
            <a href={at('/tracker')}>
              <strong>
                {number(d.counts.assessed)} / {number(d.counts.items)}
              </strong>{' '}
              {t('home.kpi.assessed')}
            </a>
          </li>
        </ul>
      </section>

      <div class="dashboard">
        <StatusPanel {...d} />
        <AssessmentsPanel assessments={d.assessments} />
        <MilestonesPanel milestones={d.milestones} />
        <OpinionPanel opinion={d.opinion} parties={d.parties} />
        <SignalsPanel state={d.signals ?? { state: 'none' }} module={d.signals !== undefined} />
      </div>

      <section aria-labelledby="explore" class="explore">
        <h2 id="explore">{t('home.explore')}</h2>
        <div class="explore-grid">
          <section aria-labelledby="series">
            <h3 id="series">{t('home.series')}</h3>
            <ul class="series-list">
              {d.series.map((s) => (
                <li>
                  <a href={at(`/papers?series=${s.id}`)}>{s.title}</a>{' '}
                  <span class="count">{tn('home.papers', s.papers)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="areas">
            <h3 id="areas">{t('home.areas')}</h3>
            <ul class="area-list">
              {topAreas.map((area) => (
                <li>
                  <a href={at(`/recommendations?area=${area.id}`)}>
                    <Localized en={area.name_en} ko={area.name_ko} ja={area.name_ja} />
                  </a>{' '}
                  <span class="count">{d.recommendations.filter((r) => r.area_id === area.id).length}</span>
                </li>
              ))}
            </ul>
            <p>
              {t('home.areasSummary', { recs: d.recommendations.length, areas: topAreas.length })}{' '}
              <a href={at('/recommendations')}>{t('home.browseAll')}</a>.
            </p>
          </section>
          <section aria-labelledby="more">
            <h3 id="more">{t('home.more')}</h3>
            <ul>
              <li>
                <a href={at('/parties')}>{t('nav.parties')}</a>
              </li>
              <li>
                <a href={at('/tracker/methodology')}>{t('home.methodology')}</a>
              </li>
              <li>
                <a href={at('/opinion')}>{t('home.opinion.all')}</a>
              </li>
              <li>
                <a href={at('/api')}>API</a>
              </li>
            </ul>
          </section>
        </div>
      </section>
    </Layout>
  );
}

/**
 * A chart drawn at two sizes, the wide one for screens and print, the narrow one for phones (the
 * stylesheet shows one), so that its text stays readable at both.
 */
function ChartBox(props: { wide: string; narrow: string }) {
  return (
    <>
      <div class="chart-box chart-wide" dangerouslySetInnerHTML={{ __html: props.wide }} />
      <div class="chart-box chart-narrow" dangerouslySetInnerHTML={{ __html: props.narrow }} />
    </>
  );
}

/** Items by status per party: a stacked bar per party, its legend, and the same figures as a table. */
function StatusPanel(d: HomeData) {
  const { t, date } = useI18n();
  const { name } = partyLook(d.parties);
  const statusName = (s: Status) => t(`tracker.status.${s}`);
  const codeOf = new Map(d.byParty.map((p) => [name(p.code), p.code]));
  const rows = d.byParty.flatMap((p) =>
    STATUS_ORDER.map((status) => ({ party: name(p.code), status, count: p.counts.get(status) ?? 0 })),
  );
  const label = t('home.status.label', { date: date(d.asOf) });
  const shown = STATUS_ORDER.filter((s) => d.byParty.some((p) => (p.counts.get(s) ?? 0) > 0));
  return (
    <section class="panel panel-wide" aria-labelledby="status">
      <h2 id="status">
        <a href={at('/tracker')}>{t('home.status.title')}</a>
      </h2>
      {d.byParty.length === 0 ? (
        <p>{t('home.assessments.none')}</p>
      ) : (
        <figure class="chart-figure">
          <ul class="legend" aria-label={t('opinion.legend')}>
            {shown.map((s) => (
              <li>
                <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                  <rect width="14" height="14" fill={STATUS_COLOR[s]} />
                </svg>{' '}
                {statusName(s)}
              </li>
            ))}
          </ul>
          <ChartBox
            wide={statusChart(rows, { width: 1000, label, statusName, x: t('home.status.x') })}
            narrow={statusChart(
              rows.map((r) => ({ ...r, party: codeOf.get(r.party) ?? r.party })),
              { width: 360, label, statusName, x: t('home.status.x') },
            )}
          />
          <figcaption>
            {t('home.status.caption', { min: MIN_PARTY_ITEMS, date: date(d.asOf) })}{' '}
            {d.otherParties > 0 && t('home.status.others', { n: d.otherParties })}
          </figcaption>
          <details>
            <summary>{t('home.status.table')}</summary>
            <TableScroll label={label}>
              <table class="status-table">
                <caption class="visually-hidden">{label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('home.status.party')}</th>
                    {shown.map((s) => (
                      <th scope="col" class="num">
                        {statusName(s)}
                      </th>
                    ))}
                    <th scope="col" class="num">
                      {t('home.status.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.byParty.map((p) => (
                    <tr>
                      <th scope="row">
                        <a href={at(`/tracker/parties/${p.code}`)}>{name(p.code)}</a>
                      </th>
                      {shown.map((s) => (
                        <td class="num">
                          <a href={at(`/tracker?party=${p.code}&status=${s}#items`)}>
                            {p.counts.get(s) ?? 0}
                          </a>
                        </td>
                      ))}
                      <td class="num">{[...p.counts.values()].reduce((a, b) => a + b, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </figure>
      )}
      <p class="more">
        {d.byParty.map((p, i) => (
          <>
            {i > 0 && ' · '}
            <a href={at(`/tracker/parties/${p.code}`)}>{name(p.code)}</a>
          </>
        ))}
        {d.byParty.length > 0 && ' · '}
        <a href={at('/tracker')}>{t('home.status.more')}</a>
      </p>
    </section>
  );
}

function AssessmentsPanel(props: { assessments: AssessmentRow[] }) {
  const { t, date } = useI18n();
  return (
    <section class="panel" aria-labelledby="assessments">
      <h2 id="assessments">{t('home.assessments.title')}</h2>
      {props.assessments.length === 0 ? (
        <p>{t('home.assessments.none')}</p>
      ) : (
        <ol class="latest">
          {props.assessments.map((a) => (
            <li>
              <StatusBadge status={statusOf(a)} />{' '}
              <a href={at(`/items/${a.item_id}`)}>
                <RecordTitle kind={a.item_kind} id={a.item_id} en={a.item_title} />
              </a>{' '}
              <span class="when">
                <Msg
                  k="home.assessments.asOf"
                  nodes={{ date: <time datetime={a.as_of}>{date(a.as_of)}</time> }}
                />
              </span>
            </li>
          ))}
        </ol>
      )}
      <p class="more">
        <a href={at('/tracker/feed.atom')}>{t('tracker.overview.feed')}</a> ·{' '}
        <a href={at('/tracker/corrections')}>{t('home.assessments.more')}</a>
      </p>
    </section>
  );
}

function MilestonesPanel(props: { milestones: MilestoneRow[] }) {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="latest">
      <h2 id="latest">{t('home.latest')}</h2>
      <ol class="latest">
        {props.milestones.map((m) => (
          <li>
            <span class="when">
              <DateText date={m.date} end={m.date_end} />
            </span>{' '}
            <a href={at(`/milestones/${m.id}`)}>
              <RecordTitle kind="milestone" id={m.id} en={m.title} />
            </a>{' '}
            <Parties codes={m.parties} />
          </li>
        ))}
      </ol>
      <p class="more">
        <a href={at('/milestones')}>{t('home.milestones.more')}</a>
      </p>
    </section>
  );
}

/** The trend of the first mirrored question of the longest survey series, and its latest figures. */
function OpinionPanel(props: { opinion: HomeData['opinion']; parties: PartyRow[] }) {
  const { t, number } = useI18n();
  if (!props.opinion)
    return (
      <section class="panel" aria-labelledby="opinion">
        <h2 id="opinion">{t('home.opinion.title')}</h2>
        <p>{t('home.opinion.none')}</p>
      </section>
    );
  const { series, group } = props.opinion;
  const look = partyLook(props.parties);
  const { name } = look;
  const page = `/opinion/${series.id}`;
  const draw = (width: number, height: number) =>
    groupCharts(series, group, undefined, look, page, {
      trend: { width, height },
      gap: { width, height: 200 },
    });
  const charts = draw(560, 300);
  const narrow = draw(360, 260);
  const points = trendPoints(
    series,
    group.map((q) => q.id),
    charts.answer.id,
  );
  const years = points.map((p) => p.year);
  const latest = charts.publics.flatMap((code) => points.filter((p) => p.public === code).slice(-1));
  const fmt = (x: number) => number(Math.round(x * 10) / 10);
  return (
    <section class="panel" aria-labelledby="opinion">
      <h2 id="opinion">
        <a href={at(page)}>{t('home.opinion.title')}</a>
      </h2>
      <figure class="chart-figure">
        <Legend publics={charts.publics} look={look} />
        <ChartBox wide={charts.trend.svg} narrow={narrow.trend.svg} />
        <figcaption>
          {t('home.opinion.caption', {
            label: charts.trendLabel,
            first: String(Math.min(...years)),
            last: String(Math.max(...years)),
            series: series.title,
          })}
        </figcaption>
      </figure>
      <table class="compact">
        <caption>{t('home.opinion.latest')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('opinion.col.public')}</th>
            <th scope="col">{t('opinion.col.year')}</th>
            <th scope="col" class="num">
              {t('opinion.col.share')}
            </th>
            <th scope="col">{t('opinion.col.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((p) => (
            <tr>
              <th scope="row">{name(p.public)}</th>
              <td>{p.year}</td>
              <td class="num">{fmt(p.share)}</td>
              <td>{p.interval ? `${fmt(p.interval.low)}–${fmt(p.interval.high)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="more">
        <a href={at(page)}>{t('home.opinion.more')}</a> · <a href={at('/opinion')}>{t('home.opinion.all')}</a>
      </p>
    </section>
  );
}

/** The last months of KOR–JPN events, or a line saying why there are none. */
function SignalsPanel(props: { state: SignalsState; module: boolean }) {
  const { t, number, date } = useI18n();
  const { state } = props;
  if (state.state !== 'loaded')
    return (
      <section class="panel" aria-labelledby="signals">
        <h2 id="signals">{t('home.signals.title')}</h2>
        <p>
          {state.state === 'busy' ? t('home.signals.busy') : t('home.signals.none')}{' '}
          {state.state === 'none' && props.module && <a href={at('/signals')}>{t('home.signals.how')}</a>}
        </p>
      </section>
    );
  const g = state.glance;
  const vars = {
    a: g.a,
    b: g.b,
    by: t(`signals.by.${g.by}`),
    from: date(g.from),
    to: date(g.to),
  };
  const page = `/signals/${g.a}-${g.b}?by=${g.by}&from=${g.from}&to=${g.to}`;
  const kinds = { cooperation: t('signals.col.cooperation'), conflict: t('signals.col.conflict') };
  const draw = (width: number, height: number) =>
    glanceChart(g.points, {
      width,
      height,
      by: g.by,
      label: t('home.signals.label', vars),
      y: t('signals.col.events'),
      kinds,
    });
  return (
    <section class="panel" aria-labelledby="signals">
      <h2 id="signals">
        <a href={at(page)}>{t('home.signals.title')}</a>
      </h2>
      <figure class="chart-figure">
        <ul class="legend" aria-label={t('opinion.legend')}>
          {(['cooperation', 'conflict'] as const).map((k) => (
            <li>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <rect width="14" height="14" fill={k === 'cooperation' ? '#1b7837' : '#b2182b'} />
              </svg>{' '}
              {kinds[k]}
            </li>
          ))}
        </ul>
        <ChartBox wide={draw(560, 240)} narrow={draw(360, 200)} />
        <figcaption>
          {t('home.signals.caption', {
            ...vars,
            events: number(g.events),
            cooperation: number(g.cooperation),
            conflict: number(g.conflict),
          })}
        </figcaption>
      </figure>
      <p class="more">
        <a href={at(page)}>{t('home.signals.more', { a: g.a, b: g.b })}</a>
      </p>
    </section>
  );
}
