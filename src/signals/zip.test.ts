import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
