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

/** Thrown when input fails validation; carries every problem found, not just the first. */
export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} found:\n${problems.map(formatProblem).join('\n')}`,
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

/** A record was changed by someone else since it was read (optimistic concurrency). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A record that was asked for does not exist. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}
