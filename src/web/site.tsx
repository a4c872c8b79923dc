import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { can } from '../accounts/index.ts';
import type { Db } from '../core/index.ts';
import { getParty, listIssueAreas, listParties, problemsFromZod } from '../core/index.ts';
import {
  CITATION_FORMATS,
  type CitationFormat,
  formatCitation,
  formatReference,
  getPaper,
  listAuthors,
  listPapers,
  listSeries,
} from '../publications/index.ts';
import {
  getMilestone,
  getRecommendation,
  listCommitments,
  listMilestones,
  listRecommendations,
  RecommendationQuery,
} from '../tracker/index.ts';
import type { Auth } from './accounts/index.ts';
import { recommendationsCsv, recommendationsJson } from './downloads.ts';
import {
  HomePage,
  homeData,
  MilestonePage,
  MilestonesPage,
  PaperPage,
  PapersPage,
  PartiesPage,
  PartyPage,
  RecommendationPage,
  RecommendationsPage,
} from './pages/index.ts';
import { publicPageUrl } from './public-url.ts';
import type { SignalsState } from './signals/index.ts';
import { siteUrl } from './site-url.ts';

const notFound = (what: string) => new HTTPException(404, { message: `${what} is not in the record.` });

/** Reads a filter query string; a malformed one is a 400 that names the field. */
function recommendationFilter(query: Record<string, string>) {
  const parsed = RecommendationQuery.safeParse(
    Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const [first] = problemsFromZod(parsed.error.issues);
    throw new HTTPException(400, { message: `Query parameter "${first!.field ?? ''}": ${first!.message}` });
  }
  return parsed.data;
}

/**
 * The server-rendered pages and downloads of the publications and tracker records; `signals` gives
 * the home page the last months of event signals when the site has them.
 */
export function siteRoutes(db: Db, auth: Auth, publicUrl?: string, signals?: () => Promise<SignalsState>) {
  const app = new Hono();

  app.get('/', async (c) => c.html(<HomePage {...(await homeData(db, signals))} />));

  app.get('/papers', async (c) => {
    const selected = c.req.query('series') || undefined;
    const [series, papers] = await Promise.all([listSeries(db), listPapers(db)]);
    if (selected && !series.some((s) => s.id === selected)) throw notFound(`Series "${selected}"`);
    return c.html(<PapersPage series={series} papers={papers} selected={selected} />);
  });

  app.get('/papers/:id', async (c) => {
    const paper = await getPaper(db, c.req.param('id'));
    if (!paper) throw notFound(`Paper "${c.req.param('id')}"`);
    const pageUrl = publicPageUrl(`/papers/${paper.id}`, c.req.url, publicUrl);
    const [inSeries, recommendations, actor] = await Promise.all([
      listPapers(db, { series: paper.series_id }),
      listRecommendations(db, { paper: paper.id }),
      auth.actor(c),
    ]);
    // Only the site's own pages differ by who asks; a shared cache must not keep an editor's copy.
    c.header('Vary', 'Cookie');
    return c.html(
      <PaperPage
        paper={paper}
        related={inSeries.filter((p) => p.id !== paper.id)}
        recommendations={recommendations}
        reference={formatReference(paper, pageUrl)}
        pageUrl={pageUrl}
        showNotes={can(actor.role, 'assessment.draft')}
      />,
    );
  });

  app.get('/papers/:id/cite.:ext', async (c) => {
    const ext = c.req.param('ext');
    const format = (Object.keys(CITATION_FORMATS) as CitationFormat[]).find(
      (f) => CITATION_FORMATS[f].extension === ext,
    );
    if (!format)
      throw new HTTPException(404, { message: `No citation format ".${ext}"; use .bib, .ris or .json.` });
    const paper = await getPaper(db, c.req.param('id'));
    if (!paper) throw notFound(`Paper "${c.req.param('id')}"`);
    const body = formatCitation(paper, format, publicPageUrl(`/papers/${paper.id}`, c.req.url, publicUrl));
    return c.body(body, 200, {
      'Content-Type': `${CITATION_FORMATS[format].type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${paper.id}.${ext}"`,
    });
  });

  app.get('/recommendations', async (c) => {
    const filter = recommendationFilter(c.req.query());
    const [recommendations, areas, parties, authors, series] = await Promise.all([
      listRecommendations(db, filter),
      listIssueAreas(db),
      listParties(db),
      listAuthors(db),
      listSeries(db),
    ]);
    return c.html(<RecommendationsPage {...{ filter, recommendations, areas, parties, authors, series }} />);
  });

  app.get('/recommendations.csv', async (c) => {
    const rows = await listRecommendations(db, recommendationFilter(c.req.query()));
    return c.body(recommendationsCsv(rows, siteUrl(c)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="recommendations.csv"',
    });
  });

  app.get('/recommendations.json', async (c) => {
    const rows = await listRecommendations(db, recommendationFilter(c.req.query()));
    c.header('Content-Disposition', 'attachment; filename="recommendations.json"');
    return c.json(recommendationsJson(rows, siteUrl(c)));
  });

  app.get('/recommendations/:id', async (c) => {
    const rec = await getRecommendation(db, c.req.param('id'));
    if (!rec) throw notFound(`Recommendation "${c.req.param('id')}"`);
    const [paper, madeIn, areas] = await Promise.all([
      getPaper(db, rec.paper_id),
      rec.made_in ? getPaper(db, rec.made_in) : undefined,
      listIssueAreas(db),
    ]);
    return c.html(<RecommendationPage rec={rec} paper={paper!} madeIn={madeIn} areas={areas} />);
  });

  app.get('/parties', async (c) => c.html(<PartiesPage parties={await listParties(db)} />));

  app.get('/parties/:code', async (c) => {
    const party = await getParty(db, c.req.param('code').toUpperCase());
    if (!party) throw notFound(`Party "${c.req.param('code')}"`);
    const [recommendations, commitments, milestones] = await Promise.all([
      listRecommendations(db, { party: party.code }),
      listCommitments(db, { party: party.code }),
      listMilestones(db, { party: party.code }),
    ]);
    return c.html(<PartyPage {...{ party, recommendations, commitments, milestones }} />);
  });

  app.get('/milestones', async (c) => c.html(<MilestonesPage milestones={await listMilestones(db)} />));

  app.get('/milestones/:id', async (c) => {
    const milestone = await getMilestone(db, c.req.param('id'));
    if (!milestone) throw notFound(`Milestone "${c.req.param('id')}"`);
    const commitments = await listCommitments(db, { milestone: milestone.id });
    return c.html(<MilestonePage milestone={milestone} commitments={commitments} />);
  });

  return app;
}
