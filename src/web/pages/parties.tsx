import type { PartyRow } from '../../core/index.ts';
import type { CommitmentRow, MilestoneRow, RecommendationRow } from '../../tracker/index.ts';
import { DateText, Known, Parties } from '../components.tsx';
import { Layout } from '../layout.tsx';

export function PartiesPage(props: { parties: PartyRow[] }) {
  return (
    <Layout title="Parties" section="parties">
      <h1>Parties</h1>
      <table>
        <caption class="visually-hidden">States and organisations in the record</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">English</th>
            <th scope="col">Korean</th>
            <th scope="col">Japanese</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {props.parties.map((p) => (
            <tr>
              <td>
                <a href={`/parties/${p.code}`}>{p.code}</a>
              </td>
              <td>{p.name_en}</td>
              <td lang="ko">
                <Known value={p.name_ko} />
              </td>
              <td lang="ja">
                <Known value={p.name_ja} />
              </td>
              <td>{p.kind}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export interface PartyPageData {
  party: PartyRow;
  recommendations: RecommendationRow[];
  commitments: CommitmentRow[];
  milestones: MilestoneRow[];
}

/** A party's recommendations, commitments and milestones. */
export function PartyPage({ party: p, recommendations, commitments, milestones }: PartyPageData) {
  return (
    <Layout title={p.name_en} section="parties">
      <p class="eyebrow">Party · {p.code}</p>
      <h1>
        {p.name_en}
        {p.name_ko && (
          <>
            {' '}
            · <span lang="ko">{p.name_ko}</span>
          </>
        )}
        {p.name_ja && (
          <>
            {' '}
            · <span lang="ja">{p.name_ja}</span>
          </>
        )}
      </h1>
      <section aria-labelledby="recs">
        <h2 id="recs">
          Recommendations involving {p.name_en} ({recommendations.length})
        </h2>
        <ul>
          {recommendations.map((r) => (
            <li>
              <a href={`/recommendations/${r.id}`}>{r.title}</a> — {r.contributor_name}, {r.format}
            </li>
          ))}
        </ul>
        {recommendations.length > 0 && (
          <p>
            <a href={`/recommendations?party=${p.code}`}>Filter the list by {p.code}</a>
          </p>
        )}
      </section>
      <section aria-labelledby="commitments">
        <h2 id="commitments">Commitments ({commitments.length})</h2>
        {commitments.length === 0 ? (
          <p>No commitment of {p.name_en} is in the record.</p>
        ) : (
          <ul>
            {commitments.map((c) => (
              <li>
                <strong>{c.title}</strong> — <a href={`/milestones/${c.milestone_id}`}>{c.milestone_title}</a>{' '}
                ({c.milestone_date}) · <Parties codes={c.parties} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="milestones">
        <h2 id="milestones">Milestones ({milestones.length})</h2>
        <ol class="timeline compact">
          {milestones.map((m) => (
            <li>
              <DateText date={m.date} end={m.date_end} /> <a href={`/milestones/${m.id}`}>{m.title}</a>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
