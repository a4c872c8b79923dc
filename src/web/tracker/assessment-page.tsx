import type { Actor } from '../../accounts/index.ts';
import { can } from '../../accounts/index.ts';
import type { Problem } from '../../core/index.ts';
import type { AssessmentRow, TrackedItemRow } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { UserBar } from '../user-bar.tsx';
import { Msg, stateName } from '../words.tsx';
import { AssessmentFields, ErrorSummary } from './assessment-form.tsx';
import { type FormValues, formFromJudgement } from './form-data.ts';
import { AssessmentCard } from './timeline.tsx';

const Csrf = (props: { csrf: string }) => <input type="hidden" name="_csrf" value={props.csrf} />;

/** A button that moves an assessment along the review workflow, guarded by its version. */
function Step(props: { a: AssessmentRow; csrf: string; step: string; label: string }) {
  return (
    <form method="post" action={at(`/assessments/${props.a.id}/${props.step}`)} class="inline">
      <Csrf csrf={props.csrf} />
      <input type="hidden" name="version" value={String(props.a.version)} />
      <button type="submit">{props.label}</button>
    </form>
  );
}

/** One assessment with the actions the reader's role allows in its review state. */
export function AssessmentPage(props: {
  a: AssessmentRow;
  actor: Actor;
  csrf: string;
  item: TrackedItemRow;
}) {
  const { a, actor, csrf, item } = props;
  const mayEdit =
    a.state === 'draft' &&
    can(actor.role, 'assessment.draft') &&
    (actor.role !== 'contributor' || a.assessor_id === actor.id);
  const mayPublish = a.state === 'in_review' && can(actor.role, 'assessment.publish');
  const { t, date } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t('tracker.assessment.of', { item: item.title })} section="tracker">
      <UserBar actor={actor} csrf={csrf} back={`/assessments/${a.id}`} />
      <p class="eyebrow">
        <Msg
          k="tracker.assessment.of"
          nodes={{
            item: (
              <a href={at(`/items/${item.id}`)} lang="en">
                {item.title}
              </a>
            ),
          }}
        />
      </p>
      <h1>
        <Msg
          k="tracker.assessment.heading"
          nodes={{ date: <time datetime={a.as_of}>{date(a.as_of)}</time> }}
        />{' '}
        <span class="badge">{stateName(t, a.state)}</span>
      </h1>
      <AssessmentCard a={a} link={false} />
      <div class="actions">
        {mayEdit && <Step a={a} csrf={csrf} step="submit" label={t('tracker.assessment.submit')} />}
        {mayPublish && a.assessor_id !== actor.id && (
          <Step a={a} csrf={csrf} step="publish" label={t('tracker.assessment.publish')} />
        )}
        {mayPublish && <Step a={a} csrf={csrf} step="return" label={t('tracker.assessment.return')} />}
        {a.state === 'published' && !a.corrected_by && can(actor.role, 'assessment.correct') && (
          <a class="button" href={at(`/assessments/${a.id}/correct`)}>
            {t('tracker.assessment.correct')}
          </a>
        )}
      </div>
      {mayEdit && (
        <section aria-labelledby="edit">
          <h2 id="edit">{t('tracker.form.edit')}</h2>
          <AssessmentFormBody
            item={item}
            values={formFromJudgement({ ...a, evidence: a.evidence })}
            action={`/assessments/${a.id}`}
            version={a.version}
            csrf={csrf}
            submit={t('tracker.form.save')}
          />
        </section>
      )}
    </Layout>
  );
}

function AssessmentFormBody(props: {
  item: TrackedItemRow;
  values: FormValues;
  action: string;
  version?: number;
  csrf: string;
  submit: string;
  correction?: boolean;
}) {
  const { t } = useI18n();
  return (
    <form method="post" action={at(props.action)} class="assessment-form">
      <Csrf csrf={props.csrf} />
      {props.version !== undefined && <input type="hidden" name="version" value={String(props.version)} />}
      {props.correction && (
        <p>
          <label for="f-correction_reason">{t('tracker.form.correctionReason')}</label>
          <textarea id="f-correction_reason" name="correction_reason" rows={2} required>
            {typeof props.values.correction_reason === 'string' ? props.values.correction_reason : ''}
          </textarea>
        </p>
      )}
      <AssessmentFields item={props.item} values={props.values} />
      <p>
        <button type="submit">{props.submit}</button>
      </p>
    </form>
  );
}

export interface FormPageProps {
  item: TrackedItemRow;
  actor: Actor;
  csrf: string;
  values: FormValues;
  action: string;
  /** What the form does, e.g. "Draft an assessment: {item}"; the item's title fills it in. */
  title: 'tracker.form.draftTitle' | 'tracker.form.editTitle' | 'tracker.form.correctTitle';
  submit: string;
  version?: number;
  problems?: Problem[];
  message?: string;
  /** On a conflict: the record as it is now, shown above the user's kept input. */
  current?: AssessmentRow;
  /** The published assessment a correction replaces. */
  original?: AssessmentRow;
}

/** A form page to draft, edit or correct an assessment; on rejection it keeps every value typed. */
export function AssessmentFormPage(p: FormPageProps) {
  const { t } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t(p.title, { item: p.item.title })} section="tracker">
      <UserBar actor={p.actor} csrf={p.csrf} />
      <p class="eyebrow">
        <a href={at(`/items/${p.item.id}`)} lang="en">
          {p.item.title}
        </a>
      </p>
      <h1>
        <Msg k={p.title} nodes={{ item: <span lang="en">{p.item.title}</span> }} />
      </h1>
      <ErrorSummary problems={p.problems ?? []} message={p.message} />
      {p.current && (
        <section aria-labelledby="current">
          <h2 id="current">{t('tracker.form.current', { version: p.current.version })}</h2>
          <AssessmentCard a={p.current} />
          <p>{t('tracker.form.kept')}</p>
        </section>
      )}
      {p.original && (
        <section aria-labelledby="original">
          <h2 id="original">{t('tracker.form.original')}</h2>
          <AssessmentCard a={p.original} />
        </section>
      )}
      <AssessmentFormBody
        item={p.item}
        values={p.values}
        action={p.action}
        version={p.version}
        csrf={p.csrf}
        submit={p.submit}
        correction={p.original !== undefined}
      />
    </Layout>
  );
}
