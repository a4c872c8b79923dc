import type { z } from 'zod';
import type { Problem } from './errors.ts';

/** Where the input came from, and how its callers name what zod found. */
export interface ZodProblemOptions {
  /** The file the input was read from, set on every problem. */
  file?: string;
  /** The line of a field in that file, when the reader knows it (e.g. a YAML source map). */
  lineOf?: (path: PropertyKey[]) => number | undefined;
  /** Put before every field path, e.g. `body`; a path of its own is joined with a dot. */
  fieldPrefix?: string;
  /**
   * The message for one unknown key. When given, an `unrecognized_keys` issue becomes one problem
   * per key, whose field names the key; otherwise it stays one problem with zod's message.
   */
  unknownKey?: (key: string) => string;
}

/**
 * Turns zod issues into problems: one per issue, each with zod's `code`, the dotted `field` path
 * (absent for the input as a whole) and zod's message. Callers decide how to show them.
 *
 * @example
 * const r = Judgement.safeParse(input);
 * if (!r.success) throw new ValidationError(problemsFromZod(r.error.issues));
 */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  options: ZodProblemOptions = {},
): Problem[] {
  const { file, lineOf, fieldPrefix, unknownKey } = options;
  const problem = (code: string, path: PropertyKey[], message: string): Problem => {
    const field = [fieldPrefix, ...path.map(String)].filter((x) => x !== undefined && x !== '').join('.');
    const line = lineOf?.(path);
    return {
      code,
      ...(file !== undefined && { file }),
      ...(line !== undefined && { line }),
      ...(field !== '' && { field }),
      message,
    };
  };
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && unknownKey
      ? i.keys.map((k) => problem(i.code, [...i.path, k], unknownKey(k)))
      : [problem(i.code, i.path, i.message)],
  );
}
