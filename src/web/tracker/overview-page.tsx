import type { Actor } from '../../accounts/index.ts';
import type { IssueAreaRow, PartyRow } from '../../core/index.ts';
import type { Score } from '../../tracker/index.ts';
import { UserBar } from '../accounts/user-bar.tsx';
import { Layout } from '../layout.tsx';
import { TRACKER_HEAD } from './head.tsx';
import { band, ScoreValue } from './score-views.tsx';

export interface OverviewProps {
  asOf: string;
  actor: Actor;
  csrf: string;
  parties: PartyRow[];
  areas: IssueAreaRow[];
  heat: Map<string, Map<string, Score>>;
  byParty: { group: string; implementation: Score; compliance?: Score }[];
  byFormat: { group: string; implementation: Score }[];
  uptake: Score;
  counts: { items: number; assessed: number };
}

/** The tracker at a glance: scores per party and format, and the issue area × party heat map. */
export function OverviewPage(p: OverviewProps) {
  const top = p.areas.filter((a) => a.parent_id === null);
  const parties = p.parties.filter((party) => p.byParty.some((b) => b.group === party.code));
  return (
    <Layout
      head={TRACKER_HEAD}
      title="Tracker"
      section="tracker"
      description="Where each recommendation and commitment stands, and how reliably each party follows through."
    >
      <UserBar actor={p.actor} csrf={p.csrf} back="/tracker" />
      <h1>Tracker</h1>
      <p class="lead">
        {p.counts.assessed} of {p.counts.items} tracked items have a published assessment as of{' '}
        <time datetime={p.asOf}>{p.asOf}</time>; the others are shown as unassessed and left out of every
        score. How scores are computed: <a href="/tracker/methodology">methodology</a>.
      </p>
      <form method="get" action="/tracker" class="filters">
        <label for="as_of">Scores as of</label> <input id="as_of" name="as_of" type="date" value={p.asOf} />{' '}
        <button type="submit">Show</button>
      </form>

      <section aria-labelledby="parties">
        <h2 id="parties">Parties</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Compliance with its commitments</th>
              <th scope="col">Implementation of its items</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((party) => {
              const s = p.byParty.find((b) => b.group === party.code)!;
              return (
                <tr>
                  <th scope="row">
                    <a href={`/tracker/parties/${party.code}`}>{party.name_en}</a>
                  </th>
                  <td>
                    <ScoreValue score={s.compliance} />
                  </td>
                  <td>
                    <ScoreValue score={s.implementation} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="heat">
        <h2 id="heat">Implementation by issue area and party</h2>
        <table class="heat-map">
          <thead>
            <tr>
              <th scope="col">Issue area</th>
              {parties.map((party) => (
                <th scope="col">{party.code}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top.map((area) => (
              <tr>
                <th scope="row">{area.name_en}</th>
                {parties.map((party) => {
                  const s = p.heat.get(area.id)?.get(party.code);
                  return (
                    <td class={band(s)}>
                      {s ? <ScoreValue score={s} /> : <span class="unknown">no items</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="formats">
        <h2 id="formats">By format</h2>
        <ul>
          {p.byFormat.map((f) => (
            <li>
              {f.group}: <ScoreValue score={f.implementation} />
            </li>
          ))}
        </ul>
        <p>
          Uptake of the recommendations by governments: <ScoreValue score={p.uptake} />
        </p>
      </section>
      <section aria-labelledby="more">
        <h2 id="more">Follow and download</h2>
        <ul>
          <li>
            <a href="/tracker/feed.atom">Atom feed of published assessments</a>
          </li>
          <li>
            <a href="/tracker/corrections">Corrections log</a>
          </li>
          <li>
            Downloads: <a href="/tracker/assessments.csv">assessments (CSV)</a>,{' '}
            <a href="/tracker/assessments.json">assessments (JSON)</a>,{' '}
            <a href="/tracker/items.csv">tracked items (CSV)</a>, <a href="/tracker/links.csv">links (CSV)</a>
            , <a href="/tracker/datapackage.json">data package</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
