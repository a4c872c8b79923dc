import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import {
  type Actor,
  createToken,
  disableUser,
  endAllSessions,
  endSession,
  LoginLimiter,
  listTokens,
  listUsers,
  logIn,
  Role,
  requirePermission,
  revokeToken,
  setRole,
} from '../../accounts/index.ts';
import type { Db } from '../../core/index.ts';
import { useI18n } from '../i18n.ts';
import type { Auth } from './auth.ts';
import { AccountPage, LoginPage, UsersPage } from './pages.tsx';

const HOME = '/tracker';
const ORIGIN = 'http://entente.invalid';

/**
 * Whether `next` is a path of this site. Browsers drop tabs and newlines from URLs and read `\` as
 * `/`, so `/\t/evil.example` means `//evil.example`: such characters are refused outright, and
 * what is left must resolve to this origin.
 */
export function isSitePath(next: string): boolean {
  if (!next.startsWith('/') || next.startsWith('//')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return false;
  try {
    return new URL(next, ORIGIN).origin === ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Whether `next` is a page of the dataset served under `base`: a login form of one dataset only
 * ever returns to its own pages, as its links and the fallback (`HOME`) do.
 */
const isDatasetPath = (next: string, base: string) =>
  isSitePath(next) && (!base || next === base || next.startsWith(`${base}/`) || next.startsWith(`${base}?`));

/** The page to go to after login: `next` when it is a page of this dataset, else its tracker. */
const safeNext = (c: Context, next: unknown) => {
  const base = c.get('basePath');
  return typeof next === 'string' && isDatasetPath(next, base) ? next : `${base}${HOME}`;
};

const tooLarge = (): never => {
  throw new HTTPException(413, { message: 'A login form is at most 16 kB.' });
};

/** Login, logout, the account page (tokens, log out everywhere) and the admin's user list. */
export function accountsRoutes(db: Db, auth: Auth, limiter = new LoginLimiter()) {
  const app = new Hono();

  async function signedIn(c: Context): Promise<Actor & { id: number }> {
    const actor = await auth.actor(c);
    if (actor.id === null)
      throw new HTTPException(401, { message: useI18n().t('accounts.error.logInFirst') });
    return actor as Actor & { id: number };
  }

  app.get('/login', (c) => {
    const next = c.req.query('next');
    return c.html(
      <LoginPage
        csrf={auth.csrfToken(c)}
        next={next && isDatasetPath(next, c.get('basePath')) ? next : undefined}
      />,
    );
  });

  // A login form is a few hundred bytes; nobody needs to send more.
  app.post('/login', bodyLimit({ maxSize: 16 * 1024, onError: tooLarge }), async (c) => {
    const f = await auth.form(c);
    if (f.next !== undefined && (typeof f.next !== 'string' || !isSitePath(f.next)))
      throw new HTTPException(400, {
        message: 'The page to return to after login must be a path of this site, such as /tracker.',
      });
    const username = typeof f.username === 'string' ? f.username.trim().toLowerCase() : '';
    const password = typeof f.password === 'string' ? f.password : '';
    const address = auth.address(c);
    const result = await logIn(db, limiter, { username, password, address, previous: auth.session(c) });
    if (!result.ok) {
      const limited = result.reason === 'limited';
      if (limited) c.header('Retry-After', String(result.retryAfter));
      const { t, tn } = useI18n();
      const message = limited
        ? tn('accounts.login.limited', Math.ceil(result.retryAfter / 60))
        : t('accounts.login.wrong');
      return c.html(
        <LoginPage
          csrf={auth.csrfToken(c)}
          message={message}
          username={username}
          next={safeNext(c, f.next)}
        />,
        limited ? 429 : 401,
      );
    }
    auth.setSession(c, result.secret);
    return c.redirect(safeNext(c, f.next), 303);
  });

  app.post('/logout', async (c) => {
    await auth.form(c);
    const secret = auth.session(c);
    if (secret) await endSession(db, secret);
    auth.clearSession(c);
    return c.redirect(`${c.get('basePath')}/`, 303);
  });

  app.get('/account', async (c) => {
    const actor = await signedIn(c);
    return c.html(
      <AccountPage actor={actor} csrf={auth.csrfToken(c)} tokens={await listTokens(db, actor.id)} />,
    );
  });

  app.post('/account/tokens', async (c) => {
    const f = await auth.form(c);
    const actor = await signedIn(c);
    const { secret } = await createToken(db, actor, typeof f.name === 'string' ? f.name : '');
    c.header('Cache-Control', 'no-store');
    return c.html(
      <AccountPage
        actor={actor}
        csrf={auth.csrfToken(c)}
        tokens={await listTokens(db, actor.id)}
        newToken={secret}
      />,
      201,
    );
  });

  app.post('/account/tokens/:id/revoke', async (c) => {
    await auth.form(c);
    const actor = await signedIn(c);
    await revokeToken(db, actor, Number(c.req.param('id')));
    return c.redirect(`${c.get('basePath')}/account`, 303);
  });

  app.post('/account/logout-everywhere', async (c) => {
    await auth.form(c);
    const actor = await signedIn(c);
    await endAllSessions(db, actor.id);
    auth.clearSession(c);
    return c.redirect(`${c.get('basePath')}/login`, 303);
  });

  app.get('/admin/users', async (c) => {
    const actor = await auth.actor(c);
    requirePermission(actor, 'users.manage');
    return c.html(<UsersPage actor={actor} csrf={auth.csrfToken(c)} users={await listUsers(db)} />);
  });

  app.post('/admin/users/:username/role', async (c) => {
    const f = await auth.form(c);
    const actor = await auth.actor(c);
    const role = Role.safeParse(f.role);
    requirePermission(actor, 'users.manage');
    if (!role.success)
      throw new HTTPException(400, {
        message: useI18n().t('accounts.error.role', { roles: Role.options.join(', ') }),
      });
    await db.transaction((tx) => setRole(tx, actor, c.req.param('username'), role.data));
    return c.redirect(`${c.get('basePath')}/admin/users`, 303);
  });

  app.post('/admin/users/:username/disable', async (c) => {
    await auth.form(c);
    const actor = await auth.actor(c);
    requirePermission(actor, 'users.manage');
    await db.transaction((tx) => disableUser(tx, actor, c.req.param('username')));
    return c.redirect(`${c.get('basePath')}/admin/users`, 303);
  });

  return app;
}
