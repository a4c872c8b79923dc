import { z } from 'zod';

/** RFC 9457 problem document: what every API error answers. */
export const ProblemView = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z
      .string()
      .describe('Stable machine code, e.g. `not_found`, `forbidden`, `stale_version`, `invalid_input`'),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .describe('One entry per invalid field of the request'),
    current: z.unknown().optional().describe('For `stale_version`: the record as it is now'),
  })
  .meta({ id: 'Problem' });
export type ProblemDoc = z.infer<typeof ProblemView>;

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemView } },
});

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Service unavailable',
};

// The code of an answer whose error carries none of its own (an `HTTPException`, a route's 404).
const CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'login_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'too_many_requests',
  500: 'internal',
  503: 'unavailable',
};

/** The machine code an answer of `status` has when nothing more precise is known. */
export const codeOfStatus = (status: number): string => CODES[status] ?? 'error';

/** A problem document; `code` defaults to the one of its status. */
export function problem(
  status: number,
  detail: string,
  more: { code?: string; errors?: ProblemDoc['errors']; current?: unknown } = {},
): ProblemDoc {
  const { code = codeOfStatus(status), errors, current } = more;
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && { errors }),
    ...(current !== undefined && { current }),
  };
}
