import { Hono } from 'hono';
import { can, listAudit } from '../../accounts/index.ts';
import { type Db, getParty, listIssueAreas, listParties } from '../../core/index.ts';
import {
  assessmentsSeenBy,
  complianceScore,
  currentAssessments,
  getTrackedItem,
  heatMap,
  implementationScore,
  itemStatuses,
  listLinks,
  listPublished,
  listTrackedItems,
  quarterEnds,
  scoredAssessments,
  scoredItems,
  scoredLinks,
  scoresBy,
  uptakeScore,
  withStatus,
} from '../../tracker/index.ts';
import type { Auth } from '../accounts/index.ts';
import { useI18n } from '../i18n.ts';
import { AssessmentPage } from './assessment-page.tsx';
import { ItemPage } from './item-page.tsx';
import { matchesFilter, readItemFilter } from './items-table.tsx';
import { AuditPage, CorrectionsPage, ReviewPage } from './logs-page.tsx';
import { asOfParam, itemOr404, notFound, refused, scoring, today, visibleAssessment } from './lookups.ts';
import { MethodologyPage } from './methodology-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { PartyScorecardPage } from './party-page.tsx';

/** The tracker's pages for reading: the overview, scorecards, items, assessments and the logs. */
export function readingRoutes(db: Db, auth: Auth) {
  const app = new Hono();

  app.get('/tracker', async (c) => {
    const asOf = asOfParam(c);
    const [{ items, current }, links, parties, areas, actor, rows] = await Promise.all([
      scoring(db, asOf),
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
        csrf={auth.pageCsrf(c, actor)}
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
    const { items, current } = await scoring(db, asOf);
    // The worked example scores the record's first party (by its order in the dataset) that any item
    // names, so another partnership's record gets an example of its own.
    const named = new Set(items.flatMap((i) => i.parties));
    const party = (await listParties(db)).find((p) => named.has(p.code))?.code ?? '';
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
        csrf={auth.pageCsrf(c, actor)}
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
    const rows = (await assessmentsSeenBy(db, actor)).filter((a) => a.state !== 'published');
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

  app.get('/items/:id', async (c) => {
    const item = await itemOr404(db, c.req.param('id'));
    const actor = await auth.actor(c);
    const [assessments, links] = await Promise.all([
      assessmentsSeenBy(db, actor, { item: item.id }),
      listLinks(db, item.kind === 'recommendation' ? { recommendation: item.id } : { target: item.id }),
    ]);
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
        csrf={auth.pageCsrf(c, actor)}
      />,
    );
  });

  app.get('/assessments/:id', async (c) => {
    const actor = await auth.actor(c);
    const a = await visibleAssessment(db, c.req.param('id'), actor);
    const item = await itemOr404(db, a.item_id);
    return c.html(<AssessmentPage a={a} actor={actor} csrf={auth.pageCsrf(c, actor)} item={item} />);
  });

  return app;
}
