/**
 * Splits a byte stream into UTF-8 lines, refusing one longer than `maxBytes` before it is held in
 * memory whole (node's readline has no such bound) and bytes that are not UTF-8.
 */
export async function* readLines(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<{ text: string; line: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let held = 0;
  let line = 1;
  const finish = (): string => {
    const text = decode(decoder, Buffer.concat(parts, held), line);
    parts = [];
    held = 0;
    return text;
  };
  for await (const chunk of source) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10)) {
      if (held + nl > maxBytes) throw new LineTooLong(line, maxBytes);
      parts.push(buf.subarray(0, nl));
      held += nl;
      yield { text: finish(), line };
      line++;
      buf = buf.subarray(nl + 1);
    }
    if (held + buf.length > maxBytes) throw new LineTooLong(line, maxBytes);
    if (buf.length > 0) {
      // Copied: the stream may reuse its chunk's memory once we ask for the next one.
      parts.push(Buffer.from(buf));
      held += buf.length;
    }
  }
  if (held > 0) yield { text: finish(), line };
}

function decode(decoder: TextDecoder, bytes: Buffer, line: number): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new LineError(line, 'is not valid UTF-8');
  }
}

export class LineError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line} ${reason}`);
  }
}

class LineTooLong extends LineError {
  constructor(line: number, max: number) {
    super(line, `is longer than ${Math.round(max / 1024 / 1024)} MiB`);
  }
}
