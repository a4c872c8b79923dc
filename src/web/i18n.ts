import type { Context, MiddlewareHandler } from 'hono';
import { getContext } from 'hono/context-storage';
import { getCookie, setCookie } from 'hono/cookie';
import { type I18n, i18n, isLocale, type Locale, negotiateLocale } from '../core/i18n/index.ts';

export type I18nEnv = { Variables: { i18n: I18n } };

const COOKIE = 'lang';

/**
 * Chooses the interface language of a request: `?lang=` (remembered in a cookie, so the switch
 * keeps the page and later pages), then the cookie, then `Accept-Language` on a first visit.
 */
export const localeMiddleware: MiddlewareHandler<I18nEnv> = async (c, next) => {
  const asked = c.req.query('lang');
  let locale: Locale;
  if (isLocale(asked)) {
    locale = asked;
    setCookie(c, COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365 });
  } else {
    const saved = getCookie(c, COOKIE);
    locale = isLocale(saved) ? saved : negotiateLocale(c.req.header('accept-language'));
  }
  c.set('i18n', i18n(locale));
  await next();
  c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
};

/**
 * The language of the request being rendered. Components call this instead of taking the language
 * as a prop; outside a request (a component rendered on its own) it is English.
 */
export function useI18n(): I18n {
  try {
    return (getContext() as Context<I18nEnv>).var.i18n ?? i18n('en');
  } catch {
    return i18n('en');
  }
}

/** The URL of the request being rendered, for links that keep the page (language switch). */
export function currentUrl(): URL | undefined {
  try {
    return new URL(getContext().req.url);
  } catch {
    return undefined;
  }
}
