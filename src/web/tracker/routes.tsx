import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type Actor, can, listAudit } from '../../accounts/index.ts';
import { type Db, getParty, listIssueAreas, listParties, ValidationError } from '../../core/index.ts';
import {
  type AssessmentRow,
  complianceScore,
  correctAssessment,
  currentAssessments,
  Day,
  draftAssessment,
  getAssessment,
  getTrackedItem,
  heatMap,
  implementationScore,
  itemStatuses,
  linkItems,
  listAssessments,
  listLinks,
  listPublished,
  listTrackedItems,
  maySee,
  publishAssessment,
  quarterEnds,
  returnToDraft,
  StaleVersionError,
  scoredAssessments,
  scoredItems,
  scoredLinks,
  scoresBy,
  submitForReview,
  type TrackedItemRow,
  unlinkItems,
  updateDraft,
  uptakeScore,
  withStatus,
} from '../../tracker/index.ts';
import type { Auth } from '../accounts/auth.ts';
import { useI18n } from '../i18n.ts';
import { siteUrl } from '../site-url.ts';
import { AssessmentFormPage, AssessmentPage, type FormPageProps } from './assessment-page.tsx';
import { http, staleMessage, toHttp } from './errors.ts';
import { assessmentRecords, assessmentsCsv, dataPackage, itemsCsv, linksCsv } from './exports.ts';
import { atomFeed } from './feed.ts';
import { type FormValues, formFromJudgement, intField, judgementFromForm, textField } from './form-data.ts';
import { ItemPage } from './item-page.tsx';
import { matchesFilter, readItemFilter } from './items-table.tsx';
import { AuditPage, CorrectionsPage, ReviewPage } from './logs-page.tsx';
import { MethodologyPage } from './methodology-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { PartyScorecardPage } from './party-page.tsx';
import { scoreChartRoutes } from './score-chart-routes.tsx';

const STYLE = readFileSync(new URL('./tracker.css', import.meta.url), 'utf8');

const today = () => new Date().toISOString().slice(0, 10);

/** Reads `?as_of=`; a malformed date is a 400 naming the parameter. */
function asOfParam(c: Context): string {
  const raw = c.req.query('as_of');
  if (!raw) return today();
  const r = Day.safeParse(raw);
  if (!r.success)
    throw new HTTPException(400, {
      message: useI18n().t('tracker.error.asOf', { problem: r.error.issues[0]!.message }),
    });
  return r.data;
}

/** A 404 naming what is missing, in the reader's language. */
function notFound(what: 'item' | 'assessment', id: string): HTTPException;
function notFound(what: 'party', code: string): HTTPException;
function notFound(what: 'item' | 'assessment' | 'party', id: string) {
  const { t } = useI18n();
  const name = what === 'party' ? t('tracker.what.party', { code: id }) : t(`tracker.what.${what}`, { id });
  return new HTTPException(404, { message: t('tracker.error.notInRecord', { what: name }) });
}
const refused = (actor: Actor, message: string) =>
  new HTTPException(actor.id === null ? 401 : 403, { message });
const seeOther = (c: Context, to: string) => c.redirect(to, 303);

/** The tracker's pages, forms, feeds and downloads. */
export function trackerRoutes(db: Db, auth: Auth) {
  const app = new Hono();
  app.route('/', scoreChartRoutes(db));

  app.get('/assets/tracker.css', (c) =>
    c.body(STYLE, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  async function itemOr404(id: string): Promise<TrackedItemRow> {
    const item = await getTrackedItem(db, id);
    if (!item) throw notFound('item', id);
    return item;
  }

  // Drafts and reviews are visible to their assessor and to editors; readers see published ones only.
  async function visibleAssessment(id: string, actor: Actor): Promise<AssessmentRow> {
    const a = await getAssessment(db, id);
    if (!a || !maySee(actor, a)) throw notFound('assessment', id);
    return a;
  }

  async function scoring(asOf: string) {
    const [items, assessments] = await Promise.all([scoredItems(db), scoredAssessments(db)]);
    return { items, current: currentAssessments(assessments, asOf) };
  }

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
    throw toHttp(e);
  }

  app.get('/tracker', async (c) => {
    const asOf = asOfParam(c);
    const [{ items, current }, links, parties, areas, actor, rows] = await Promise.all([
      scoring(asOf),
      scoredLinks(db),
      listParties(db),
      listIssueAreas(db),
      auth.actor(c),
      listTrackedItems(db),
    ]);
    const listed = withStatus(rows, current);
    const filter = readItemFilter((name) => c.req.query(name));
    const sources = [...new Map(rows.map((r) => [r.source_id, r.source_title ?? r.source_id])).entries()]
      .map(([id, title]) => ({ id, title }))
      .sort((a, b) => a.title.localeCompare(b.title));
    return c.html(
      <OverviewPage
        asOf={asOf}
        actor={actor}
        csrf={auth.csrfToken(c)}
        parties={parties}
        areas={areas}
        heat={heatMap(items, current)}
        byParty={scoresBy(items, current, 'party')}
        byFormat={scoresBy(items, current, 'format')}
        uptake={uptakeScore(items, links, asOf, current)}
        counts={{ items: items.length, assessed: items.filter((i) => current.has(i.id)).length }}
        list={{
          items: listed.filter((i) => matchesFilter(i, filter)),
          total: listed.length,
          filter,
          sources,
        }}
      />,
    );
  });

  app.get('/tracker/methodology', async (c) => {
    const asOf = today();
    const { items, current } = await scoring(asOf);
    const party = 'KOR';
    const mine = items.filter((i) => i.parties.includes(party));
    return c.html(
      <MethodologyPage
        example={{
          party,
          asOf,
          compliance: complianceScore(party, items, current),
          implementation: implementationScore(mine, current),
          titles: new Map(items.map((i) => [i.id, i.title])),
        }}
      />,
    );
  });

  app.get('/tracker/parties/:code', async (c) => {
    const party = await getParty(db, c.req.param('code').toUpperCase());
    if (!party) throw notFound('party', c.req.param('code'));
    const asOf = asOfParam(c);
    const [items, assessments, actor] = await Promise.all([
      scoredItems(db),
      scoredAssessments(db),
      auth.actor(c),
    ]);
    const mine = items.filter((i) => i.parties.includes(party.code));
    const current = currentAssessments(assessments, asOf);
    const first = assessments.map((a) => a.as_of).sort()[0] ?? asOf;
    const series = quarterEnds(first, asOf).map((date) => ({
      date,
      score: complianceScore(party.code, mine, currentAssessments(assessments, date)),
    }));
    return c.html(
      <PartyScorecardPage
        party={party}
        actor={actor}
        csrf={auth.csrfToken(c)}
        asOf={asOf}
        compliance={complianceScore(party.code, mine, current)}
        implementation={implementationScore(mine, current)}
        series={series}
        items={mine}
        current={current}
      />,
    );
  });

  app.get('/tracker/corrections', async (c) => {
    const rows = (await listPublished(db)).filter((a) => a.corrects !== null);
    return c.html(<CorrectionsPage corrections={rows} />);
  });

  app.get('/tracker/review', async (c) => {
    const actor = await auth.actor(c);
    if (!can(actor.role, 'assessment.draft')) throw refused(actor, useI18n().t('tracker.error.seeDrafts'));
    const rows = (await listAssessments(db)).filter((a) => a.state !== 'published' && maySee(actor, a));
    return c.html(<ReviewPage actor={actor} csrf={auth.csrfToken(c)} rows={rows} />);
  });

  app.get('/tracker/audit', async (c) => {
    const actor = await auth.actor(c);
    if (!can(actor.role, 'audit.read')) throw refused(actor, useI18n().t('tracker.error.audit'));
    const rows = await listAudit(db, {
      entity: c.req.query('entity') || undefined,
      entityId: c.req.query('id') || undefined,
    });
    return c.html(<AuditPage actor={actor} csrf={auth.csrfToken(c)} rows={rows} />);
  });

  app.get('/tracker/feed.atom', async (c) => {
    const party = c.req.query('party')?.toUpperCase() || undefined;
    const area = c.req.query('area') || undefined;
    const rows = await listPublished(db, { party, area, limit: 100 });
    const scope = [party, area].filter(Boolean).join(', ');
    return c.body(
      atomFeed(rows, {
        base: siteUrl(c),
        self: siteUrl(c),
        title: `Entente: published assessments${scope ? ` (${scope})` : ''}`,
      }),
      200,
      {
        'Content-Type': 'application/atom+xml; charset=utf-8',
      },
    );
  });

  const download = (name: string, type: string) => ({
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${name}"`,
  });
  app.get('/tracker/assessments.csv', async (c) =>
    c.body(assessmentsCsv(await listPublished(db), siteUrl(c)), 200, download('assessments.csv', 'text/csv')),
  );
  app.get('/tracker/assessments.json', async (c) => {
    c.header('Content-Disposition', 'attachment; filename="assessments.json"');
    return c.json(assessmentRecords(await listPublished(db), siteUrl(c)));
  });
  app.get('/tracker/items.csv', async (c) =>
    c.body(
      itemsCsv(withStatus(await listTrackedItems(db), (await scoring(today())).current), siteUrl(c)),
      200,
      download('items.csv', 'text/csv'),
    ),
  );
  app.get('/tracker/links.csv', async (c) =>
    c.body(linksCsv(await listLinks(db), siteUrl(c)), 200, download('links.csv', 'text/csv')),
  );
  app.get('/tracker/datapackage.json', (c) => c.json(dataPackage(siteUrl(c))));

  app.get('/items/:id', async (c) => {
    const item = await itemOr404(c.req.param('id'));
    const actor = await auth.actor(c);
    const [all, links] = await Promise.all([
      listAssessments(db, { item: item.id }),
      listLinks(db, item.kind === 'recommendation' ? { recommendation: item.id } : { target: item.id }),
    ]);
    const assessments = all.filter((a) => maySee(actor, a));
    const current = currentAssessments(await scoredAssessments(db), today());
    const restated = (await Promise.all(item.restates.map((id) => getTrackedItem(db, id)))).filter(
      (r) => r !== undefined,
    );
    const status = itemStatuses([item, ...restated], current).get(item.id)!;
    return c.html(
      <ItemPage
        item={item}
        status={status}
        restated={restated}
        assessments={assessments}
        links={links}
        actor={actor}
        csrf={auth.csrfToken(c)}
      />,
    );
  });

  app.get('/items/:id/assess', async (c) => {
    const item = await itemOr404(c.req.param('id'));
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
    const item = await itemOr404(c.req.param('id'));
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

  app.get('/assessments/:id', async (c) => {
    const actor = await auth.actor(c);
    const a = await visibleAssessment(c.req.param('id'), actor);
    const item = await itemOr404(a.item_id);
    return c.html(<AssessmentPage a={a} actor={actor} csrf={auth.csrfToken(c)} item={item} />);
  });

  app.post('/assessments/:id', async (c) => {
    const actor = await auth.actor(c);
    if (!can(actor.role, 'assessment.draft')) throw refused(actor, useI18n().t('tracker.error.editDrafts'));
    const f = await auth.form(c);
    const a = await visibleAssessment(c.req.param('id'), actor);
    const item = await itemOr404(a.item_id);
    try {
      await updateDraft(db, actor, a.id, intField(f, 'version') ?? -1, judgementFromForm(f, item.parties));
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
      const a = await http(() => fn(db, actor, c.req.param('id'), intField(f, 'version') ?? -1));
      return seeOther(c, a.state === 'published' ? `/items/${a.item_id}` : `/assessments/${a.id}`);
    });
  step('submit', submitForReview);
  step('return', returnToDraft);
  step('publish', publishAssessment);

  app.get('/assessments/:id/correct', async (c) => {
    const actor = await auth.actor(c);
    const { t } = useI18n();
    if (!can(actor.role, 'assessment.correct')) throw refused(actor, t('tracker.error.corrections'));
    const a = await visibleAssessment(c.req.param('id'), actor);
    const item = await itemOr404(a.item_id);
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
    const original = await visibleAssessment(c.req.param('id'), actor);
    const item = await itemOr404(original.item_id);
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
    const item = await itemOr404(c.req.param('id'));
    const target = textField(f, 'target');
    const isCommitment = (await getTrackedItem(db, target))?.kind === 'commitment';
    await http(() =>
      linkItems(db, actor, {
        recommendation: item.id,
        ...(isCommitment ? { commitment: target } : { milestone: target }),
        match: textField(f, 'match'),
        rationale: textField(f, 'rationale'),
      }),
    );
    return seeOther(c, `/items/${item.id}#links`);
  });

  app.post('/links/:id/delete', async (c) => {
    const f = await auth.form(c);
    const actor = await auth.actor(c);
    const id = c.req.param('id');
    const [rec] = id.split('--');
    await http(() => unlinkItems(db, actor, id, intField(f, 'version') ?? -1));
    return seeOther(c, `/items/${rec}#links`);
  });

  return app;
}
