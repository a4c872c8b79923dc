import type { DayEvent, DyadQuery, IndexPoint, TopEvent } from '../../signals/index.ts';
import { Layout } from '../layout.tsx';
import { type ChartMilestone, cooperationChart } from './chart.ts';

export interface DyadPageProps {
  q: DyadQuery;
  series: IndexPoint[];
  top: TopEvent[];
  milestones: ChartMilestone[];
  day: string | undefined;
  dayEvents: DayEvent[];
}

const fmt = (n: number | null, digits = 2) => (n === null ? '–' : n.toFixed(digits));

function DyadForm(props: { q: DyadQuery }) {
  const { q } = props;
  return (
    <form method="get" action="/signals" class="filters">
      <label>
        Party <input name="a" value={q.a} size={4} pattern="[A-Za-z]{3}" required />
      </label>
      <label>
        and <input name="b" value={q.b} size={4} pattern="[A-Za-z]{3}" required />
      </label>
      <label>
        per{' '}
        <select name="by">
          {(['day', 'week', 'month'] as const).map((p) => (
            <option value={p} selected={q.by === p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" name="directed" value="true" checked={q.directed} /> only {q.a} → {q.b}
      </label>
      <button type="submit">Show</button>
    </form>
  );
}

/** A dyad's event record: cooperation against conflict over time, with milestones; top event types; a day's events. */
export function DyadPage(props: DyadPageProps) {
  const { q, series } = props;
  const pair = `${q.a}–${q.b}`;
  const total = series.reduce((s, p) => s + p.events, 0);
  const self = `/signals/${q.a}-${q.b}`;
  const keep = `by=${q.by}${q.directed ? '&directed=true' : ''}`;
  return (
    <Layout
      title={`Signals: ${pair}`}
      description={`GDELT events between ${q.a} and ${q.b}: cooperation and conflict per ${q.by}, with the tracker's milestones.`}
    >
      <h1>Signals: {pair}</h1>
      <p>
        Events reported between {q.a} and {q.b}
        {q.directed ? ` (from ${q.a} to ${q.b} only)` : ' (both directions)'}, from GDELT, grouped by event
        date per {q.by}. Cooperation is CAMEO QuadClass 1–2, conflict 3–4. Data:{' '}
        <a href={`/api/signals/dyads/${q.a}-${q.b}/series?${keep}`}>JSON</a>.
      </p>
      <DyadForm q={q} />
      {total === 0 ? (
        <p class="empty">No events of this pair are in the warehouse.</p>
      ) : (
        <>
          <figure class="chart-figure">
            <div
              class="chart-box"
              dangerouslySetInnerHTML={{
                __html: cooperationChart(series, props.milestones, {
                  width: 760,
                  height: 320,
                  label: `Cooperation and conflict events between ${q.a} and ${q.b} per ${q.by}`,
                }),
              }}
            />
            <figcaption>
              {total} events. Green: cooperation; red: conflict; dashed rules: milestones of the tracker.
            </figcaption>
          </figure>
          <details>
            <summary>The index as a table</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{q.by}</th>
                  <th scope="col">events</th>
                  <th scope="col">cooperation</th>
                  <th scope="col">conflict</th>
                  <th scope="col">Goldstein (mention-weighted)</th>
                  <th scope="col">tone</th>
                </tr>
              </thead>
              <tbody>
                {series.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={`${self}?${keep}&day=${p.period}`}>{p.period}</a>
                    </th>
                    <td>{p.events}</td>
                    <td>{p.verbal_cooperation + p.material_cooperation}</td>
                    <td>{p.verbal_conflict + p.material_conflict}</td>
                    <td>{fmt(p.goldstein_weighted)}</td>
                    <td>{fmt(p.tone_mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <h2>Top event types</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">CAMEO</th>
                <th scope="col">event type</th>
                <th scope="col">events</th>
                <th scope="col">mentions</th>
              </tr>
            </thead>
            <tbody>
              {props.top.map((t) => (
                <tr>
                  <td>{t.code}</td>
                  <td>{t.label}</td>
                  <td>{t.events}</td>
                  <td>{t.mentions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2 id="day">Most-mentioned events of a day</h2>
      <form method="get" action={self} class="filters">
        <input type="hidden" name="by" value={q.by} />
        {q.directed && <input type="hidden" name="directed" value="true" />}
        <label>
          Day <input type="date" name="day" value={props.day ?? ''} required />
        </label>
        <button type="submit">Show</button>
      </form>
      {props.day &&
        (props.dayEvents.length === 0 ? (
          <p class="empty">No events of this pair on {props.day}.</p>
        ) : (
          <ol class="day-events">
            {props.dayEvents.map((e) => (
              <li>
                <strong>
                  {e.actor1_name ?? e.actor1} → {e.actor2_name ?? e.actor2}
                </strong>
                : {e.label} ({e.code}), {e.mentions} mentions, Goldstein {fmt(e.goldstein, 1)}.{' '}
                {e.url && (
                  <a href={e.url} rel="nofollow noopener">
                    source
                  </a>
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
  return (
    <Layout title="Signals">
      <h1>Signals</h1>
      <p>
        No GDELT events have been loaded yet. An administrator can fetch them with{' '}
        <code>entente signals fetch --from 2024-01-01 --to 2024-12-31</code> or load files with{' '}
        <code>entente signals ingest</code>.
      </p>
    </Layout>
  );
}
