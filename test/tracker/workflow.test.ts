import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, createToken, listAudit } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import {
  correctAssessment,
  draftAssessment,
  getAssessment,
  listAssessments,
  publishAssessment,
  submitForReview,
  updateDraft,
} from '../../src/tracker/index.ts';
import { available, DRIVERS } from '../helpers/stores.ts';
import { actors, Client, draftFields, testApp, type Username } from '../helpers/tracker.ts';

const ITEM = 'camp-david-missile-warning-data-sharing';
const judgement = (over: Record<string, unknown> = {}) => ({
  as_of: '2023-12-19',
  implementation: 3,
  compliance: [{ party: 'KOR', score: 1 }],
  rationale: 'Activated as pledged.',
  evidence: [{ title: 'Joint press statement', publisher: 'DoD', quote: 'fully activated' }],
  ...over,
});

for (const driver of DRIVERS) {
  const runnable = await available(driver);
  describe.skipIf(!runnable)(`review workflow on ${driver.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let users: Record<Username, Actor & { id: number }>;
    let app: ReturnType<typeof testApp>;
    beforeAll(async () => {
      ({ db, drop } = await driver.open('seeded'));
      users = await actors(db);
      app = testApp(db);
    });
    afterAll(async () => {
      await drop();
    });

    /** An assessment of `item` without compliance scores, drafted by one editor and published by another. */
    async function publishedOn(item: string, asOf: string) {
      const a = await draftAssessment(
        db,
        users.erin,
        item,
        judgement({ compliance: undefined, as_of: asOf }),
      );
      await submitForReview(db, users.erin, a.id, 1);
      await publishAssessment(db, users.ed, a.id, 2);
      return a;
    }

    it('goes draft → in review → published, published by a second editor', async () => {
      const a = await draftAssessment(db, users.carol, ITEM, judgement());
      expect(a).toMatchObject({ state: 'draft', assessor: 'Carol Contributor', version: 1 });
      const inReview = await submitForReview(db, users.carol, a.id, 1);
      await expect(publishAssessment(db, users.carol, a.id, 2)).rejects.toThrow(/role does not allow/);
      await expect(publishAssessment(db, users.carol, a.id, 2)).rejects.toMatchObject({ code: 'forbidden' });
      const published = await publishAssessment(db, users.erin, a.id, inReview.version);
      expect(published).toMatchObject({ state: 'published', published_by: 'Erin Editor', version: 3 });
      const actions = (await listAudit(db, { entity: 'assessment', entityId: a.id })).map((r) => r.action);
      expect(actions).toEqual(['assessment.publish', 'assessment.submit', 'assessment.draft']);
    });

    it('never lets the assessor publish their own assessment', async () => {
      const a = await draftAssessment(db, users.erin, ITEM, judgement());
      await submitForReview(db, users.erin, a.id, 1);
      await expect(publishAssessment(db, users.erin, a.id, 2)).rejects.toThrow(/other than its assessor/);
      expect((await publishAssessment(db, users.ed, a.id, 2)).state).toBe('published');
    });

    it('rejects a judgement that does not fit the item, naming the field', async () => {
      await expect(
        draftAssessment(db, users.erin, ITEM, judgement({ compliance: [{ party: 'CHN', score: 1 }] })),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        status: 400,
        problems: [{ field: 'compliance.0.party' }],
      });
      await expect(
        draftAssessment(db, users.erin, ITEM, judgement({ specificity: 2 })),
      ).rejects.toMatchObject({
        problems: [{ field: 'specificity' }],
      });
      await expect(draftAssessment(db, users.erin, ITEM, judgement({ evidence: [] }))).rejects.toMatchObject({
        problems: [{ field: 'evidence' }],
      });
      await expect(draftAssessment(db, users.vic, ITEM, judgement())).rejects.toThrow(/role does not allow/);
    });

    it('corrects a published assessment by a new one that names it and says why', async () => {
      const item = 'lima-establish-trilateral-secretariat';
      const a = await publishedOn(item, '2024-11-20');
      await expect(correctAssessment(db, users.erin, a.id, '', judgement())).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'correction_reason' }],
      });
      const c = await correctAssessment(
        db,
        users.erin,
        a.id,
        'Wrong level',
        judgement({ compliance: undefined, implementation: 2, as_of: '2024-11-20' }),
      );
      await expect(correctAssessment(db, users.erin, a.id, 'Again', judgement())).rejects.toThrow(
        /already has a correction/,
      );
      await expect(correctAssessment(db, users.erin, a.id, 'Again', judgement())).rejects.toMatchObject({
        code: 'duplicate_correction',
        status: 409,
      });
      await submitForReview(db, users.erin, c.id, 1);
      await publishAssessment(db, users.ed, c.id, 2);
      const original = await getAssessment(db, a.id);
      expect(original).toMatchObject({ state: 'published', implementation: 3, corrected_by: c.id });
      expect(await getAssessment(db, c.id)).toMatchObject({
        corrects: a.id,
        correction_reason: 'Wrong level',
      });
      const res = await app.request('/tracker/corrections');
      expect(await res.text()).toContain('Wrong level');
    });

    it('of two concurrent edits lands exactly one; the other gets 409 with its input kept', async () => {
      const a = await draftAssessment(db, users.erin, ITEM, judgement());
      // Only the assessor edits a draft: the same assessor in two browsers.
      const erin = new Client(app);
      const ed = new Client(app);
      await erin.logIn('erin');
      await ed.logIn('erin');
      const [t1, t2] = await Promise.all([erin.csrf('/tracker'), ed.csrf('/tracker')]);
      const [r1, r2] = await Promise.all([
        erin.post(`/assessments/${a.id}`, {
          _csrf: t1,
          version: '1',
          ...draftFields({ rationale: 'Erin: activated.' }),
        }),
        ed.post(`/assessments/${a.id}`, {
          _csrf: t2,
          version: '1',
          ...draftFields({ rationale: 'Ed: activated in full.' }),
        }),
      ]);
      const statuses = [r1.status, r2.status].sort();
      expect(statuses).toEqual([303, 409]);
      const loser = r1.status === 409 ? r1 : r2;
      const html = await loser.text();
      expect(html).toContain(r1.status === 409 ? 'Erin: activated.' : 'Ed: activated in full.');
      expect(html).toContain('changed by someone else');
      const updates = await listAudit(db, { entity: 'assessment', entityId: a.id });
      expect(updates.filter((u) => u.action === 'assessment.update')).toHaveLength(1);
      expect((await getAssessment(db, a.id))?.version).toBe(2);
      // The stale version is refused by the service too.
      await expect(updateDraft(db, users.erin, a.id, 1, judgement())).rejects.toThrow(
        /changed by someone else/,
      );
      await expect(updateDraft(db, users.erin, a.id, 1, judgement())).rejects.toMatchObject({
        code: 'stale_version',
      });
    });

    it('of two corrections of one assessment sent at once, lands one; the other is a 409 duplicate_correction', async () => {
      const item = 'lima-establish-trilateral-secretariat';
      const a = await publishedOn(item, '2024-11-21');
      // Tokens first, so that the two requests reach the store together.
      const [t1, t2] = await Promise.all([
        createToken(db, users.erin, 'race'),
        createToken(db, users.ed, 'race'),
      ]);
      const send = (token: string) =>
        app.request(`/api/assessments/${a.id}/corrections`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({
            ...judgement({ compliance: undefined, implementation: 1 }),
            correction_reason: 'Race',
          }),
        });
      const answers = await Promise.all([send(t1.secret), send(t2.secret)]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      const loser = answers.find((r) => r.status === 409)!;
      expect(loser.headers.get('Content-Type')).toContain('application/problem+json');
      expect(await loser.json()).toMatchObject({
        status: 409,
        code: 'duplicate_correction',
        detail: expect.stringMatching(/already has a correction/),
      });
      const corrections = await db.query('SELECT id FROM assessments WHERE corrects = $1', [a.id]);
      expect(corrections).toHaveLength(1);
    });

    it('answers a form without a version with a 400 naming the field, not a stale-version 409', async () => {
      const a = await draftAssessment(db, users.erin, ITEM, judgement());
      const erin = new Client(app);
      await erin.logIn('erin');
      const edit = await erin.post(`/assessments/${a.id}`, draftFields({ rationale: 'No version sent.' }));
      expect(edit.status).toBe(400);
      const html = await edit.text();
      expect(html).toContain('version');
      expect(html).toContain('No version sent.');
      const submit = await erin.post(`/assessments/${a.id}/submit`, {});
      expect(submit.status).toBe(400);
      expect(await submit.text()).toContain('version: send the version the change is based on');
      // A client that asks for JSON gets the problem document.
      const json = await erin.request(`/assessments/${a.id}/submit`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: await erin.csrf('/tracker'), version: 'x' }),
      });
      expect(json.status).toBe(400);
      expect(await json.json()).toMatchObject({
        status: 400,
        code: 'invalid_input',
        errors: [{ field: 'version', code: 'invalid_type' }],
      });
      expect((await getAssessment(db, a.id))?.state).toBe('draft');
    });

    it('keeps drafts out of public pages and exports', async () => {
      const a = await draftAssessment(
        db,
        users.erin,
        'tscf-regular-joint-exercises',
        judgement({ compliance: undefined, rationale: 'Secret draft' }),
      );
      expect((await app.request(`/assessments/${a.id}`)).status).toBe(404);
      expect(await (await app.request('/items/tscf-regular-joint-exercises')).text()).not.toContain(
        'Secret draft',
      );
      expect(await (await app.request('/tracker/assessments.csv')).text()).not.toContain('Secret draft');
      expect(
        (await listAssessments(db, { item: 'tscf-regular-joint-exercises' })).some((x) => x.id === a.id),
      ).toBe(true);
    });
  });
}
