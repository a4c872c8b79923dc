import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import type { createApp } from '../../src/web/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED } from '../helpers/datasets.ts';

/**
 * One page of each kind, pinned as normalised HTML (`snapshots/pages/*.html`): a change to what a
 * reader gets shows up as a diff to review, not only as a missing word. Charts are pinned by their
 * own snapshots, so their drawing is cut here to the `<svg>` tag; CSRF tokens are blanked, and the
 * day is fixed, because statuses and scores are computed for today. Update with `vitest -u`.
 */
const PAGES: [name: string, url: string][] = [
  ['home', '/'],
  ['papers', '/papers'],
  ['paper', '/papers/partnership-2025-01-economic-cooperation'],
  ['recommendations', '/recommendations'],
  ['recommendation', '/recommendations/a3-lng-imports-us-trade-imbalance'],
  ['milestones', '/milestones'],
  ['milestone', '/milestones/1998-10-08-obuchi-kim-joint-declaration'],
  ['parties', '/parties'],
  ['party', '/parties/JPN'],
  ['tracker', '/tracker'],
  ['tracker-party', '/tracker/parties/KOR'],
  ['item', '/items/sado-annual-memorial'],
  ['assessment', '/assessments/sado-annual-memorial-2024-11-24'],
  ['methodology', '/tracker/methodology'],
  ['corrections', '/tracker/corrections'],
  ['brief', '/tracker/parties/JPN/brief'],
  ['opinion', '/opinion'],
  ['opinion-series', '/opinion/eai-genron-joint-poll'],
  ['search', '/search?q=LNG'],
  ['login', '/login'],
  ['api-reference', '/api'],
  ['not-found', '/papers/no-such-paper'],
  ['home-ko', '/?lang=ko'],
  ['item-ja', '/items/sado-annual-memorial?lang=ja'],
];

/** The page as lines, one tag each, with what changes from run to run taken out. */
function normalise(html: string): string {
  return `${html
    .replace(/<svg\b([^>]*)>[\s\S]*?<\/svg>/g, '<svg$1>…</svg>')
    .replace(/(name="_csrf" value=")[^"]*"/g, '$1CSRF"')
    .replace(/>\s*</g, '>\n<')}\n`;
}

let app: ReturnType<typeof createApp>;
let db: Db;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
  ({ app, db } = await appWith(BUNDLED));
});
afterAll(async () => {
  vi.useRealTimers();
  await db.close();
});

describe('page snapshots', () => {
  it.each(PAGES)('%s (%s)', async (name, url) => {
    const res = await app.request(url);
    expect(res.status, url).toBe(name === 'not-found' ? 404 : 200);
    await expect(normalise(await res.text())).toMatchFileSnapshot(`snapshots/pages/${name}.html`);
  });

  it('normalising keeps the text a reader sees and drops only what changes between runs', () => {
    const page =
      '<p>Hi <b>there</b></p> <form><input type="hidden" name="_csrf" value="abc123"></form><svg width="2"><path d="M0"/></svg>';
    expect(normalise(page)).toBe(
      '<p>Hi <b>there</b>\n</p>\n<form>\n<input type="hidden" name="_csrf" value="CSRF">\n</form>\n<svg width="2">…</svg>\n',
    );
  });
});
