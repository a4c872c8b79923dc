import { stringify } from 'csv-stringify/sync';
import type { CliContext } from '../context.ts';

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = Object.keys(rows[0] as object);
  const cell = (v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v ?? '');
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padStart(widths[i] as number)).join('  ');
  return [line(cols), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}

export function print(ctx: CliContext, rows: Record<string, unknown>[], format: string) {
  if (format === 'json') ctx.out(JSON.stringify(rows, null, 2));
  else if (format === 'csv')
    ctx.out(
      stringify(rows, {
        header: true,
        columns: rows[0] ? Object.keys(rows[0]) : [],
        escape_formulas: true,
      }).trimEnd(),
    );
  else ctx.out(table(rows));
}
