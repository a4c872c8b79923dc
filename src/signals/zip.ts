import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';

/** The one member of a GDELT zip, as its central directory describes it. */
export interface ZipMember {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  dataOffset: number;
}

export class ZipError extends Error {
  override name = 'ZipError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads the central directory of a single-member zip (GDELT publishes one CSV per zip).
 * A truncated download has no end-of-central-directory record and is refused here.
 */
export async function readZipMember(path: string): Promise<ZipMember> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd === -1)
      throw new ZipError(`${path}: not a complete zip (no end of central directory; truncated?)`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (entries !== 1) throw new ZipError(`${path}: expected one file in the zip, found ${entries}`);
    if (cdOffset + cdSize > size) throw new ZipError(`${path}: central directory beyond end of file`);
    // A directory entry is at least 46 bytes: a smaller declared size is damage, not a zip to read.
    if (cdSize < 46) throw new ZipError(`${path}: damaged central directory (${cdSize} bytes)`);
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    if (cd.readUInt32LE(0) !== CENTRAL) throw new ZipError(`${path}: damaged central directory`);
    const method = cd.readUInt16LE(10);
    const crc = cd.readUInt32LE(16);
    const compressedSize = cd.readUInt32LE(20);
    const uncompressed = cd.readUInt32LE(24);
    const nameLen = cd.readUInt16LE(28);
    const localOffset = cd.readUInt32LE(42);
    if (46 + nameLen > cdSize) throw new ZipError(`${path}: damaged central directory (name past its end)`);
    const name = cd.subarray(46, 46 + nameLen).toString('utf8');
    const local = Buffer.alloc(30);
    await fh.read(local, 0, 30, localOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError(`${path}: damaged local header`);
    const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (method !== 0 && method !== 8)
      throw new ZipError(`${path}: compression method ${method} not supported`);
    return { name, method, compressedSize, size: uncompressed, crc, dataOffset };
  } finally {
    await fh.close();
  }
}

/**
 * The most a GDELT member may inflate to. The largest GDELT files (1.0 daily events of 2014–2015)
 * are about 200 MB unpacked; a zip that claims or produces more is refused, not written out.
 */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/**
 * Inflates the member to `target`, checking its size and CRC-32 against the directory. Inflating
 * stops as soon as the output passes the size the directory declares or `maxBytes`, so that a zip
 * bomb costs no more than the cap.
 */
export async function extractZip(
  path: string,
  target: string,
  maxBytes = MAX_INFLATED_BYTES,
): Promise<ZipMember> {
  const m = await readZipMember(path);
  if (m.compressedSize === 0 && m.size > 0) throw new ZipError(`${path}: empty member data`);
  if (m.size > maxBytes)
    throw new ZipError(
      `${path}: ${m.name} would inflate to ${m.size} bytes, more than the ${maxBytes} a GDELT file may hold; it was not unpacked`,
    );
  let crc = 0;
  let written = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      crc = crc32(chunk, crc);
      written += chunk.length;
      if (written > m.size)
        return cb(
          new Error(`inflates to more than the ${m.size} bytes its directory declares (a zip bomb?)`),
        );
      cb(null, chunk);
    },
  });
  const source = createReadStream(path, {
    start: m.dataOffset,
    end: m.dataOffset + Math.max(m.compressedSize, 1) - 1,
  });
  try {
    if (m.method === 8) await pipeline(source, createInflateRaw(), check, createWriteStream(target));
    else await pipeline(source, check, createWriteStream(target));
  } catch (e) {
    throw new ZipError(`${path}: cannot inflate ${m.name}: ${(e as Error).message}`);
  }
  if (written !== m.size || crc >>> 0 !== m.crc >>> 0) {
    throw new ZipError(`${path}: ${m.name} is damaged (size ${written} of ${m.size}, CRC mismatch)`);
  }
  return m;
}
