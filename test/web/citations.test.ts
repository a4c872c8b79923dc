import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, addUser, LoginLimiter } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { openPglite } from '../../src/core/index.ts';
import { migrate } from '../../src/core/migrate.ts';
import { importDataset } from '../../src/dataset/index.ts';
import type { PaperRow } from '../../src/publications/index.ts';
import { createApp } from '../../src/web/index.ts';
import { BUNDLED, mustLoad } from '../helpers/datasets.ts';
import { Client, PASSWORD } from '../helpers/tracker.ts';

// Every paper of the bundled record, cited in each format and read back by citation-js, the
// library reference managers share; the tracker's records are left out to keep the import short.
let db: Db;
let app: ReturnType<typeof createApp>;
let published: ReturnType<typeof createApp>;
let papers: PaperRow[];

beforeAll(async () => {
  db = await openPglite();
  await migrate(db);
  const record = mustLoad(BUNDLED);
  await importDataset(db, { ...record, milestones: [], surveys: [], assessments: [], links: [] });
  const admin: Actor = { id: null, name: 'test setup', role: 'admin' };
  for (const [username, role] of [
    ['erin', 'editor'],
    ['carol', 'contributor'],
    ['vic', 'viewer'],
  ] as const)
    await db.transaction((tx) =>
      addUser(tx, admin, { username, displayName: username, role, password: PASSWORD }),
    );
  const accounts = { limiter: new LoginLimiter(1000) };
  app = createApp({ db, accounts });
  published = createApp({ db, accounts, publicUrl: 'https://entente.example.org/' });
  papers = await (await app.request('/api/papers')).json();
  expect(papers).toHaveLength(record.papers.length);
});
afterAll(() => db.close());

const FORMATS = { bib: 'BibTeX', ris: 'RIS', json: 'CSL-JSON' } as const;

/** A citation read back as CSL-JSON by citation-js, as a reference manager would import it. */
async function readBack(client: ReturnType<typeof createApp>, id: string, ext: keyof typeof FORMATS) {
  const res = await client.request(`/papers/${id}/cite.${ext}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  const items = new Cite(text).data;
  expect(items, `${id}.${ext} holds one item`).toHaveLength(1);
  return { text, item: items[0]! };
}

const expectedAuthors = (p: PaperRow) =>
  p.authors.map((a) => {
    const parts = a.name.split(' ');
    return { family: parts.at(-1), given: parts.slice(0, -1).join(' ') };
  });

describe('citations of every bundled paper import cleanly', () => {
  for (const ext of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    it(`${FORMATS[ext]}: title, authors, date, institution, series, number, URL and id read back`, async () => {
      for (const p of papers) {
        const { text, item } = await readBack(app, p.id, ext);
        const where = `${p.id}.${ext}`;
        // The title without the series label, which has its own field.
        const title = item.title as string;
        if (p.title) {
          expect(title, where).not.toMatch(/^\[|Working Paper\]|[①-⑳]/);
          expect(p.title.endsWith(title), where).toBe(true);
        } else {
          expect(title, where).toBe(`[Title not known; topic: ${p.topic}]`);
        }
        expect(item['collection-title'], where).toBe(p.series_title);
        expect(item.publisher, where).toBe('East Asia Institute');
        expect(item.author, where).toEqual(expectedAuthors(p));
        if (p.date)
          expect((item.issued as { 'date-parts': number[][] })['date-parts'][0], where).toEqual(
            p.date.split('-').map(Number),
          );
        else expect(item.issued, where).toBeUndefined();
        // A printed number is cited; an inferred one is not passed off as printed.
        expect(item.number, where).toBe(p.number_inferred ? undefined : String(p.number));
        expect(item.URL, where).toBe(p.url ?? undefined);
        expect(item.accessed, where).toBeUndefined();
        expect(item.id, where).toBe(p.id);
        expect(text, where).not.toMatch(/localhost|127\.0\.0\.1/);
      }
    });
  }

  it('BibTeX gives the month as a month, not "feb 24"', async () => {
    const { text } = await readBack(app, 'partnership-2025-08-introduction', 'bib');
    expect(text).toMatch(/^@techreport\{partnership-2025-08-introduction,$/m);
    expect(text).toContain('  title = {{Introduction}},');
    expect(text).toContain('  series = {2025 South Korea-Japan Partnership},');
    expect(text).toContain('  year = {2025},\n  month = feb,\n  date = {2025-02-24},');
  });

  it('RIS keeps each value on one line and the full id', async () => {
    for (const p of papers) {
      const { text } = await readBack(app, p.id, 'ris');
      for (const line of text.replace(/\n$/, '').split('\n'))
        expect(line, p.id).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      expect(text).toContain(`\nID  - ${p.id}\n`);
      if (p.summary) expect(text).toContain(`\nAB  - ${p.summary}\n`);
    }
  });

  it('a paper without a publisher page cites the public address of its Entente page, never a local one', async () => {
    const undated = papers.find((p) => !p.url)!;
    expect((await readBack(app, undated.id, 'json')).item.URL).toBeUndefined();
    const { item } = await readBack(published, undated.id, 'json');
    expect(item.URL).toBe(`https://entente.example.org/papers/${undated.id}`);
    // Without a configured address, the address a public request came to is the page's.
    const res = await app.request(`https://mirror.example.net/papers/${undated.id}/cite.json`);
    expect((await res.json())[0].URL).toBe(`https://mirror.example.net/papers/${undated.id}`);
    // The API's citation endpoint says the same.
    const api = await (await published.request(`/api/papers/${undated.id}/citation?format=csl`)).json();
    expect(api[0].URL).toBe(`https://entente.example.org/papers/${undated.id}`);
  });

  it('the reference on every paper page has no "Retrieved" and no local address', async () => {
    for (const p of papers) {
      const page = await (await app.request(`/papers/${p.id}`)).text();
      const reference = /<p class="reference">(.*?)<\/p>/s.exec(page)![1]!;
      expect(reference, p.id).not.toMatch(/Retrieved|localhost|127\.0\.0\.1/);
      expect(reference, p.id).not.toContain('[EAI Working Paper]');
    }
  });
});

describe('citation_* tags', () => {
  const meta = (page: string) =>
    [...page.matchAll(/<meta name="(citation_[a-z_]+)" content="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]);

  it('name title, authors, date, institution, series and its number, and the public URL', async () => {
    const page = await (await published.request('/papers/partnership-2025-08-introduction')).text();
    const tags = meta(page);
    for (const tag of [
      ['citation_title', 'Introduction'],
      ['citation_author', 'Ryo Sahashi'],
      ['citation_author_institution', 'Professor, University of Tokyo'],
      ['citation_date', '2025/02/24'],
      ['citation_publication_date', '2025/02/24'],
      ['citation_technical_report_institution', 'East Asia Institute'],
      ['citation_publisher', 'East Asia Institute'],
      ['citation_technical_report_number', '8'],
      ['citation_series_title', '2025 South Korea-Japan Partnership'],
      ['citation_language', 'en'],
      ['citation_public_url', 'http://www.eai.or.kr/new/en/project/view.asp?code=104&amp;intSeq=22799'],
      ['citation_abstract_html_url', 'https://entente.example.org/papers/partnership-2025-08-introduction'],
    ])
      expect(tags).toContainEqual(tag);
    expect(tags.find(([name]) => name === 'citation_abstract')?.[1]).toMatch(/^Ryo Sahashi, Professor/);
  });

  it('on a local host, point to no local address', async () => {
    for (const p of papers) {
      const page = await (await app.request(`/papers/${p.id}`)).text();
      const head = page.slice(0, page.indexOf('</head>'));
      expect(head, p.id).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });
});

describe("a paper's internal notes", () => {
  const PAPER = '/papers/partnership-2025-08-introduction';
  const NOTE = 'header image file name begins with';

  it('are not shown to readers', async () => {
    const page = await (await app.request(PAPER)).text();
    expect(page).not.toContain(NOTE);
    expect(page).not.toContain('Notes on this record');
    const viewer = new Client(app);
    await viewer.logIn('vic');
    expect(await (await viewer.request(PAPER)).text()).not.toContain(NOTE);
  });

  it('are shown to those who may draft', async () => {
    for (const username of ['erin', 'carol']) {
      const client = new Client(app);
      expect((await client.logIn(username)).status).toBe(303);
      const page = await (await client.request(PAPER)).text();
      expect(page, username).toContain(NOTE);
      expect(page, username).toContain('Shown to editors only');
    }
  });
});
