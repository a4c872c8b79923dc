// Ingests files into a warehouse, announcing each file on stdout: the crash test kills this process
// at chosen moments and checks that a rerun ends where an uninterrupted run does.
//
//   ingest-child.ts <db> <files…>                       one file at a time (Warehouse.ingest)
//   ingest-child.ts --batch-bytes <n> <db> <files…>     all files in one ingestMany, batches of n bytes
//
// Either way the output reads `start <file>` … `done <file>` for each file in order. In batches, a
// file's result arrives when its whole batch is committed: `start` of the first file is printed before
// ingestMany is called, and each `done` is followed by the `start` of the next file. If ingestMany
// rejects, the child prints `error <message>` and exits with code 3.
import { Warehouse } from '../../src/signals/index.ts';

const args = process.argv.slice(2);
let batchBytes: number | undefined;
if (args[0] === '--batch-bytes') {
  batchBytes = Number(args[1]);
  if (!Number.isFinite(batchBytes) || batchBytes <= 0) throw new Error(`bad --batch-bytes: ${args[1]}`);
  args.splice(0, 2);
}
const [db, ...files] = args;
const w = await Warehouse.open(db as string);
if (batchBytes === undefined) {
  for (const f of files) {
    process.stdout.write(`start ${f}\n`);
    await w.ingest(f);
    process.stdout.write(`done ${f}\n`);
  }
} else {
  let next = 0;
  if (files.length > 0) process.stdout.write(`start ${files[0]}\n`);
  try {
    await w.ingestMany(
      files,
      (r) => {
        if ('error' in r) throw new Error(`${r.path}: ${r.error.message}`);
        if (r.path !== files[next]) throw new Error(`result for ${r.path} where ${files[next]} was expected`);
        process.stdout.write(`done ${r.path}\n`);
        next++;
        if (next < files.length) process.stdout.write(`start ${files[next]}\n`);
      },
      { batchBytes },
    );
  } catch (e) {
    process.stdout.write(`error ${String((e as Error).message).replaceAll('\n', ' ')}\n`);
    w.close();
    process.exit(3);
  }
  if (next !== files.length) throw new Error(`${next} results for ${files.length} files`);
}
w.close();
process.stdout.write('finished\n');
