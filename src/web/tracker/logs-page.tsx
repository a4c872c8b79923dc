import type { Actor, AuditRow } from '../../accounts/index.ts';
import type { AssessmentRow } from '../../tracker/index.ts';
import { UserBar } from '../accounts/user-bar.tsx';
import { Layout } from '../layout.tsx';
import { TRACKER_HEAD } from './head.tsx';
import { AssessmentCard } from './timeline.tsx';

/** The public corrections log: every published correction, with what it replaced and why. */
export function CorrectionsPage(props: { corrections: AssessmentRow[] }) {
  return (
    <Layout head={TRACKER_HEAD} title="Corrections" section="tracker">
      <h1>Corrections log</h1>
      <p class="lead">
        Published assessments are never edited: each correction is listed here with its reason.
      </p>
      {props.corrections.length === 0 ? (
        <p>No correction has been published.</p>
      ) : (
        props.corrections.map((a) => (
          <section>
            <h2>
              <a href={`/items/${a.item_id}`}>{a.item_title}</a>
            </h2>
            <p>Why: {a.correction_reason}</p>
            <AssessmentCard a={a} />
          </section>
        ))
      )}
    </Layout>
  );
}

/** Work waiting: drafts and assessments in review. */
export function ReviewPage(props: { actor: Actor; csrf: string; rows: AssessmentRow[] }) {
  return (
    <Layout head={TRACKER_HEAD} title="Review" section="tracker">
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>Drafts and reviews</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">As of</th>
            <th scope="col">Assessor</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => (
            <tr>
              <td>
                <a href={`/assessments/${a.id}`}>{a.item_title}</a>
                {a.corrects && ' (correction)'}
              </td>
              <td>{a.as_of}</td>
              <td>{a.assessor}</td>
              <td>{a.state.replace('_', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The audit log, for editors: who changed what, when, and the record before and after. */
export function AuditPage(props: { actor: Actor; csrf: string; rows: AuditRow[] }) {
  return (
    <Layout head={TRACKER_HEAD} title="Audit log" section="tracker">
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>Audit log</h1>
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <time datetime={r.at}>{r.at.slice(0, 19).replace('T', ' ')}</time>
              </td>
              <td>{r.actor}</td>
              <td>{r.action}</td>
              <td>
                {r.entity}{' '}
                {r.entity === 'assessment' ? (
                  <a href={`/assessments/${r.entity_id}`}>{r.entity_id}</a>
                ) : (
                  r.entity_id
                )}
              </td>
              <td>
                <details>
                  <summary>changes</summary>
                  <pre>{JSON.stringify({ before: r.before, after: r.after }, null, 1)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
