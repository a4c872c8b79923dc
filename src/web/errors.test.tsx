import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { type Actor, ForbiddenError } from '../accounts/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../core/index.ts';
import { StaleVersionError } from '../tracker/index.ts';
import { errorResponse } from './errors.tsx';
import { localeMiddleware } from './i18n.ts';

const anonymous: Actor = { id: null, name: 'anonymous', role: 'viewer' };
const viewer: Actor = { id: 7, name: 'Vic', role: 'viewer' };
const current = { id: 'a-1', item_id: 'item-1', version: 3 };

const ERRORS: Record<string, { error: () => unknown; status: number; code: string }> = {
  'login-required': {
    error: () => new ForbiddenError(anonymous, 'assessment.draft'),
    status: 401,
    code: 'login_required',
  },
  forbidden: { error: () => new ForbiddenError(viewer, 'assessment.draft'), status: 403, code: 'forbidden' },
  'not-found': { error: () => new NotFoundError('Assessment "a-1"'), status: 404, code: 'not_found' },
  invalid: {
    error: () =>
      new ValidationError([
        { code: 'invalid_type', field: 'version', message: 'send the version' },
        { code: 'too_small', field: 'rationale', message: 'say why' },
      ]),
    status: 400,
    code: 'invalid_input',
  },
  stale: {
    error: () => new StaleVersionError('Assessment "a-1"', current),
    status: 409,
    code: 'stale_version',
  },
  'wrong-state': {
    error: () => new ConflictError('Assessment "a-1" is draft.', 'wrong_state'),
    status: 409,
    code: 'wrong_state',
  },
  duplicate: {
    error: () => new ConflictError('Assessment "a-1" already has a correction.', 'duplicate_correction'),
    status: 409,
    code: 'duplicate_correction',
  },
  'route-404': {
    error: () => new HTTPException(404, { message: 'No such page.' }),
    status: 404,
    code: 'not_found',
  },
  'route-413': {
    error: () => new HTTPException(413, { message: 'Too big.' }),
    status: 413,
    code: 'too_large',
  },
  unexpected: { error: () => new Error('secret detail'), status: 500, code: 'internal' },
};

function app() {
  const a = new Hono();
  a.use(contextStorage());
  a.use(localeMiddleware);
  for (const [name, { error }] of Object.entries(ERRORS)) {
    a.get(`/api/${name}`, () => {
      throw error();
    });
    a.get(`/page/${name}`, () => {
      throw error();
    });
  }
  a.onError(errorResponse);
  return a;
}

describe('the one mapping from errors to answers', () => {
  it('answers the API with an RFC 9457 problem document carrying the status and code of each error', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [name, { status, code }] of Object.entries(ERRORS)) {
      const res = await app().request(`/api/${name}`);
      expect([name, res.status]).toEqual([name, status]);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ type: 'about:blank', title: expect.any(String), status, code });
      expect(typeof body.detail).toBe('string');
    }
    // Only the unexpected error is logged, and its message stays out of the answer.
    expect(errorLog).toHaveBeenCalledTimes(1);
    const res = await app().request('/api/unexpected');
    expect(await res.text()).not.toContain('secret detail');
  });

  it('lists each invalid field, and keeps the current record of a stale write', async () => {
    expect(await (await app().request('/api/invalid')).json()).toEqual({
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      code: 'invalid_input',
      detail: 'version: send the version; rationale: say why',
      errors: [
        { field: 'version', message: 'send the version', code: 'invalid_type' },
        { field: 'rationale', message: 'say why', code: 'too_small' },
      ],
    });
    expect(await (await app().request('/api/stale')).json()).toMatchObject({
      status: 409,
      code: 'stale_version',
      detail: expect.stringContaining('changed by someone else'),
      current,
    });
  });

  it('answers a client that asks for JSON with the problem document, on any path', async () => {
    const res = await app().request('/page/forbidden', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden' });
  });

  it('answers pages with an HTML error page of the same status, in English as the service said it', async () => {
    for (const [name, { status }] of Object.entries(ERRORS)) {
      if (name === 'unexpected') continue;
      const res = await app().request(`/page/${name}`, { headers: { Accept: 'text/html' } });
      expect([name, res.status]).toEqual([name, status]);
      expect(res.headers.get('Content-Type')).toContain('text/html');
    }
    const forbidden = await (await app().request('/page/forbidden')).text();
    expect(forbidden).toContain('Your role does not allow you to do this (assessment.draft).');
    expect(await (await app().request('/page/invalid')).text()).toContain(
      'version: send the version; rationale: say why',
    );
  });

  it("says a service's refusal in the reader's language, its English details after", async () => {
    const res = await app().request('/page/forbidden?lang=ko');
    const html = await res.text();
    expect(html).toContain('현재 역할로는 이 작업을 할 수 없습니다.');
    expect(html).toContain('Your role does not allow you to do this');
    const stale = await (await app().request('/page/stale?lang=ko')).text();
    expect(stale).toContain('변경 내용은 저장되지 않았습니다.');
    expect(stale).not.toContain('changed by someone else');
  });
});
