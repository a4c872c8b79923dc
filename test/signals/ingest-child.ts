// Ingests files into a warehouse, announcing each file on stdout: the crash test kills this process
// at chosen moments and checks that a rerun ends where an uninterrupted run does.
import { Warehouse } from '../../src/signals/index.ts';

const [db, ...files] = process.argv.slice(2);
const w = await Warehouse.open(db as string);
for (const f of files) {
  process.stdout.write(`start ${f}\n`);
  await w.ingest(f);
  process.stdout.write(`done ${f}\n`);
}
w.close();
process.stdout.write('finished\n');
