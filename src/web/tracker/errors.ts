import { HTTPException } from 'hono/http-exception';
import { ForbiddenError } from '../../accounts/index.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import { ConflictError, formatProblem, NotFoundError, ValidationError } from '../../core/index.ts';
import { StaleVersionError } from '../../tracker/index.ts';
import { useI18n } from '../i18n.ts';

/**
 * The message of a service error on a page. The services speak English, so an English page shows
 * their message as it is; another language gets a sentence of its own, then the English details.
 */
function pageMessage(key: MessageKey, detail: string): string {
  const { t, locale } = useI18n();
  return locale === 'en' ? detail : `${t(key)} ${t('tracker.error.detail', { detail })}`;
}

/**
 * A write on an out-of-date version, said in the reader's language: the same sentence as the
 * service's own in English, naming the assessment or link that changed.
 */
export function staleMessage(e: StaleVersionError): string {
  const { t, locale } = useI18n();
  const current = e.current as { id?: unknown; item_id?: unknown } | undefined;
  if (locale === 'en' || typeof current?.id !== 'string') return e.message;
  const what =
    typeof current.item_id === 'string'
      ? t('tracker.what.assessment', { id: current.id })
      : t('tracker.what.link', { id: current.id });
  return t('tracker.conflict.stale', { what });
}

/**
 * Turns an error of the services into the HTTP error it stands for: anonymous callers that need to
 * log in get 401, others lacking a role 403, stale or out-of-order writes 409, bad input 400.
 */
export function toHttp(e: unknown): unknown {
  if (e instanceof ForbiddenError) {
    const anonymous = e.actor.id === null;
    return new HTTPException(anonymous ? 401 : 403, {
      message: pageMessage(anonymous ? 'tracker.error.logIn' : 'tracker.error.forbidden', e.message),
    });
  }
  if (e instanceof NotFoundError)
    return new HTTPException(404, { message: pageMessage('tracker.error.notFound', e.message) });
  if (e instanceof StaleVersionError) return new HTTPException(409, { message: staleMessage(e) });
  if (e instanceof ConflictError)
    return new HTTPException(409, { message: pageMessage('tracker.error.conflict', e.message) });
  if (e instanceof ValidationError) {
    return new HTTPException(400, {
      message: pageMessage('tracker.error.invalid', e.problems.map(formatProblem).join('; ')),
      cause: e,
    });
  }
  return e;
}

/** Runs a handler, turning service errors into HTTP errors. */
export async function http<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toHttp(e);
  }
}
