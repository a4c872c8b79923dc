import type { z } from 'zod';

/** An OpenAPI response whose body is JSON of `schema`: the shape every API module declares. */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
