import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { RejectReason } from './ingest-sql.ts';

/** A line rejected before it reaches DuckDB: its bytes cannot be read as a text line. */
export interface LineProblem {
  line: number;
  reason: RejectReason;
  /** The line as text, invalid bytes shown as U+FFFD. */
  raw: string;
}

/** What one streaming pass learns about a file. */
export interface Scan {
  size: number;
  md5: string;
  /** Physical lines: newline count, plus one for a last line without newline. */
  lines: number;
  /** True when the file does not end with a newline (a truncated download, usually). */
  unterminated: boolean;
  /** Lines DuckDB's reader must not see; non-empty means the file is read through a cleaned copy. */
  problems: LineProblem[];
  /** True when some lines end in CRLF (a spreadsheet re-save); those CRs are dropped. */
  crlf: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

// Bytes that break a line-per-row read: CR inside a line, NUL, and 0x01, the delimiter chosen
// because GDELT text never contains it.
const hasBadByte = (b: Buffer) => b.indexOf(0) !== -1 || b.indexOf(1) !== -1 || b.indexOf(CR) !== -1;

/** Classifies one line (without its LF); `null` when DuckDB can read it after dropping a final CR. */
export function lineProblem(bytes: Buffer): RejectReason | null {
  const body = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
  if (!isUtf8(body)) return 'invalid_utf8';
  if (body.indexOf(0) !== -1 || body.indexOf(1) !== -1 || body.indexOf(CR) !== -1) return 'control_character';
  return null;
}

/**
 * Reads a file once: size, MD5, line count, and the lines whose bytes are not plain UTF-8 text.
 * The fast path checks whole chunks at once; only a chunk with a suspect byte is walked line by line.
 */
export async function scanFile(path: string): Promise<Scan> {
  const hash = createHash('md5');
  let size = 0;
  let lines = 0;
  let carry: Buffer = Buffer.alloc(0);
  let crlf = false;
  const problems: LineProblem[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf === -1) {
      carry = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      continue;
    }
    const block = carry.length
      ? Buffer.concat([carry, chunk.subarray(0, lastLf + 1)])
      : chunk.subarray(0, lastLf + 1);
    carry = Buffer.from(chunk.subarray(lastLf + 1));
    const firstLine = lines + 1;
    if (isUtf8(block) && !hasBadByte(block)) {
      lines += countLf(block);
    } else {
      lines += walkLines(block, firstLine, problems, () => {
        crlf = true;
      });
    }
  }
  const unterminated = carry.length > 0;
  if (unterminated) {
    lines += 1;
    // GDELT always ends a file with a newline: a last line without one was cut off, even when its
    // field count happens to be right (a cut inside SOURCEURL).
    problems.push({
      line: lines,
      reason: lineProblem(carry) ?? 'truncated_line',
      raw: carry.toString('utf8'),
    });
  }
  return { size, md5: hash.digest('hex'), lines, unterminated, problems, crlf };
}

function countLf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(LF); i !== -1; i = b.indexOf(LF, i + 1)) n++;
  return n;
}

function walkLines(block: Buffer, firstLine: number, problems: LineProblem[], sawCrlf: () => void): number {
  let line = firstLine;
  let start = 0;
  for (let i = block.indexOf(LF); i !== -1; i = block.indexOf(LF, start)) {
    const bytes = block.subarray(start, i);
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) sawCrlf();
    const reason = lineProblem(bytes);
    if (reason) problems.push({ line, reason, raw: bytes.toString('utf8') });
    line++;
    start = i + 1;
  }
  return line - firstLine;
}

/**
 * Writes a copy DuckDB can read line for line: final CRs dropped, and each problem line replaced by
 * an empty line so that line numbers stay those of the original file.
 */
export async function writeCleanCopy(path: string, target: string, problems: LineProblem[]): Promise<void> {
  const bad = new Set(problems.map((p) => p.line));
  const out = createWriteStream(target);
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  const emit = (bytes: Buffer) => {
    if (bad.has(line)) out.write('\n');
    else {
      const body = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
      out.write(Buffer.concat([body, Buffer.from('\n')]));
    }
    line++;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const block = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let i = block.indexOf(LF); i !== -1; i = block.indexOf(LF, start)) {
      emit(block.subarray(start, i));
      start = i + 1;
    }
    carry = Buffer.from(block.subarray(start));
  }
  if (carry.length) emit(carry);
  out.end();
  await finished(out);
}
