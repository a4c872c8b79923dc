import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { listAssessments } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { Client, draftFields, seeded, testApp } from '../helpers/tracker.ts';

const ITEM = 'camp-david-missile-warning-data-sharing';

/** A form body as the browser sends it, with the given fields and this client's token. */
async function form(client: Client, fields: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: await client.csrf('/login'), ...fields });
  return body;
}

describe('assessment forms cannot be made slow or large by their input', () => {
  let db: Db;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    ({ db } = await seeded());
    app = testApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers an anonymous form with a huge evidence index at once with 401, without reading it', async () => {
    const stranger = new Client(app);
    const started = performance.now();
    const res = await stranger.post(`/items/${ITEM}/assessments`, { 'evidence.2000000.title': '' });
    expect(res.status).toBe(401);
    const correct = await stranger.post('/assessments/x/correct', { 'evidence.5000000.title': '' });
    expect(correct.status).toBe(401);
    // The old parser looped up to the highest index, rescanning every key: 26 s for 2,000,000.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('answers a form whose body does not match its Content-Type with 400 saying so, not 500', async () => {
    const carol = new Client(app);
    await carol.logIn('carol');
    const _csrf = await carol.csrf('/account');
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=x']) {
      const res = await carol.request('/account/logout-everywhere', {
        method: 'POST',
        body: new URLSearchParams({ _csrf }).toString(),
        headers: { 'Content-Type': type },
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('cannot be read as multipart/form-data');
    }
  });

  it("answers a writer's form with an index past the bound with 400 naming the field, quickly", async () => {
    const carol = new Client(app);
    await carol.logIn('carol');
    const before = (await listAssessments(db, { item: ITEM })).length;
    const started = performance.now();
    const res = await carol.post(
      `/items/${ITEM}/assessments`,
      draftFields({ 'evidence.2000000.title': 'x' }),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('evidence.2000000.title');
    expect(html).toContain('numbered 0 to 49');
    // The page shown again offers at most the bound of evidence rows, not two million.
    expect(html.match(/<fieldset class="evidence"/g)?.length).toBeLessThanOrEqual(50);
    expect((await listAssessments(db, { item: ITEM })).length).toBe(before);
  });

  it('reads evidence rows in index order, skipping blank ones, in one pass over many keys', async () => {
    const carol = new Client(app);
    await carol.logIn('carol');
    const fields: Record<string, string> = draftFields({
      'evidence.0.title': '',
      'evidence.0.publisher': '',
      'evidence.0.date': '',
      'evidence.0.quote': '',
    });
    for (const i of [49, 7]) {
      fields[`evidence.${i}.title`] = `Source ${i}`;
      fields[`evidence.${i}.publisher`] = 'Publisher';
      fields[`evidence.${i}.quote`] = `Quote ${i}`;
    }
    // Many unrelated keys cost one look each.
    for (let i = 0; i < 20_000; i++) fields[`noise.${i}`] = '';
    const started = performance.now();
    const res = await carol.post(`/items/${ITEM}/assessments`, fields);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(303);
    const id = res.headers.get('Location')!.split('/').pop()!;
    const [row] = await db.query<{ evidence: { title: string }[] }>(
      'SELECT evidence FROM assessments WHERE id = $1',
      [id],
    );
    expect(row!.evidence.map((e) => e.title)).toEqual(['Source 7', 'Source 49']);
  });

  it('refuses more than 50 pieces of evidence through the API', async () => {
    const carol = new Client(app);
    await carol.logIn('carol');
    const made = await carol.post('/account/tokens', { name: 'bulk' });
    const secret = /<pre id="new-token">([^<]+)<\/pre>/.exec(await made.text())![1]!;
    const evidence = Array.from({ length: 51 }, (_, i) => ({ title: `t${i}`, publisher: 'p', quote: 'q' }));
    const res = await app.request(`/api/items/${ITEM}/assessments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ as_of: '2023-12-19', implementation: 3, rationale: 'r', evidence }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('at most 50 pieces of evidence');
  });

  it('answers a body over the limit with 413 on pages, login and the API, before parsing it', async () => {
    const small = createApp({ db, maxBodyBytes: 64 * 1024 });
    const big = 'x'.repeat(200 * 1024);
    const client = new Client(small);
    const login = await client.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: await form(client, { username: 'erin', password: big }),
    });
    expect(login.status).toBe(413);
    // A login form just over 16 kB is refused even though the site's limit is larger.
    const over16 = await client.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: await form(client, { username: 'erin', password: 'y'.repeat(20 * 1024) }),
    });
    expect(over16.status).toBe(413);
    expect(await over16.text()).toContain('at most 16 kB');
    await client.logIn('carol');
    const page = await client.request(`/items/${ITEM}/assessments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: await form(client, draftFields({ rationale: big })),
    });
    expect(page.status).toBe(413);
    expect(await page.text()).toContain('larger than 64 kB');
    const api = await small.request(`/api/items/${ITEM}/assessments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rationale: big }),
    });
    expect(api.status).toBe(413);
    expect(api.headers.get('Content-Type')).toContain('application/problem+json');
    // A stream without a length is cut off at the limit too.
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(big));
      },
    });
    const chunked = await small.request(`/api/items/${ITEM}/assessments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });
});
