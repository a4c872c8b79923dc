import type { Actor } from '../../accounts/index.ts';
import type { PartyRow } from '../../core/index.ts';
import type { Score, ScoredAssessment, ScoredItem } from '../../tracker/index.ts';
import { levelLabel } from '../../tracker/index.ts';
import { UserBar } from '../accounts/user-bar.tsx';
import { Layout } from '../layout.tsx';
import { TRACKER_HEAD } from './head.tsx';
import { ScoreChart, ScoreValue } from './score-views.tsx';

export interface PartyScorecardProps {
  party: PartyRow;
  actor: Actor;
  csrf: string;
  asOf: string;
  compliance: Score;
  implementation: Score;
  series: { date: string; score: Score }[];
  items: ScoredItem[];
  current: Map<string, ScoredAssessment>;
}

/** A party's scorecard: its reliability over time, and every item behind the numbers. */
export function PartyScorecardPage(p: PartyScorecardProps) {
  const title = (id: string) => p.items.find((i) => i.id === id)?.title ?? id;
  return (
    <Layout head={TRACKER_HEAD} title={`${p.party.name_en}: scorecard`} section="tracker">
      <UserBar actor={p.actor} csrf={p.csrf} back={`/tracker/parties/${p.party.code}`} />
      <p class="eyebrow">
        <a href="/tracker">Tracker</a> · Party scorecard
      </p>
      <h1>{p.party.name_en}</h1>
      <dl class="facts">
        <dt>Compliance with its commitments</dt>
        <dd id="compliance">
          <ScoreValue score={p.compliance} />
        </dd>
        <dt>Implementation of its items</dt>
        <dd id="implementation">
          <ScoreValue score={p.implementation} />
        </dd>
        <dt>As of</dt>
        <dd>
          <time datetime={p.asOf}>{p.asOf}</time>
        </dd>
      </dl>
      <section aria-labelledby="over-time">
        <h2 id="over-time">Compliance over time</h2>
        <ScoreChart points={p.series} label={`Compliance of ${p.party.code} at each quarter end, per cent`} />
        <table>
          <thead>
            <tr>
              <th scope="col">Quarter end</th>
              <th scope="col">Compliance</th>
            </tr>
          </thead>
          <tbody>
            {p.series.map((s) => (
              <tr>
                <td>{s.date}</td>
                <td>
                  <ScoreValue score={s.score} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="counted">
        <h2 id="counted">Commitments counted</h2>
        <ul>
          {p.compliance.counted.map((c) => (
            <li>
              <a href={`/items/${c.id}`}>{title(c.id)}</a>: {c.points > 0 ? '+' : ''}
              {c.points} (as of {p.current.get(c.id)?.as_of})
            </li>
          ))}
        </ul>
        <h2 id="unassessed">Left out: not assessed for {p.party.code}</h2>
        {p.compliance.unassessed.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {p.compliance.unassessed.map((id) => (
              <li>
                <a href={`/items/${id}`}>{title(id)}</a>
              </li>
            ))}
          </ul>
        )}
        <h2 id="implementation-items">Implementation of every item of {p.party.code}</h2>
        <ul>
          {p.implementation.counted.map((c) => (
            <li>
              <a href={`/items/${c.id}`}>{title(c.id)}</a>: {c.points} {levelLabel(c.points)}
            </li>
          ))}
        </ul>
        <p>{p.implementation.unassessed.length} items of this party are unassessed.</p>
      </section>
    </Layout>
  );
}
