import type { Actor, AuditRow } from '../../accounts/index.ts';
import type { AssessmentRow } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { UserBar } from '../user-bar.tsx';
import { Msg, stateName } from '../words.tsx';
import { AssessmentCard } from './timeline.tsx';

/** The public corrections log: every published correction, with what it replaced and why. */
export function CorrectionsPage(props: { corrections: AssessmentRow[] }) {
  const { t } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t('tracker.corrections.title')} section="tracker">
      <h1>{t('tracker.corrections.heading')}</h1>
      <p class="lead">{t('tracker.corrections.lead')}</p>
      {props.corrections.length === 0 ? (
        <p>{t('tracker.corrections.none')}</p>
      ) : (
        props.corrections.map((a) => (
          <section>
            <h2>
              <a href={at(`/items/${a.item_id}`)} lang="en">
                {a.item_title}
              </a>
            </h2>
            <p>
              <Msg
                k="tracker.corrections.why"
                nodes={{ reason: <span lang="en">{a.correction_reason}</span> }}
              />
            </p>
            <AssessmentCard a={a} />
          </section>
        ))
      )}
    </Layout>
  );
}

/** Work waiting: drafts and assessments in review. */
export function ReviewPage(props: { actor: Actor; csrf: string; rows: AssessmentRow[] }) {
  const { t, date } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t('tracker.review.title')} section="tracker">
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>{t('tracker.item.work')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('tracker.col.item')}</th>
            <th scope="col">{t('tracker.col.asOf')}</th>
            <th scope="col">{t('tracker.col.assessor')}</th>
            <th scope="col">{t('tracker.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => (
            <tr>
              <td>
                <a href={at(`/assessments/${a.id}`)} lang="en">
                  {a.item_title}
                </a>
                {a.corrects && ` ${t('tracker.item.correctionMark')}`}
              </td>
              <td>
                <time datetime={a.as_of}>{date(a.as_of)}</time>
              </td>
              <td>{a.assessor}</td>
              <td>{stateName(t, a.state)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The audit log, for editors: who changed what, when, and the record before and after. */
export function AuditPage(props: { actor: Actor; csrf: string; rows: AuditRow[] }) {
  const { t } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t('tracker.audit.title')} section="tracker">
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>{t('tracker.audit.title')}</h1>
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">{t('tracker.audit.when')}</th>
            <th scope="col">{t('tracker.audit.who')}</th>
            <th scope="col">{t('tracker.audit.what')}</th>
            <th scope="col">{t('tracker.audit.record')}</th>
            <th scope="col">{t('tracker.audit.change')}</th>
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
                  <a href={at(`/assessments/${r.entity_id}`)}>{r.entity_id}</a>
                ) : (
                  r.entity_id
                )}
              </td>
              <td>
                <details>
                  <summary>{t('tracker.audit.changes')}</summary>
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
