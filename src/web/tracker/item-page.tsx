import type { Actor } from '../../accounts/index.ts';
import { can } from '../../accounts/index.ts';
import type { AssessmentRow, LinkRow, TrackedItemRow } from '../../tracker/index.ts';
import { MATCHES } from '../../tracker/index.ts';
import { UserBar } from '../accounts/user-bar.tsx';
import { Parties } from '../components.tsx';
import { Layout } from '../layout.tsx';
import { TRACKER_HEAD } from './head.tsx';
import { AssessmentCard, Level } from './timeline.tsx';

export interface ItemPageProps {
  item: TrackedItemRow;
  assessments: AssessmentRow[];
  links: LinkRow[];
  actor: Actor;
  csrf: string;
}

/**
 * A tracked item: where it stands, since when, on what evidence and by whose judgement. The
 * timeline lists published assessments newest first; corrected ones stay, marked and linked.
 */
export function ItemPage(props: ItemPageProps) {
  const { item, actor } = props;
  const published = props.assessments.filter((a) => a.state === 'published');
  const current = published.find((a) => !a.corrected_by);
  const unpublished = props.assessments.filter((a) => a.state !== 'published');
  const mayDraft = can(actor.role, 'assessment.draft');
  return (
    <Layout head={TRACKER_HEAD} title={item.title} section="tracker" description={item.summary}>
      <UserBar actor={actor} csrf={props.csrf} back={`/items/${item.id}`} />
      <article class="item">
        <p class="eyebrow">
          {item.kind === 'recommendation' ? 'Recommendation' : 'Commitment'} · {item.area_name}
        </p>
        <h1>{item.title}</h1>
        <p class="lead">{item.summary}</p>
        <dl class="facts">
          <dt>Status</dt>
          <dd id="status">
            {current ? (
              <>
                <Level a={current} /> as of <time datetime={current.as_of}>{current.as_of}</time>
              </>
            ) : (
              <span class="unknown">not assessed</span>
            )}
          </dd>
          <dt>Parties</dt>
          <dd>
            <Parties codes={item.parties} />
          </dd>
          <dt>Format</dt>
          <dd>{item.format}</dd>
          <dt>From</dt>
          <dd>
            {item.kind === 'recommendation' ? (
              <a href={`/recommendations/${item.id}`}>{item.source_title}</a>
            ) : (
              <a href={`/milestones/${item.source_id}`}>
                {item.source_title} ({item.date})
              </a>
            )}
          </dd>
        </dl>
        {item.quote && <blockquote>{item.quote}</blockquote>}

        <section aria-labelledby="timeline">
          <h2 id="timeline">Status timeline</h2>
          {published.length === 0 ? (
            <p class="unknown">No published assessment yet: the item is unassessed.</p>
          ) : (
            <ol class="timeline">
              {published.map((a) => (
                <li>
                  <AssessmentCard a={a} />
                </li>
              ))}
            </ol>
          )}
        </section>

        {(props.links.length > 0 || item.kind === 'recommendation') && (
          <section aria-labelledby="links">
            <h2 id="links">{item.kind === 'recommendation' ? 'Taken up by' : 'Takes up'}</h2>
            {props.links.length === 0 ? (
              <p class="unknown">No matching commitment or action is in the record.</p>
            ) : (
              <ul>
                {props.links.map((l) => (
                  <li>
                    {item.kind === 'recommendation' ? (
                      l.commitment_id ? (
                        <a href={`/items/${l.commitment_id}`}>{l.target_title}</a>
                      ) : (
                        <a href={`/milestones/${l.milestone_id}`}>{l.target_title}</a>
                      )
                    ) : (
                      <a href={`/items/${l.recommendation_id}`}>{l.recommendation_title}</a>
                    )}{' '}
                    ({l.target_date}) — <strong>{l.match} match</strong>: {l.rationale}
                    {can(actor.role, 'link.write') && (
                      <form method="post" action={`/links/${encodeURIComponent(l.id)}/delete`} class="inline">
                        <input type="hidden" name="_csrf" value={props.csrf} />
                        <input type="hidden" name="version" value={String(l.version)} />{' '}
                        <button type="submit">Remove link</button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {item.kind === 'recommendation' && can(actor.role, 'link.write') && (
              <form method="post" action={`/items/${item.id}/links`} class="link-form">
                <input type="hidden" name="_csrf" value={props.csrf} />
                <p>
                  <label for="f-target">Commitment or milestone id</label>
                  <input id="f-target" name="target" required />
                </p>
                <p>
                  <label for="f-match">Match</label>
                  <select id="f-match" name="match">
                    {Object.entries(MATCHES).map(([m, d]) => (
                      <option value={m}>
                        {m}: {d}
                      </option>
                    ))}
                  </select>
                </p>
                <p>
                  <label for="f-link-rationale">Why they match</label>
                  <textarea id="f-link-rationale" name="rationale" rows={2} required />
                </p>
                <button type="submit">Link</button>
              </form>
            )}
          </section>
        )}

        {mayDraft && (
          <section aria-labelledby="work">
            <h2 id="work">Drafts and reviews</h2>
            {unpublished.length === 0 ? (
              <p>No draft of this item.</p>
            ) : (
              <ul>
                {unpublished.map((a) => (
                  <li>
                    <a href={`/assessments/${a.id}`}>
                      {a.as_of} by {a.assessor}
                    </a>{' '}
                    — {a.state.replace('_', ' ')}
                    {a.corrects && ' (correction)'}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a class="button" href={`/items/${item.id}/assess`}>
                Draft an assessment
              </a>
            </p>
          </section>
        )}
        <p>
          <a href={`/api/items/${item.id}/assessments`}>Assessments as JSON</a>
        </p>
      </article>
    </Layout>
  );
}
