import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type Db, getParty, listIssueAreas, problemsFromZod } from '../../core/index.ts';
import {
  complianceScore,
  currentAssessments,
  Day,
  implementationScore,
  itemStatuses,
  listPublished,
  listTrackedItems,
  quarterEnds,
  type ScoredItem,
  scoredAssessments,
  scoredItems,
  scoresBy,
} from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { useI18n } from '../i18n.ts';
import { printPdf } from '../pdf.ts';
import { BriefPage, type BriefProps } from './brief.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function asOf(c: Context): string {
  const raw = c.req.query('as_of');
  if (!raw) return today();
  const r = Day.safeParse(raw);
  if (!r.success) {
    const [first] = problemsFromZod(r.error.issues);
    throw new HTTPException(400, { message: `Query parameter "as_of": ${first!.message}` });
  }
  return r.data;
}

/**
 * The printable briefs of a party and of an issue area, as HTML (`…/brief`) and as PDF
 * (`…/brief.pdf`, printed by Chromium from the same HTML), in the reader's language.
 */
export function briefRoutes(db: Db) {
  const app = new Hono();

  /** The items of a scope with their status and the published assessment in force on `day`. */
  async function items(day: string, pick: (i: ScoredItem) => boolean) {
    const [scored, assessments, rows, published] = await Promise.all([
      scoredItems(db),
      scoredAssessments(db),
      listTrackedItems(db),
      listPublished(db),
    ]);
    const current = currentAssessments(assessments, day);
    const statuses = itemStatuses(rows, current);
    const byId = new Map(published.map((a) => [a.id, a]));
    const mine = scored.filter(pick).sort((a, b) => a.title.localeCompare(b.title));
    return {
      mine,
      current,
      assessments,
      entries: mine.map((item) => ({
        item,
        status: statuses.get(item.id) ?? ('not-assessed' as const),
        current: byId.get(current.get(item.id)?.id ?? ''),
      })),
    };
  }

  async function partyBrief(c: Context): Promise<BriefProps> {
    const { t, pick } = useI18n();
    const party = await getParty(db, c.req.param('code')!.toUpperCase());
    if (!party)
      throw new HTTPException(404, { message: `Party "${c.req.param('code')}" is not in the record.` });
    const day = asOf(c);
    const { mine, current, assessments, entries } = await items(day, (i) => i.parties.includes(party.code));
    const first = assessments.map((a) => a.as_of).sort()[0] ?? day;
    return {
      scope: 'party',
      name: pick({ en: party.name_en, ko: party.name_ko, ja: party.name_ja }).text,
      url: new URL(at(`/tracker/parties/${party.code}`), c.req.url).href,
      asOf: day,
      compliance: complianceScore(party.code, mine, current),
      implementation: implementationScore(mine, current),
      series: quarterEnds(first, day).map((date) => ({
        date,
        score: complianceScore(party.code, mine, currentAssessments(assessments, date)),
      })),
      chartLabel: t('tracker.party.chart', { code: party.code }),
      code: party.code,
      items: entries,
    };
  }

  async function areaBrief(c: Context): Promise<BriefProps> {
    const { pick } = useI18n();
    const area = (await listIssueAreas(db)).find((a) => a.id === c.req.param('id') && !a.parent_id);
    if (!area)
      throw new HTTPException(404, { message: `Issue area "${c.req.param('id')}" is not in the record.` });
    const day = asOf(c);
    const { mine, current, entries } = await items(day, (i) => i.area === area.id);
    return {
      scope: 'area',
      name: pick({ en: area.name_en, ko: area.name_ko, ja: area.name_ja }).text,
      url: new URL(at(`/tracker?area=${area.id}`), c.req.url).href,
      asOf: day,
      implementation: implementationScore(mine, current),
      byParty: scoresBy(mine, current, 'party')
        .filter((g) => (g.compliance?.counted.length ?? 0) > 0)
        .sort((a, b) => a.group.localeCompare(b.group)),
      items: entries,
    };
  }

  const pdf = async (c: Context, props: BriefProps, name: string) => {
    const html = `<!DOCTYPE html>${await (<BriefPage {...props} />).toString()}`;
    const body = await printPdf(html);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${name}-${useI18n().locale}.pdf"`,
    });
  };

  app.get('/tracker/parties/:code/brief', async (c) => c.html(<BriefPage {...(await partyBrief(c))} />));
  app.get('/tracker/parties/:code/brief.pdf', async (c) =>
    pdf(c, await partyBrief(c), `entente-${c.req.param('code').toUpperCase()}-brief`),
  );
  app.get('/tracker/areas/:id/brief', async (c) => c.html(<BriefPage {...(await areaBrief(c))} />));
  app.get('/tracker/areas/:id/brief.pdf', async (c) =>
    pdf(c, await areaBrief(c), `entente-${c.req.param('id')}-brief`),
  );
  return app;
}
