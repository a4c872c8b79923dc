import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, addUser, ForbiddenError } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import {
  draftAssessment,
  getAssessment,
  publishAssessment,
  submitForReview,
  updateDraft,
} from '../../src/tracker/index.ts';
import { Client, draftFields, PASSWORD, seeded, testApp, type Username } from '../helpers/tracker.ts';

const ITEM = 'camp-david-missile-warning-data-sharing';
const judgement = (rationale = 'Activated as pledged.') => ({
  as_of: '2023-12-19',
  implementation: 3,
  rationale,
  evidence: [{ title: 'Joint press statement', publisher: 'DoD', quote: 'fully activated' }],
});

describe('four eyes: every published judgement was read by someone who did not write it', () => {
  let db: Db;
  let users: Record<Username, Actor & { id: number }>;
  let cara: Actor & { id: number };
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    ({ db, users } = await seeded());
    const row = await db.transaction((tx) =>
      addUser(tx, users.ada, {
        username: 'cara',
        displayName: 'Cara Second-Contributor',
        role: 'contributor',
        password: PASSWORD,
      }),
    );
    cara = { id: row.id, name: row.display_name, role: row.role };
    app = testApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("refuses an editor's change to another's draft, through the service, the API and the form", async () => {
    const a = await draftAssessment(db, users.erin, ITEM, judgement());
    await expect(updateDraft(db, users.ed, a.id, 1, judgement('Overwritten by Ed'))).rejects.toThrow(
      ForbiddenError,
    );
    await expect(submitForReview(db, users.ed, a.id, 1)).rejects.toThrow(/Only its assessor \(Erin Editor\)/);
    await expect(submitForReview(db, users.ed, a.id, 1)).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
    });
    const ed = new Client(app);
    await ed.logIn('ed');
    const form = await ed.post(`/assessments/${a.id}`, {
      ...draftFields({ rationale: 'Overwritten' }),
      version: '1',
    });
    expect(form.status).toBe(403);
    expect((await getAssessment(db, a.id))!).toMatchObject({
      rationale: 'Activated as pledged.',
      version: 1,
    });
    // The assessor changes and submits it; the other editor publishes it.
    await updateDraft(db, users.erin, a.id, 1, judgement('Changed by Erin'));
    const submitted = await submitForReview(db, users.erin, a.id, 2);
    await expect(publishAssessment(db, users.erin, a.id, submitted.version)).rejects.toThrow(ForbiddenError);
    expect((await publishAssessment(db, users.ed, a.id, submitted.version)).state).toBe('published');
  });

  it('refuses to let the editor who took up an imported draft publish it', async () => {
    const a = await draftAssessment(db, users.carol, ITEM, judgement());
    // As after a dataset import: no assessor account, only a name.
    await db.query('UPDATE assessments SET assessor_id = NULL, assessor = $2 WHERE id = $1', [
      a.id,
      'Someone Gone',
    ]);
    await updateDraft(db, users.erin, a.id, 1, judgement('Taken up by Erin'));
    const submitted = await submitForReview(db, users.erin, a.id, 2);
    await expect(publishAssessment(db, users.erin, a.id, submitted.version)).rejects.toThrow(
      /other than its assessor or anyone who changed it/,
    );
    await expect(publishAssessment(db, users.erin, a.id, submitted.version)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await publishAssessment(db, users.ed, a.id, submitted.version)).state).toBe('published');
  });

  it('matches an imported assessor by name when no account is linked', async () => {
    const a = await draftAssessment(db, users.carol, ITEM, judgement());
    const s = await submitForReview(db, users.carol, a.id, 1);
    await db.query('UPDATE assessments SET assessor_id = NULL, assessor = $2 WHERE id = $1', [
      a.id,
      users.erin.name,
    ]);
    await db.query(`DELETE FROM audit_log WHERE entity = 'assessment' AND entity_id = $1`, [a.id]);
    await expect(publishAssessment(db, users.erin, a.id, s.version)).rejects.toThrow(ForbiddenError);
  });

  it('shows a contributor their own drafts only; editors see every draft', async () => {
    const mine = await draftAssessment(db, users.carol, ITEM, judgement('Carol private draft'));
    const theirs = await draftAssessment(db, cara, ITEM, judgement('Cara private draft'));
    const carol = new Client(app);
    await carol.logIn('carol');
    expect((await carol.request(`/assessments/${mine.id}`)).status).toBe(200);
    expect((await carol.request(`/assessments/${theirs.id}`)).status).toBe(404);
    const itemPage = await (await carol.request(`/items/${ITEM}`)).text();
    expect(itemPage).toContain(mine.id);
    expect(itemPage).not.toContain(theirs.id);
    const review = await (await carol.request('/tracker/review')).text();
    expect(review).not.toContain(theirs.id);
    const made = await carol.post('/account/tokens', { name: 'reader' });
    const secret = /<pre id="new-token">([^<]+)<\/pre>/.exec(await made.text())![1]!;
    const auth = { headers: { Authorization: `Bearer ${secret}` } };
    expect((await app.request(`/api/assessments/${theirs.id}`, auth)).status).toBe(404);
    const listed = (await (await app.request(`/api/items/${ITEM}/assessments`, auth)).json()) as {
      id: string;
    }[];
    expect(listed.map((a) => a.id)).toContain(mine.id);
    expect(listed.map((a) => a.id)).not.toContain(theirs.id);
    const erin = new Client(app);
    await erin.logIn('erin');
    expect((await erin.request(`/assessments/${theirs.id}`)).status).toBe(200);
    expect(await (await erin.request('/tracker/review')).text()).toContain(theirs.id);
  });
});
