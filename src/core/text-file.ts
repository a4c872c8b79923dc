import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Problem } from './errors.ts';

/** The largest input file read whole: a dataset file or a results CSV is well under 1 MB. */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

export type TextFile = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

const lineAt = (bytes: Uint8Array, end: number) => {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/**
 * The line (1-based) of the first bytes that are not UTF-8, or 0 when all are. A newline byte is
 * never part of a longer UTF-8 sequence, so each line can be checked on its own.
 */
function invalidUtf8Line(b: Buffer): number {
  if (isUtf8(b)) return 0;
  let start = 0;
  for (let line = 1; ; line++) {
    const end = b.indexOf(0x0a, start);
    if (!isUtf8(b.subarray(start, end < 0 ? b.length : end))) return line;
    if (end < 0) return 0;
    start = end + 1;
  }
}

/**
 * Reads a text input file (a dataset file, a CSV) whole, refusing before parsing what no text
 * file of Entente is: not a regular file (a FIFO or a device would block or never end), larger
 * than `maxBytes`, not valid UTF-8, or holding a NUL character. A refusal is one problem naming
 * the file and, for bad bytes, the line, instead of a parser's error on every line or a silent
 * U+FFFD.
 */
export function readTextFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): TextFile {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      problem: {
        code: code === 'ENOENT' ? 'missing_file' : 'unreadable',
        file,
        message: `cannot be read (${code ?? (e as Error).message})`,
      },
    };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        problem: { code: 'not_a_file', file, message: 'is not a regular file (a pipe, device or folder?)' },
      };
    if (st.size > maxBytes)
      return {
        problem: {
          code: 'too_large',
          file,
          message: `is ${st.size} bytes, more than the ${maxBytes} an input file may have; split it or check that it is the right file`,
        },
      };
    const bytes = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, bytes, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const b = bytes.subarray(0, read);
    const nul = b.indexOf(0);
    const bad = invalidUtf8Line(b);
    if (bad > 0 && (nul < 0 || bad <= lineAt(b, nul)))
      return {
        problem: {
          code: 'invalid_utf8',
          file,
          line: bad,
          message: 'holds bytes that are not UTF-8; save the file as UTF-8, or check that it is a text file',
        },
      };
    if (nul >= 0)
      return {
        problem: {
          code: 'nul_character',
          file,
          line: lineAt(b, nul),
          message: `holds a NUL character (at byte ${nul}), which no text may contain; is it a text file?`,
        },
      };
    return { text: b.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}
