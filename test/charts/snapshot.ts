import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');

/**
 * Compares a rendered chart with its committed SVG. A mismatch writes `<name>-changed.svg` beside it
 * to look at and fails; a missing snapshot is written on a laptop and fails in CI, where snapshots are
 * never generated.
 */
export function matchSvg(name: string, svg: string): { ok: boolean; message: string } {
  const file = path.join(OUTPUT, `${name}.svg`);
  const changed = path.join(OUTPUT, `${name}-changed.svg`);
  const text = `${svg}\n`;
  if (!existsSync(file)) {
    if (process.env.CI === 'true')
      return { ok: false, message: `${file} is missing; snapshots are not generated in CI` };
    writeFileSync(file, text);
    return { ok: true, message: `wrote ${file}` };
  }
  if (readFileSync(file, 'utf8') === text) {
    rmSync(changed, { force: true });
    return { ok: true, message: 'same' };
  }
  writeFileSync(changed, text);
  return { ok: false, message: `${name}.svg differs; see ${changed}` };
}
