import { inflateSync } from 'node:zlib';

/** An 8-bit RGBA PNG decoded (what resvg writes): enough to count pixels in tests. */
export interface Decoded {
  width: number;
  height: number;
  /** RGBA, row after row. */
  pixels: Uint8Array;
}

/**
 * Decodes a non-interlaced 8-bit RGBA or RGB PNG, checking its signature and every chunk's length;
 * throws on anything else, so that a test fails on a PNG that does not decode.
 */
export function decodePng(png: Uint8Array): Decoded {
  const buf = Buffer.from(png);
  if (!buf.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])))
    throw new Error('not a PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const data: Buffer[] = [];
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (body.length !== length) throw new Error(`chunk ${type} is cut short`);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 6 && colour !== 2))
        throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error('image data has the wrong size');
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      if (predictor === undefined) throw new Error(`bad filter ${filter} on line ${y}`);
      line[i] = (x + predictor) & 0xff;
    }
    for (let px = 0; px < width; px++) {
      for (let k = 0; k < 4; k++)
        out[(y * width + px) * 4 + k] = k < channels ? line[px * channels + k]! : 255;
    }
    prev.set(line);
  }
  return { width, height, pixels: out };
}

/** Pixels clearly darker than the white ground within a rectangle. */
export function inkPixels(
  img: Decoded,
  box: { x: number; y: number; width: number; height: number },
): number {
  let n = 0;
  for (let y = box.y; y < Math.min(img.height, box.y + box.height); y++) {
    for (let x = box.x; x < Math.min(img.width, box.x + box.width); x++) {
      const i = (y * img.width + x) * 4;
      if (img.pixels[i]! + img.pixels[i + 1]! + img.pixels[i + 2]! < 600) n++;
    }
  }
  return n;
}
