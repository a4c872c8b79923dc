import type { CommitmentRow, MilestoneRow } from '../../tracker/index.ts';
import { DateText, Parties, SourceList } from '../components.tsx';
import { Layout } from '../layout.tsx';

/** The timeline of the relationship, grouped by year. */
export function MilestonesPage(props: { milestones: MilestoneRow[] }) {
  const years = [...new Set(props.milestones.map((m) => m.date.slice(0, 4)))];
  return (
    <Layout title="Milestones" section="milestones">
      <h1>Milestones</h1>
      <p>Treaties, summits, commitments, implementation steps and setbacks, each with its sources.</p>
      {years.map((y) => (
        <section aria-labelledby={`y${y}`}>
          <h2 id={`y${y}`}>{y}</h2>
          <ol class="timeline">
            {props.milestones
              .filter((m) => m.date.startsWith(y))
              .map((m) => (
                <li class={`kind-${m.kind}`}>
                  <p class="when">
                    <DateText date={m.date} end={m.date_end} note={m.date_note} /> ·{' '}
                    <span class="kind">{m.kind}</span>
                  </p>
                  <h3>
                    <a href={`/milestones/${m.id}`}>{m.title}</a>
                  </h3>
                  <p>
                    {m.summary} <Parties codes={m.parties} />
                    {m.commitments > 0 && (
                      <>
                        {' '}
                        · {m.commitments} commitment{m.commitments === 1 ? '' : 's'}
                      </>
                    )}
                  </p>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </Layout>
  );
}

export function MilestonePage(props: { milestone: MilestoneRow; commitments: CommitmentRow[] }) {
  const m = props.milestone;
  return (
    <Layout title={m.title} section="milestones" description={m.summary}>
      <article>
        <p class="eyebrow">
          Milestone · {m.kind} · <DateText date={m.date} end={m.date_end} note={m.date_note} />
        </p>
        <h1>{m.title}</h1>
        <p class="lead">{m.summary}</p>
        <dl class="facts">
          <dt>Parties</dt>
          <dd>
            <Parties codes={m.parties} />
          </dd>
          <dt>Format</dt>
          <dd>{m.format}</dd>
          {m.document && (
            <>
              <dt>Document</dt>
              <dd>{m.document}</dd>
            </>
          )}
        </dl>
        {props.commitments.length > 0 && (
          <section aria-labelledby="commitments">
            <h2 id="commitments">Commitments</h2>
            <ul>
              {props.commitments.map((c) => (
                <li id={c.id}>
                  <strong>{c.title}</strong> — {c.summary} <Parties codes={c.parties} />
                  {c.due && <> · due {c.due}</>}
                  {c.quote && <blockquote>{c.quote}</blockquote>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <SourceList sources={m.sources} />
      </article>
    </Layout>
  );
}
