/**
 * Text measures for charts drawn on the server, where no browser can measure: an estimate good
 * enough to keep labels apart and titles inside the picture. Hangul, kana and Han characters are
 * about one em wide, Latin letters and digits a little over half.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xff00 && code <= 0xff60))
    )
      em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z%@MW—–]/.test(ch)) em += 0.68;
    else em += 0.56;
  }
  return em * fontSize;
}

/**
 * Breaks text into lines no wider than `width`: at spaces where there are some, and between any two
 * characters of a word too long for a line (Korean and Japanese titles may have no space at all).
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const word of text.split(/(?<= )/)) {
    if (textWidth(line + word, fontSize) <= width) {
      line += word;
      continue;
    }
    push();
    for (const ch of word) {
      if (textWidth(line + ch, fontSize) > width) push();
      line += ch;
    }
  }
  push();
  return lines;
}

/** Shortens text to fit `width`, ending with an ellipsis when something was cut. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > width) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Places labels that start at `x` (sorted or not) in as few rows as keep them from overlapping:
 * each goes in the first row whose last label ends before it starts. Returns each label's row.
 */
export function labelRows(labels: { x: number; width: number }[], gap = 6): number[] {
  const ends: number[] = [];
  const rows = new Array<number>(labels.length);
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.x - labels[b]!.x);
  for (const i of order) {
    const { x, width } = labels[i]!;
    let row = ends.findIndex((end) => end + gap <= x);
    if (row === -1) row = ends.push(0) - 1;
    ends[row] = x + width;
    rows[i] = row;
  }
  return rows;
}

/** Escapes text for XML content and attribute values. */
export const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
