import { type Context, Hono } from 'hono';
import { can } from '../../accounts/index.ts';
import { type Db, ValidationError } from '../../core/index.ts';
import {
  type AssessmentRow,
  correctAssessment,
  draftAssessment,
  getTrackedItem,
  linkItems,
  publishAssessment,
  returnToDraft,
  StaleVersionError,
  submitForReview,
  unlinkItems,
  updateDraft,
} from '../../tracker/index.ts';
import type { Auth } from '../accounts/index.ts';
import { staleMessage } from '../errors.tsx';
import { useI18n } from '../i18n.ts';
import { AssessmentFormPage, type FormPageProps } from './assessment-page.tsx';
import {
  type FormValues,
  formFromJudgement,
  intField,
  judgementFromForm,
  textField,
  versionField,
} from './form-data.ts';
import { itemOr404, refused, today, visibleAssessment } from './lookups.ts';

const seeOther = (c: Context, to: string) => c.redirect(`${c.get('basePath')}${to}`, 303);

/**
 * The tracker's writes from the site: the assessment forms (draft, edit, correct), the review
 * steps and the links between items. The services decide; errors other than a rejected form go
 * to the app's error handler.
 */
export function editingRoutes(db: Db, auth: Auth) {
  const app = new Hono();

  /** Renders a rejected form again with the user's input and the problems; 400 or 409. */
  async function formPage(c: Context, e: unknown, props: Omit<FormPageProps, 'actor' | 'csrf'>) {
    const base = { ...props, actor: await auth.actor(c), csrf: auth.csrfToken(c) };
    if (e instanceof ValidationError)
      return c.html(<AssessmentFormPage {...base} problems={e.problems} />, 400);
    if (e instanceof StaleVersionError) {
      const current = e.current as AssessmentRow | undefined;
      return c.html(
        <AssessmentFormPage
          {...base}
          message={staleMessage(e)}
          current={current}
          version={current?.version}
        />,
        409,
      );
    }
    throw e;
  }

  app.get('/items/:id/assess', async (c) => {
    const item = await itemOr404(db, c.req.param('id'));
    const actor = await auth.actor(c);
    const { t } = useI18n();
    if (!can(actor.role, 'assessment.draft')) throw refused(actor, t('tracker.error.draft'));
    return c.html(
      <AssessmentFormPage
        item={item}
        actor={actor}
        csrf={auth.csrfToken(c)}
        values={{ as_of: today() }}
        action={`/items/${item.id}/assessments`}
        title="tracker.form.draftTitle"
        submit={t('tracker.form.save')}
      />,
    );
  });

  // Writers are checked before a body is read: a form nobody may send is never parsed.
  app.post('/items/:id/assessments', async (c) => {
    const actor = await auth.actor(c);
    if (!can(actor.role, 'assessment.draft')) throw refused(actor, useI18n().t('tracker.error.draft'));
    const f = await auth.form(c);
    const item = await itemOr404(db, c.req.param('id'));
    try {
      const a = await draftAssessment(db, actor, item.id, judgementFromForm(f, item.parties));
      return seeOther(c, `/assessments/${a.id}`);
    } catch (e) {
      return formPage(c, e, {
        item,
        values: f,
        action: `/items/${item.id}/assessments`,
        title: 'tracker.form.draftTitle',
        submit: useI18n().t('tracker.form.save'),
      });
    }
  });

  app.post('/assessments/:id', async (c) => {
    const actor = await auth.actor(c);
    if (!can(actor.role, 'assessment.draft')) throw refused(actor, useI18n().t('tracker.error.editDrafts'));
    const f = await auth.form(c);
    const a = await visibleAssessment(db, c.req.param('id'), actor);
    const item = await itemOr404(db, a.item_id);
    try {
      await updateDraft(db, actor, a.id, versionField(f), judgementFromForm(f, item.parties));
      return seeOther(c, `/assessments/${a.id}`);
    } catch (e) {
      return formPage(c, e, {
        item,
        values: f,
        action: `/assessments/${a.id}`,
        version: intField(f, 'version'),
        title: 'tracker.form.editTitle',
        submit: useI18n().t('tracker.form.save'),
      });
    }
  });

  const step = (name: string, fn: typeof submitForReview) =>
    app.post(`/assessments/:id/${name}`, async (c) => {
      const f = await auth.form(c);
      const actor = await auth.actor(c);
      const a = await fn(db, actor, c.req.param('id'), versionField(f));
      return seeOther(c, a.state === 'published' ? `/items/${a.item_id}` : `/assessments/${a.id}`);
    });
  step('submit', submitForReview);
  step('return', returnToDraft);
  step('publish', publishAssessment);

  app.get('/assessments/:id/correct', async (c) => {
    const actor = await auth.actor(c);
    const { t } = useI18n();
    if (!can(actor.role, 'assessment.correct')) throw refused(actor, t('tracker.error.corrections'));
    const a = await visibleAssessment(db, c.req.param('id'), actor);
    const item = await itemOr404(db, a.item_id);
    return c.html(
      <AssessmentFormPage
        item={item}
        actor={actor}
        csrf={auth.csrfToken(c)}
        values={formFromJudgement(a)}
        original={a}
        action={`/assessments/${a.id}/correct`}
        title="tracker.form.correctTitle"
        submit={t('tracker.form.saveCorrection')}
      />,
    );
  });

  app.post('/assessments/:id/correct', async (c) => {
    const actor = await auth.actor(c);
    if (!can(actor.role, 'assessment.correct'))
      throw refused(actor, useI18n().t('tracker.error.corrections'));
    const f = await auth.form(c);
    const original = await visibleAssessment(db, c.req.param('id'), actor);
    const item = await itemOr404(db, original.item_id);
    try {
      const a = await correctAssessment(
        db,
        actor,
        original.id,
        textField(f, 'correction_reason'),
        judgementFromForm(f, item.parties),
      );
      return seeOther(c, `/assessments/${a.id}`);
    } catch (e) {
      return formPage(c, e, {
        item,
        values: f,
        original,
        action: `/assessments/${original.id}/correct`,
        title: 'tracker.form.correctTitle',
        submit: useI18n().t('tracker.form.saveCorrection'),
      });
    }
  });

  app.post('/items/:id/links', async (c) => {
    const f: FormValues = await auth.form(c);
    const actor = await auth.actor(c);
    const item = await itemOr404(db, c.req.param('id'));
    const target = textField(f, 'target');
    const isCommitment = (await getTrackedItem(db, target))?.kind === 'commitment';
    await linkItems(db, actor, {
      recommendation: item.id,
      ...(isCommitment ? { commitment: target } : { milestone: target }),
      match: textField(f, 'match'),
      rationale: textField(f, 'rationale'),
    });
    return seeOther(c, `/items/${item.id}#links`);
  });

  app.post('/links/:id/delete', async (c) => {
    const f = await auth.form(c);
    const actor = await auth.actor(c);
    const removed = await unlinkItems(db, actor, c.req.param('id'), versionField(f));
    return seeOther(c, `/items/${removed.recommendation_id}#links`);
  });

  return app;
}
