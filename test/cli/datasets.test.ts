import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSession, cliSession } from '../helpers/cli.ts';
import { mustLoad, TRILATERAL, yamlFilesOf } from '../helpers/datasets.ts';

describe('entente with two datasets in one store', () => {
  let cli: CliSession;
  let other: CliSession;
  beforeAll(async () => {
    cli = cliSession('entente-datasets-', { template: 'bundled' });
    other = cliSession('entente-datasets-restore-', { template: 'bundled' });
  });
  afterAll(async () => {
    await cli.cleanup();
    await other.cleanup();
  });

  it('imports a second dataset beside the first, and says where it is served', async () => {
    await cli.entente('import', TRILATERAL);
    expect(cli.out.at(-1)).toMatch(/imported as dataset us-japan-korea \(served at \/d\/us-japan-korea\//);
    await cli.entente('import', TRILATERAL);
    expect(cli.out.at(-1)).toMatch(/already holds dataset us-japan-korea .* nothing changed/);
  });

  it('exports each dataset by id, with every record as imported', async () => {
    const dir = path.join(cli.dataDir, 'tri');
    await cli.entente('export', dir, '--dataset', 'us-japan-korea');
    // The bundled folder carries comments and its own key order; the records are what must match.
    expect(mustLoad(dir)).toEqual(mustLoad(TRILATERAL));
    const kj = path.join(cli.dataDir, 'kj');
    await cli.entente('export', kj);
    expect(yamlFilesOf(kj).get('dataset.yaml')).toMatch(/^id: korea-japan/);
  });

  it('refuses a dataset the store does not hold, naming those it does', async () => {
    await expect(cli.entente('export', path.join(cli.dataDir, 'x'), '--dataset', 'nowhere')).rejects.toThrow(
      /holds no dataset "nowhere"; it holds korea-japan, us-japan-korea/,
    );
  });

  it('scores one dataset', async () => {
    cli.out.length = 0;
    await cli.entente('scores', '--dataset', 'us-japan-korea', '--format', 'csv');
    const csv = cli.out.join('\n');
    expect(csv).toContain('tri-camp-david-commitment-to-consult');
    expect(csv).not.toContain('lng-procurement');
  });

  it('backs up one dataset at a time and restores it beside another', async () => {
    await expect(cli.entente('backup', path.join(cli.dataDir, 'all.jsonl.gz'))).rejects.toThrow(
      /holds 2 datasets \(korea-japan, us-japan-korea\) and a backup holds one/,
    );
    const file = path.join(cli.dataDir, 'tri.jsonl.gz');
    await cli.entente('backup', file, '--dataset', 'us-japan-korea');
    await other.entente('restore', file, '--dataset', 'us-japan-korea');
    const dir = path.join(other.dataDir, 'tri');
    await other.entente('export', dir, '--dataset', 'us-japan-korea');
    expect(yamlFilesOf(dir)).toEqual(yamlFilesOf(path.join(cli.dataDir, 'tri')));
  });
});
