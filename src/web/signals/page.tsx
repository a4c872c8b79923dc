import type { DayEvent, DyadQuery, IndexPoint, TopEvent } from '../../signals/index.ts';
import { at } from '../base-path.ts';
import { type Chart, ChartFigure } from '../charts/index.ts';
import { Msg, OutLink, TableScroll } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import {
  type ChartMilestone,
  cooperationChart,
  dataSpan,
  type fileCoverage,
  milestonesWithin,
} from './chart.ts';

export type FileCoverage = ReturnType<typeof fileCoverage>;

/** The dyad's cooperation/conflict chart with its title, notes, source and figures. */
export function dyadChart(
  q: DyadQuery,
  series: IndexPoint[],
  milestones: ChartMilestone[],
  coverage: FileCoverage,
): Chart {
  const { t, number, date } = useI18n();
  const by = t(`signals.by.${q.by}`);
  const keep = `by=${q.by}${q.directed ? '&directed=true' : ''}${q.date === 'added' ? '&date=added' : ''}`;
  const span = dataSpan(series);
  const inside = milestonesWithin(milestones, span);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const notes: string[] = [];
  if (coverage.first && coverage.last)
    notes.push(
      t('signals.chart.files', {
        files: number(coverage.files),
        first: date(coverage.first),
        last: date(coverage.last),
      }),
    );
  if (series.length > 0)
    notes.push(t('signals.chart.span', { from: date(series[0]!.period), to: date(series.at(-1)!.period) }));
  notes.push(
    inside.length
      ? t('signals.chart.milestones', { n: number(inside.length) })
      : t('signals.chart.noMilestones'),
  );
  const names = { cooperation: t('signals.col.cooperation'), conflict: t('signals.col.conflict') };
  const title = t('signals.chartLabel', { a: q.a, b: q.b, by });
  const svg = cooperationChart(series, milestones, {
    width: 760,
    height: 320,
    label: title,
    x: q.date === 'added' ? t('signals.chart.x.added') : t('signals.chart.x.event'),
    y: t('signals.chart.y', { by }),
    names,
    value: (n) => number(n),
  });
  return {
    title,
    notes,
    source: t('signals.chart.source'),
    svg,
    width: 760,
    // Rows of milestone labels make the plot taller than asked.
    height: Number(/^<svg [^>]*?height="(\d+)"/.exec(svg)?.[1] ?? 320),
    columns: [
      { key: 'period', label: t('signals.chart.col.period') },
      { key: 'events', label: t('signals.col.events') },
      { key: 'cooperation', label: names.cooperation },
      { key: 'conflict', label: names.conflict },
    ],
    rows: series.map((p) => [
      p.period,
      p.events,
      p.verbal_cooperation + p.material_cooperation,
      p.verbal_conflict + p.material_conflict,
    ]),
    path: `/signals/${q.a}-${q.b}/chart`,
    query: keep,
    page: `/signals/${q.a}-${q.b}?${keep}`,
    file: `signals-${q.a}-${q.b}-${q.by}${span ? `-${iso(span[0])}-${iso(span[1])}` : ''}`,
  };
}

export interface DyadPageProps {
  q: DyadQuery;
  series: IndexPoint[];
  top: TopEvent[];
  milestones: ChartMilestone[];
  coverage: FileCoverage;
  day: string | undefined;
  dayEvents: DayEvent[];
}

function DyadForm(props: { q: DyadQuery }) {
  const { q } = props;
  const { t } = useI18n();
  return (
    <form method="get" action={at('/signals')} class="filters">
      <label>
        {t('signals.form.party')} <input name="a" value={q.a} size={4} pattern="[A-Za-z]{3}" required />
      </label>
      <label>
        {t('signals.form.and')} <input name="b" value={q.b} size={4} pattern="[A-Za-z]{3}" required />
      </label>
      <label>
        {t('signals.form.per')}{' '}
        <select name="by">
          {(['day', 'week', 'month'] as const).map((p) => (
            <option value={p} selected={q.by === p}>
              {t(`signals.by.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" name="directed" value="true" checked={q.directed} />{' '}
        {t('signals.form.only', { a: q.a, b: q.b })}
      </label>
      <button type="submit">{t('signals.form.show')}</button>
    </form>
  );
}

/** A dyad's event record: cooperation against conflict over time, with milestones; top event types; a day's events. */
export function DyadPage(props: DyadPageProps) {
  const { q, series } = props;
  const { t, number } = useI18n();
  const fmt = (n: number | null, digits = 2) =>
    n === null ? '–' : number(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const by = t(`signals.by.${q.by}`);
  const pair = `${q.a}–${q.b}`;
  const total = series.reduce((s, p) => s + p.events, 0);
  const self = `/signals/${q.a}-${q.b}`;
  const keep = `by=${q.by}${q.directed ? '&directed=true' : ''}`;
  return (
    <Layout
      title={t('signals.title', { pair })}
      section="signals"
      description={t('signals.description', { a: q.a, b: q.b, by })}
    >
      <h1>{t('signals.title', { pair })}</h1>
      <p>
        {t('signals.lead', {
          a: q.a,
          b: q.b,
          by,
          direction: q.directed ? t('signals.directed', { a: q.a, b: q.b }) : t('signals.undirected'),
        })}{' '}
        {t('signals.data')} <a href={at(`/api/signals/dyads/${q.a}-${q.b}/series?${keep}`)}>JSON</a>.
      </p>
      <DyadForm q={q} />
      {total === 0 ? (
        <p class="empty">{t('signals.empty')}</p>
      ) : (
        <>
          <ChartFigure chart={dyadChart(q, series, props.milestones, props.coverage)} />
          <details>
            <summary>{t('signals.table')}</summary>
            <TableScroll label={t('signals.table')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{by}</th>
                    <th scope="col">{t('signals.col.events')}</th>
                    <th scope="col">{t('signals.col.cooperation')}</th>
                    <th scope="col">{t('signals.col.conflict')}</th>
                    <th scope="col">{t('signals.col.goldstein')}</th>
                    <th scope="col">{t('signals.col.tone')}</th>
                  </tr>
                </thead>
                <tbody>
                  {series.map((p) => (
                    <tr>
                      <th scope="row">
                        <a href={at(`${self}?${keep}&day=${p.period}`)}>{p.period}</a>
                      </th>
                      <td>{number(p.events)}</td>
                      <td>{number(p.verbal_cooperation + p.material_cooperation)}</td>
                      <td>{number(p.verbal_conflict + p.material_conflict)}</td>
                      <td>{fmt(p.goldstein_weighted)}</td>
                      <td>{fmt(p.tone_mean)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
          <h2>{t('signals.top')}</h2>
          <TableScroll label={t('signals.top')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">CAMEO</th>
                  <th scope="col">{t('signals.col.type')}</th>
                  <th scope="col">{t('signals.col.events')}</th>
                  <th scope="col">{t('signals.col.mentions')}</th>
                </tr>
              </thead>
              <tbody>
                {props.top.map((e) => (
                  <tr>
                    <td>{e.code}</td>
                    <td lang="en">{e.label}</td>
                    <td>{number(e.events)}</td>
                    <td>{number(e.mentions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <h2 id="day">{t('signals.day')}</h2>
      <form method="get" action={at(self)} class="filters">
        <input type="hidden" name="by" value={q.by} />
        {q.directed && <input type="hidden" name="directed" value="true" />}
        <label>
          {t('signals.form.day')} <input type="date" name="day" value={props.day ?? ''} required />
        </label>
        <button type="submit">{t('signals.form.show')}</button>
      </form>
      {props.day &&
        (props.dayEvents.length === 0 ? (
          <p class="empty">{t('signals.dayEmpty', { day: props.day })}</p>
        ) : (
          <ol class="day-events">
            {props.dayEvents.map((e) => (
              <li>
                <strong>
                  {e.actor1_name ?? e.actor1} → {e.actor2_name ?? e.actor2}
                </strong>
                :{' '}
                {t('signals.event', {
                  label: e.label,
                  code: e.code,
                  mentions: e.mentions,
                  goldstein: fmt(e.goldstein, 1),
                })}{' '}
                {e.url && (
                  <OutLink url={e.url} rel="nofollow noopener">
                    {t('signals.source')}
                  </OutLink>
                )}
              </li>
            ))}
          </ol>
        ))}
    </Layout>
  );
}

/** Shown while the warehouse is empty or absent. */
export function NoSignalsPage() {
  const { t } = useI18n();
  return (
    <Layout title={t('signals.heading')} section="signals">
      <h1>{t('signals.heading')}</h1>
      <p>
        <Msg
          k="signals.none"
          nodes={{
            fetch: <code>entente signals fetch --from 2024-01-01 --to 2024-12-31</code>,
            ingest: <code>entente signals ingest</code>,
          }}
        />
      </p>
    </Layout>
  );
}

/** While `entente signals ingest` or `fetch` writes the warehouse (DuckDB lets no one read it then). */
export function BusySignalsPage({ pid }: { pid: number | undefined }) {
  const { t } = useI18n();
  return (
    <Layout title={t('signals.heading')} section="signals">
      <h1>{t('signals.heading')}</h1>
      <p role="status">
        {pid === undefined ? t('signals.busy') : t('signals.busyPid', { pid: String(pid) })}
      </p>
    </Layout>
  );
}
