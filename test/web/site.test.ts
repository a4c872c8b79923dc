import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { MINI } from '../helpers/datasets.ts';

let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(MINI));
});
afterAll(() => db.close());

const PAPER = '/papers/2025-skj-08-introduction';

async function html(path: string, status = 200) {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
}

describe('pages', () => {
  it('home shows the program, the dashboard, its issue areas with counts and the latest milestones', async () => {
    const page = await html('/');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Redesigning Korea-Japan Relations');
    expect(page).toMatch(/Security and geopolitics<\/a> <span class="count">1<\/span>/);
    expect(page).toMatch(/Global agenda and functional cooperation<\/a> <span class="count">0<\/span>/);
    // Issue areas link to their lists; single recommendations are no longer listed on the home page.
    expect(page).toContain('href="/recommendations?area=security-geopolitics"');
    expect(page).not.toContain('href="/recommendations/trilateral-nuclear-risk-discussions"');
    expect(page).toContain('href="/milestones/1965-06-22-treaty-on-basic-relations"');
    for (const heading of ['Latest assessments', 'Latest milestones', 'What both publics think'])
      expect(page).toMatch(new RegExp(`>${heading}</(a></)?h2>`));
    // A site without the signals module says it has no signals, with no link to load them.
    expect(page).toContain('No signals warehouse is loaded on this site');
    expect(page).not.toContain('How to load them');
  });

  it('a paper page carries every field of the publisher page, its recommendations and citation tags', async () => {
    const page = await html(PAPER);
    for (const expected of [
      '<meta name="citation_title" content="Introduction"/>',
      '<meta name="citation_author" content="Ryo Sahashi"/>',
      '<meta name="citation_author_institution" content="Professor, University of Tokyo"/>',
      '<meta name="citation_publication_date" content="2025/02/24"/>',
      '<meta name="citation_technical_report_institution" content="East Asia Institute"/>',
      '<meta name="citation_technical_report_number" content="8"/>',
      'No. 8',
      'Redesigning Korea-Japan Relations',
      'Professor, University of Tokyo',
      'IIA Pacific Report, June.',
      'href="/recommendations/trilateral-nuclear-risk-discussions"',
      `href="${PAPER}/cite.bib"`,
    ]) {
      expect(page).toContain(expected);
    }
    // The summary is not known for this record and says so instead of being left blank.
    expect(page).toContain('The publisher’s summary is not known');
  });

  it('embeds schema.org JSON-LD that parses and names the author and publisher', async () => {
    const page = await html(PAPER);
    const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page);
    const ld = JSON.parse(m![1]!);
    expect(ld).toMatchObject({
      '@type': 'Report',
      datePublished: '2025-02-24',
      author: [
        { '@type': 'Person', name: 'Ryo Sahashi', affiliation: { name: 'Professor, University of Tokyo' } },
      ],
      publisher: { name: 'East Asia Institute' },
      isPartOf: { name: '2025 South Korea-Japan Partnership' },
    });
  });

  it('serves BibTeX, RIS and CSL-JSON citations', async () => {
    const bib = await app.request(`${PAPER}/cite.bib`);
    expect(bib.headers.get('content-disposition')).toBe(
      'attachment; filename="2025-skj-08-introduction.bib"',
    );
    const bibText = await bib.text();
    expect(bibText).toMatch(/^@techreport\{/);
    expect(bibText).toContain('author = {Sahashi, Ryo}');
    expect(bibText).toContain('year = {2025}');
    const ris = await (await app.request(`${PAPER}/cite.ris`)).text();
    expect(ris).toMatch(/^TY {2}- RPRT$/m);
    expect(ris).toMatch(/^AU {2}- Sahashi, Ryo$/m);
    const csl = JSON.parse(await (await app.request(`${PAPER}/cite.json`)).text());
    expect(csl[0]).toMatchObject({
      type: 'report',
      author: [{ family: 'Sahashi', given: 'Ryo' }],
      issued: { 'date-parts': [[2025, 2, 24]] },
    });
    expect((await app.request(`${PAPER}/cite.doc`)).status).toBe(404);
  });

  it('filters recommendations through the URL and keeps the filter in the form and the downloads', async () => {
    const page = await html('/recommendations?party=USA&format=trilateral');
    expect(page).toContain('1 recommendation.');
    expect(page).toContain('<option value="USA" selected="">');
    expect(page).toContain('href="/recommendations.csv?party=USA&amp;format=trilateral"');
    const none = await html('/recommendations?party=CHN');
    expect(none).toContain('0 recommendations.');
    await html('/recommendations?format=quadrilateral', 400);
  });

  it('a recommendation page shows its verbatim sentence and where it comes from', async () => {
    const page = await html('/recommendations/trilateral-nuclear-risk-discussions');
    expect(page).toContain(
      'she proposes that Japan, South Korea, and the U.S. engage in trilateral nuclear risk discussions.',
    );
    expect(page).toContain(`Verbatim, from paragraph 16 of <a href="${PAPER}">`);
    expect(page).toContain(
      '<a href="/items/trilateral-nuclear-risk-discussions">Status, assessments and evidence</a>',
    );
  });

  it('party and milestone pages list what involves them', async () => {
    const kor = await html('/parties/KOR');
    expect(kor).toContain('<span lang="ko">대한민국</span>');
    expect(kor).toContain('Treaty on Basic Relations');
    const usa = await html('/parties/usa');
    expect(usa).toContain('Trilateral nuclear risk discussions');
    const timeline = await html('/milestones');
    expect(timeline).toContain('<time datetime="1965-06-22">June 22, 1965</time>');
    await html('/parties/XYZ', 404);
    await html('/milestones/none', 404);
    await html('/papers/none', 404);
  });

  it('sets security headers on every page', async () => {
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

describe('downloads', () => {
  it('CSV has a header row and every row links back to its page', async () => {
    const res = await app.request('http://example.org/recommendations.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    // Links are made from the configured base (none here: localhost), not from the request's host.
    expect(rows[0]).toMatchObject({
      id: 'trilateral-nuclear-risk-discussions',
      url: 'http://localhost/recommendations/trilateral-nuclear-risk-discussions',
      parties: 'JPN;KOR;USA',
      paper_url: 'http://localhost/papers/2025-skj-08-introduction',
    });
  });

  it('JSON download holds the same rows with party lists', async () => {
    const res = await app.request('http://example.org/recommendations.json?party=JPN');
    const rows = await res.json();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ parties: ['JPN', 'KOR', 'USA'], format: 'trilateral' });
  });
});
