import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';

// The YAML library (some 70 files) is loaded at the first file read or written, not with the module:
// commands that read no dataset, `entente --help` among them, start without it.
let loaded: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return loaded;
};

import type { z } from 'zod';
import type { Problem } from '../core/index.ts';
import { problemsFromZod } from '../core/index.ts';
import type { YamlCache } from './yaml-cache.ts';

const MAX_SYNTAX_ERRORS = 10;

/** A YAML file parsed and checked against its schema, able to say on which line a field is. */
export interface ParsedFile<T> {
  file: string;
  value?: T;
  problems: Problem[];
  /** The line of the field at `path`, or of its nearest parent that exists in the file. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses `text` (the content of `file`) and validates it with `schema`. Every problem carries the
 * file, the line and the dotted field path; none is dropped. With a `cache`, a text parsed before is
 * not parsed again unless a line must be found.
 */
export function parseYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  cache?: YamlCache,
): ParsedFile<z.output<S>> {
  let parsed: { doc: Document.Parsed; lineAt: (offset: number) => number } | undefined;
  const parse = () => {
    if (!parsed) {
      const lineCounter = new (yaml().LineCounter)();
      const doc = yaml().parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
      parsed = { doc, lineAt: (offset: number) => lineCounter.linePos(offset).line };
    }
    return parsed;
  };

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const { doc, lineAt } = parse();
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : 1;
    for (const key of path) {
      if (yaml().isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode.range) line = lineAt(keyNode.range[0]);
        node = pair.value;
      } else if (yaml().isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        if (item.range) line = lineAt(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };

  const hit = cache?.get(text);
  if (hit) return validate(file, hit.value, schema, lineOf);

  const { doc, lineAt } = parse();
  const problems: Problem[] = [];
  // A file that is not YAML at all fails on nearly every line; the first few errors say enough.
  for (const e of doc.errors.slice(0, MAX_SYNTAX_ERRORS)) {
    problems.push({
      code: 'yaml_syntax',
      file,
      line: lineAt(e.pos[0]),
      message: e.message.split('\n')[0]!,
    });
  }
  const rest = doc.errors[MAX_SYNTAX_ERRORS];
  if (rest)
    problems.push({
      code: 'yaml_syntax',
      file,
      // The line the errors not listed start on, so that the count says where as well.
      line: lineAt(rest.pos[0]),
      message: `and ${doc.errors.length - MAX_SYNTAX_ERRORS} more YAML errors from here on; is this a YAML file?`,
    });
  if (problems.length > 0) return { file, problems, lineOf };

  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias "bomb" (aliases of aliases, exponentially large once expanded) stops here.
    const message = (e as Error).message;
    // The error names no place: the first alias is where the repetition starts.
    let line: number | undefined;
    yaml().visit(doc, {
      Alias: (_, node) => {
        if (node.range) line = lineAt(node.range[0]);
        return yaml().visit.BREAK;
      },
    });
    return {
      file,
      problems: [
        {
          code: 'yaml_alias',
          file,
          line,
          message: `${message}; write the values out instead of repeating aliases`,
        },
      ],
      lineOf,
    };
  }
  cache?.set(text, js);
  return validate(file, js, schema, lineOf);
}

/** Checks the value a file parsed to against its schema. */
function validate<S extends z.ZodType>(
  file: string,
  js: unknown,
  schema: S,
  lineOf: ParsedFile<unknown>['lineOf'],
): ParsedFile<z.output<S>> {
  const problems: Problem[] = [];
  const result = schema.safeParse(js);
  if (result.success) return { file, value: result.data, problems, lineOf };
  problems.push(
    ...problemsFromZod(result.error.issues, {
      file,
      lineOf,
      unknownKey: (key) => `unknown field "${key}" (check its spelling)`,
    }),
  );
  return { file, problems, lineOf };
}

/** The canonical YAML form of a record: what `export` writes and what the bundled files hold. */
export function toYaml(value: unknown): string {
  return yaml().stringify(value, {
    indent: 2,
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  });
}
