import { z } from 'zod';

/** RFC 9457 problem document: what every API error answers. */
export const ProblemView = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per invalid field of the request'),
  })
  .meta({ id: 'Problem' });
export type ProblemDoc = z.infer<typeof ProblemView>;

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemView } },
});

export function problem(status: number, detail: string, errors?: ProblemDoc['errors']): ProblemDoc {
  const titles: Record<number, string> = {
    400: 'Bad request',
    404: 'Not found',
    409: 'Conflict',
    500: 'Server error',
    503: 'Service unavailable',
  };
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, detail, ...(errors && { errors }) };
}
