import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey } from '../core/i18n/index.ts';
import { EntenteError, formatProblem, UnavailableError, ValidationError } from '../core/index.ts';
import { StaleVersionError } from '../tracker/index.ts';
import { ErrorPage } from './error-page.tsx';
import { useI18n } from './i18n.ts';
import { codeOfStatus, type ProblemDoc, problem } from './problem.ts';

/** What an error answers: its status and code, and the English sentence services and routes wrote. */
export interface Answer {
  status: number;
  code: string;
  detail: string;
}

const UNEXPECTED = 'Something went wrong on our side. Please try again later.';

/**
 * The status, code and detail of any error: a service's `EntenteError` says them itself, a route's
 * `HTTPException` has its status (and the code of that status); anything else is a 500 whose
 * details stay out of the answer.
 */
export function answerOf(err: unknown): Answer {
  if (err instanceof EntenteError) {
    const detail = err instanceof ValidationError ? err.problems.map(formatProblem).join('; ') : err.message;
    return { status: err.status, code: err.code, detail };
  }
  if (err instanceof HTTPException && err.status !== 500)
    return { status: err.status, code: codeOfStatus(err.status), detail: err.message };
  return { status: 500, code: codeOfStatus(500), detail: UNEXPECTED };
}

/** The problem document of an error: its answer, each invalid field, and a stale record's current state. */
export function problemOf(err: unknown): ProblemDoc {
  const { status, code, detail } = answerOf(err);
  if (err instanceof ValidationError) {
    const errors = err.problems.map((p) => ({ field: p.field ?? '', message: p.message, code: p.code }));
    return problem(status, errors.map((x) => `${x.field}: ${x.message}`).join('; '), { code, errors });
  }
  if (err instanceof StaleVersionError) return problem(status, detail, { code, current: err.current });
  return problem(status, detail, { code });
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

// The sentence a service error opens with in another language, by status; its English details follow.
const LEAD: Record<number, MessageKey> = {
  400: 'error.invalid',
  401: 'error.logIn',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
};

/**
 * The message of an error on a page, in the reader's language. Routes write theirs translated
 * already; services speak English, so an English page shows their message as it is and another
 * language gets a sentence of its own, then the English details.
 */
export function pageMessage(err: unknown): string {
  const { status, detail } = answerOf(err);
  if (!(err instanceof EntenteError)) return detail;
  if (err instanceof StaleVersionError) return staleMessage(err);
  const { t, locale } = useI18n();
  const lead = LEAD[status];
  return locale === 'en' || !lead ? detail : `${t(lead)} ${t('error.detail', { detail })}`;
}

/** Whether the caller reads JSON: the API, or a client that asks for JSON rather than HTML. */
export function wantsJson(c: Context): boolean {
  const api = `${c.get('basePath') ?? ''}/api`;
  if (c.req.path === api || c.req.path.startsWith(`${api}/`)) return true;
  const accept = c.req.header('Accept') ?? '';
  return /application\/(problem\+)?json/.test(accept) && !accept.includes('text/html');
}

/**
 * The one place an error becomes an answer: a problem document (`application/problem+json`) for
 * JSON callers, an error page in the reader's language for others. Only errors nobody expected
 * are logged.
 */
export function errorResponse(err: unknown, c: Context): Response | Promise<Response> {
  const status = answerOf(err).status as ContentfulStatusCode;
  if (status === 500) console.error(err);
  if (err instanceof UnavailableError && err.retryAfter) c.header('Retry-After', String(err.retryAfter));
  if (wantsJson(c)) return c.json(problemOf(err), status, { 'Content-Type': 'application/problem+json' });
  return c.html(<ErrorPage status={status} message={pageMessage(err)} />, status);
}
