/**
 * A problem found in input: a file, a row or a request. Problems are data; how they are shown
 * (CLI line, HTML form, JSON problem document) is decided by the caller.
 */
export interface Problem {
  /** Stable machine code, e.g. `invalid_type`, `unknown_reference`, `yaml_syntax`. */
  code: string;
  /** Where: a file path, with line when known. */
  file?: string;
  line?: number;
  /** Dotted field path inside the record, e.g. `recommendations.2.quote`. */
  field?: string;
  message: string;
}

/** Formats a problem as `file:line: field: message`, the shape editors jump to. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line].filter((x) => x !== undefined).join(':');
  const field = p.field ? `${p.field}: ` : '';
  return `${where ? `${where}: ` : ''}${field}${p.message}`;
}

/**
 * An expected failure of a service: a stable machine `code` (snake_case) that programs and tests
 * match, the HTTP `status` it answers with, and an English message that says what to do. The web
 * app turns it into a page or a problem document in one place (`src/web/errors.ts`).
 */
export class EntenteError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EntenteError';
  }
}

/** Thrown when input fails validation; carries every problem found, not just the first. */
export class ValidationError extends EntenteError {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} found:\n${problems.map(formatProblem).join('\n')}`,
      'invalid_input',
      400,
    );
    this.name = 'ValidationError';
  }
}

/** An expected failure of a command: printed without a stack, exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

/**
 * A write that does not fit the record as it stands: a stale version, a step out of order, a
 * duplicate. `code` says which (e.g. `stale_version`, `wrong_state`, `duplicate_correction`).
 */
export class ConflictError extends EntenteError {
  constructor(message: string, code = 'conflict') {
    super(message, code, 409);
    this.name = 'ConflictError';
  }
}

/** A record that was asked for does not exist. */
export class NotFoundError extends EntenteError {
  constructor(what: string) {
    super(`${what} not found`, 'not_found', 404);
    this.name = 'NotFoundError';
  }
}

/**
 * What cannot be done here or now (a program that is not installed, a store another process is
 * writing): a 503, with the seconds after which to try again when they are known.
 */
export class UnavailableError extends EntenteError {
  constructor(
    message: string,
    code = 'unavailable',
    readonly retryAfter?: number,
  ) {
    super(message, code, 503);
    this.name = 'UnavailableError';
  }
}

/** `value`, or a NotFoundError naming `what` (e.g. `Paper "x"`) when there is none. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new NotFoundError(what);
  return value;
}
