import { basename } from 'node:path';
import type { FileKind } from './columns.ts';

/**
 * Which GDELT format a file holds, from its name when GDELT's naming is kept, otherwise from the
 * field count its first lines share. `undefined` when neither tells.
 * @example detectKind('20190121220000.export.CSV.zip', []) // 'events-v2'
 */
export function detectKind(name: string, firstLines: readonly string[]): FileKind | undefined {
  const base = basename(name).toLowerCase();
  if (base.includes('.mentions.')) return 'mentions-v2';
  if (/(^|[^0-9])\d{14}\.(translation\.)?export\./.test(base)) return 'events-v2';
  if (/(^|[^0-9])\d{8}\.export\./.test(base)) return 'events-v1';
  const counts = new Map<number, number>();
  for (const l of firstLines) {
    const n = l.split('\t').length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  switch (top?.[0]) {
    case 61:
      return 'events-v2';
    case 57:
    case 58:
      return 'events-v1';
    case 16:
      return 'mentions-v2';
    default:
      return undefined;
  }
}
