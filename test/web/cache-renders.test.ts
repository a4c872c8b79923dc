import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readCache } from '../../src/web/cache.ts';
import type { I18nEnv } from '../../src/web/i18n.ts';

/** A site of slow pages behind the read cache, counting how many render at once. */
function slowSite(renders: number) {
  const app = new Hono<I18nEnv>();
  app.use(async (c, next) => {
    c.set('i18n', { locale: 'en' } as I18nEnv['Variables']['i18n']);
    await next();
  });
  app.use(readCache({ maxBytes: 2 ** 20, versions: async () => ({ all: '1', tables: new Map() }), renders }));
  const seen = { now: 0, most: 0, finished: [] as string[] };
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  app.get('/slow/:n', async (c) => {
    seen.most = Math.max(seen.most, ++seen.now);
    await gate;
    seen.now--;
    seen.finished.push(c.req.param('n'));
    return c.text(`page ${c.req.param('n')}`);
  });
  app.get('/quick', (c) => c.text('quick'));
  return { app, seen, release };
}

describe('renderings for the read cache', () => {
  it('are bounded, and a kept answer does not wait behind them', async () => {
    const { app, seen, release } = slowSite(2);
    expect((await app.request('/quick')).headers.get('X-Entente-Cache')).toBe('miss');
    const slow = [1, 2, 3, 4, 5].map((n) => app.request(`/slow/${n}`));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.now).toBe(2);
    const kept = await app.request('/quick');
    expect(kept.headers.get('X-Entente-Cache')).toBe('hit');
    expect(seen.finished).toEqual([]);
    release();
    const answers = await Promise.all(slow);
    expect(await Promise.all(answers.map((r) => r.text()))).toEqual([1, 2, 3, 4, 5].map((n) => `page ${n}`));
    expect(seen.most).toBe(2);
  });
});
