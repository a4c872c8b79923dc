import { HTTPException } from 'hono/http-exception';
import { ForbiddenError } from '../../accounts/index.ts';
import { ConflictError, formatProblem, NotFoundError, ValidationError } from '../../core/index.ts';

/**
 * Turns an error of the services into the HTTP error it stands for: anonymous callers that need to
 * log in get 401, others lacking a role 403, stale or out-of-order writes 409, bad input 400.
 */
export function toHttp(e: unknown): unknown {
  if (e instanceof ForbiddenError)
    return new HTTPException(e.actor.id === null ? 401 : 403, { message: e.message });
  if (e instanceof NotFoundError) return new HTTPException(404, { message: e.message });
  if (e instanceof ConflictError) return new HTTPException(409, { message: e.message });
  if (e instanceof ValidationError) {
    return new HTTPException(400, { message: e.problems.map(formatProblem).join('; '), cause: e });
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
