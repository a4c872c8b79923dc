import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import {
  type Actor,
  ANONYMOUS,
  hashSecret,
  newSecret,
  SESSION_DAYS,
  type SessionUser,
  sameSecret,
  sessionUser,
  tokenUser,
} from '../../accounts/index.ts';
import type { Db } from '../../core/index.ts';
import { useI18n } from '../i18n.ts';

export const SESSION_COOKIE = 'entente_session';
export const CSRF_COOKIE = 'entente_csrf';

export interface AuthOptions {
  /**
   * Mark cookies Secure. Browsers keep Secure cookies on https and on loopback addresses (127.0.0.1,
   * localhost), so this stays on even for local use. @default true
   */
  secureCookies?: boolean;
  /**
   * Read the client's address from the last `X-Forwarded-For` entry (the one the proxy in front
   * added) instead of the socket. Only behind a reverse proxy that sets the header; otherwise anyone
   * could claim any address. Set by `ENTENTE_TRUST_PROXY=1`. @default false
   */
  trustProxy?: boolean;
}

const toActor = (u: SessionUser): Actor => ({ id: u.id, name: u.display_name, role: u.role });

/** Reads who is asking, once per request: a browser session (pages) or a bearer token (API). */
export function createAuth(db: Db, options: AuthOptions = {}) {
  const secure = options.secureCookies ?? true;
  const cache = new WeakMap<Request, Promise<Actor>>();

  const session = (c: Context) => getCookie(c, SESSION_COOKIE);

  /** The client's address: the socket's peer, or the trusted proxy's last `X-Forwarded-For` entry. */
  function address(c: Context): string {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // A request made in-process (tests, `app.request`) has no socket.
      return 'in-process';
    }
  }

  /** The actor of a page request: the session's user, or anonymous. */
  function actor(c: Context): Promise<Actor> {
    let found = cache.get(c.req.raw);
    if (!found) {
      const secret = session(c);
      found = secret
        ? sessionUser(db, secret).then((u) => (u ? toActor(u) : ANONYMOUS))
        : Promise.resolve(ANONYMOUS);
      cache.set(c.req.raw, found);
    }
    return found;
  }

  /**
   * The actor of an API request: a bearer token's user, or anonymous without one. Cookies are not
   * read by the API, so a page on another site cannot make a browser write through it.
   */
  async function apiActor(c: Context): Promise<Actor> {
    const header = c.req.header('Authorization');
    if (!header) return ANONYMOUS;
    const m = /^Bearer\s+(\S+)$/.exec(header);
    const user = m ? await tokenUser(db, m[1]!) : undefined;
    if (!user) throw new HTTPException(401, { message: 'The API token is unknown or revoked.' });
    return toActor(user);
  }

  const cookieOptions = { httpOnly: true, secure, sameSite: 'Lax', path: '/' } as const;

  function setSession(c: Context, secret: string) {
    setCookie(c, SESSION_COOKIE, secret, { ...cookieOptions, maxAge: SESSION_DAYS * 86_400 });
  }

  function clearSession(c: Context) {
    setCookie(c, SESSION_COOKIE, '', { ...cookieOptions, maxAge: 0 });
  }

  /**
   * The anti-forgery token every form carries. Signed-in: derived from the session secret, which
   * another site cannot read. Anonymous (the login form): a random cookie the form must repeat.
   */
  function csrfToken(c: Context): string {
    const secret = session(c);
    if (secret) return hashSecret(`csrf:${secret}`);
    let pre = getCookie(c, CSRF_COOKIE);
    if (!pre || pre.length < 32) {
      pre = newSecret();
      setCookie(c, CSRF_COOKIE, pre, { ...cookieOptions, sameSite: 'Strict' });
    }
    return hashSecret(`csrf:${pre}`);
  }

  /**
   * The token for the forms of a reading page: none for an anonymous reader, whose page has no form
   * (every form there is for a signed-in role), so that the page sets no cookie and the read cache
   * may keep it.
   */
  function pageCsrf(c: Context, actor: Actor): string {
    return actor.id === null ? '' : csrfToken(c);
  }

  /** Rejects a form whose token does not match: a 403 before anything else is looked at. */
  function checkCsrf(c: Context, sent: unknown) {
    const secret = session(c) ?? getCookie(c, CSRF_COOKIE);
    const expected = secret ? hashSecret(`csrf:${secret}`) : undefined;
    if (typeof sent !== 'string' || !expected || !sameSecret(sent, expected)) {
      throw new HTTPException(403, { message: useI18n().t('accounts.error.csrf') });
    }
  }

  /** Parses a form body and checks its anti-forgery token. */
  async function form(c: Context): Promise<Record<string, string | string[]>> {
    let body: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      // A body that does not match its Content-Type (multipart without parts or boundary, say).
      throw new HTTPException(400, {
        message: `The form cannot be read as ${c.req.header('Content-Type') ?? 'a form'}; send it as application/x-www-form-urlencoded or well-formed multipart/form-data.`,
      });
    }
    checkCsrf(c, body._csrf);
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
      const values = [k, out[k] ?? []].flat();
      if (values.some((x) => x.includes('\0')))
        throw new HTTPException(400, {
          message: `Field "${k.replaceAll('\0', '\\0').slice(0, 60)}" holds a NUL character (\\0), which no text may contain; remove it and send again.`,
        });
    }
    return out;
  }

  return { actor, apiActor, address, session, setSession, clearSession, csrfToken, pageCsrf, form };
}

export type Auth = ReturnType<typeof createAuth>;
