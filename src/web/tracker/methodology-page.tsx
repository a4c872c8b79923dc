import type { Score } from '../../tracker/index.ts';
import {
  COMPLIANCE_LEVELS,
  FLAGS,
  IMPLEMENTATION_LEVELS,
  MATCHES,
  REVIEW_STATES,
  SPECIFICITY_LEVELS,
} from '../../tracker/index.ts';
import { Layout } from '../layout.tsx';
import { TRACKER_HEAD } from './head.tsx';

export interface WorkedExample {
  party: string;
  asOf: string;
  compliance: Score;
  implementation: Score;
  titles: Map<string, string>;
}

const sum = (s: Score) => s.counted.reduce((n, c) => n + c.points, 0);

/** The definitions of every scale and formula, with examples computed from the record itself. */
export function MethodologyPage(props: { example?: WorkedExample }) {
  const ex = props.example;
  return (
    <Layout head={TRACKER_HEAD} title="Methodology" section="tracker">
      <h1>How the tracker judges and scores</h1>
      <p class="lead">
        Every judgement is an <strong>assessment</strong>: dated, with a rationale and verbatim evidence,
        written by an assessor and published by a second editor. Nothing is assessed without a source; what
        has no assessment is shown as unassessed and left out of every score, with a count of what was left
        out.
      </p>
      <h2>Implementation of an item (recommendations and commitments)</h2>
      <p>Adapted from the Peace Accords Matrix (Kroc Institute).</p>
      <dl>
        {IMPLEMENTATION_LEVELS.map((l) => (
          <>
            <dt>
              {l.value} {l.label}
            </dt>
            <dd>{l.definition}</dd>
          </>
        ))}
        {Object.entries(FLAGS).map(([f, d]) => (
          <>
            <dt>Flag: {f}</dt>
            <dd>{d}</dd>
          </>
        ))}
      </dl>
      <h2>Compliance of each party with a commitment</h2>
      <p>
        As in the G7 and G20 Research Group's compliance reports: a score s of −1, 0 or +1 for each party,
        also shown as (s + 1) / 2 × 100 %.
      </p>
      <dl>
        {COMPLIANCE_LEVELS.map((l) => (
          <>
            <dt>
              {l.value > 0 ? '+' : ''}
              {l.value} {l.label} ({((l.value + 1) / 2) * 100} %)
            </dt>
            <dd>{l.definition}</dd>
          </>
        ))}
      </dl>
      <h2>Recommendations: specificity and uptake, separate axes</h2>
      <p>
        As in the Open Government Partnership's reports, how verifiable a proposal is stays apart from what
        became of it, so that vague proposals do not inflate scores.
      </p>
      <dl>
        {SPECIFICITY_LEVELS.map((l) => (
          <>
            <dt>
              Specificity {l.value} {l.label}
            </dt>
            <dd>{l.definition}</dd>
          </>
        ))}
        {Object.entries(MATCHES).map(([m, d]) => (
          <>
            <dt>Uptake: {m} match</dt>
            <dd>{d}</dd>
          </>
        ))}
        <dt>Uptake: no match</dt>
        <dd>The record holds no commitment or action that matches the recommendation.</dd>
      </dl>
      <p>
        A match, as in the G7/G20 "Recommendations Realized" studies, says that a governmental commitment or
        action does what a recommendation proposes; it does not claim that the recommendation caused it.
      </p>
      <h2>Review</h2>
      <dl>
        {Object.entries(REVIEW_STATES).map(([s, d]) => (
          <>
            <dt>{s.replace('_', ' ')}</dt>
            <dd>{d}</dd>
          </>
        ))}
      </dl>
      <p>
        A published assessment is never edited. A correction is a new assessment that names the one it
        corrects and says why; once published it replaces the original in every score and timeline, and it is
        listed in the public <a href="/tracker/corrections">corrections log</a>.
      </p>
      <h2>Scores</h2>
      <p>
        Scores are computed for any date D from the assessment in force for each item on D: the latest
        published one dated on or before D. Groups: each party (an item of several parties counts for each),
        each top-level issue area, each format.
      </p>
      <ul>
        <li>
          <strong>Compliance of a party</strong> (its reliability) = (mean s + 1) / 2 × 100, over the
          commitments of the party assessed for it.
        </li>
        <li>
          <strong>Implementation</strong> = mean level / 3 × 100, over the assessed items of the group.
        </li>
        <li>
          <strong>Uptake</strong> = mean of 1 (full match), 0.5 (partial), 0 (none) × 100, over all
          recommendations, counting only commitments and actions dated on or before D.
        </li>
      </ul>
      {ex && ex.compliance.counted.length > 0 && (
        <section aria-labelledby="example">
          <h2 id="example">
            Worked example: {ex.party} as of {ex.asOf}
          </h2>
          <p>The compliance of {ex.party} counts these assessed commitments:</p>
          <ul>
            {ex.compliance.counted.map((c) => (
              <li>
                <a href={`/items/${c.id}`}>{ex.titles.get(c.id) ?? c.id}</a>: s = {c.points > 0 ? '+' : ''}
                {c.points}
              </li>
            ))}
          </ul>
          <p>
            Mean s = {sum(ex.compliance)} / {ex.compliance.counted.length} ={' '}
            {(sum(ex.compliance) / ex.compliance.counted.length).toFixed(3)}; compliance = (mean + 1) / 2 ×
            100 = <strong>{ex.compliance.value} %</strong>. Left out as unassessed:{' '}
            {ex.compliance.unassessed.length} commitments of {ex.party}.
          </p>
          <p>
            Implementation of the items of {ex.party}: levels sum to {sum(ex.implementation)} over{' '}
            {ex.implementation.counted.length} assessed items; mean / 3 × 100 ={' '}
            <strong>{ex.implementation.value} %</strong>; {ex.implementation.unassessed.length} items left
            out.
          </p>
        </section>
      )}
    </Layout>
  );
}
