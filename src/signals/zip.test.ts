import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractZip, readZipMember, ZipError } from './zip.ts';

const fx = (p: string) => new URL(`../../test/fixtures/gdelt/${p}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'entente-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GDELT zips', () => {
  it('extracts the single member byte for byte', async () => {
    const m = await readZipMember(fx('events-v2/narayave__20190121220000.export.CSV.zip'));
    expect(m).toMatchObject({ name: '20190121220000.export.CSV', method: 8, size: 658880 });
    const out = join(dir, 'member.csv');
    await extractZip(fx('events-v2/narayave__20190121220000.export.CSV.zip'), out);
    expect(readFileSync(out).equals(readFileSync(fx('events-v2/narayave__20190121220000.export.CSV')))).toBe(
      true,
    );
  });

  it('refuses a truncated zip and a file that is not a zip', async () => {
    await expect(readZipMember(fx('broken/truncated.20190121220000.export.CSV.zip'))).rejects.toThrow(
      ZipError,
    );
    await expect(readZipMember(fx('events-v1/lumify__small.export.txt'))).rejects.toThrow(
      /not a complete zip/,
    );
  });
});

/** A one-member zip of `data` whose directory declares `declared` bytes (the truth by default). */
function zipOf(data: Buffer, declared = data.length): string {
  const packed = deflateRawSync(data);
  const name = Buffer.from('bomb.export.CSV');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  const file = join(dir, `bomb-${declared}.zip`);
  writeFileSync(file, Buffer.concat([local, name, packed, central, name, end]));
  return file;
}

describe('GDELT zip bombs', () => {
  const zeros = Buffer.alloc(8 * 1024 * 1024);

  it('refuses a member that declares more than the cap, before inflating it', async () => {
    const out = join(dir, 'big.csv');
    await expect(extractZip(zipOf(zeros), out, 1024 * 1024)).rejects.toThrow(
      /would inflate to 8388608 bytes, more than the 1048576/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('stops inflating a member that produces more than it declares', async () => {
    const out = join(dir, 'liar.csv');
    await expect(extractZip(zipOf(zeros, 1000), out)).rejects.toThrow(
      /more than the 1000 bytes its directory declares/,
    );
    expect(existsSync(out) ? statSync(out).size : 0).toBeLessThan(zeros.length);
  });

  it('refuses a zip whose directory is declared too small for an entry, as damage (not a crash)', async () => {
    const file = zipOf(Buffer.from('a\tb\n'));
    const bytes = readFileSync(file);
    // The end record's central-directory size: 12 bytes into the last 22.
    for (const cdSize of [0, 20, 46]) {
      bytes.writeUInt32LE(cdSize, bytes.length - 22 + 12);
      writeFileSync(file, bytes);
      await expect(extractZip(file, join(dir, 'small-cd.csv'))).rejects.toThrow(ZipError);
    }
  });

  it('still unpacks an honest member under the cap', async () => {
    const out = join(dir, 'honest.csv');
    await extractZip(zipOf(zeros), out, zeros.length);
    expect(statSync(out).size).toBe(zeros.length);
  });
});
