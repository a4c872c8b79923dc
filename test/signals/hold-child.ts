// Opens a warehouse for writing, as `entente signals ingest` does, and holds it until stdin closes:
// the server tests run beside it. Prints `held` once it has the file, or `refused <message>`.
import { Warehouse } from '../../src/signals/index.ts';

try {
  const w = await Warehouse.open(process.argv[2] as string);
  process.stdout.write('held\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    w.close();
    process.exit(0);
  });
} catch (e) {
  process.stdout.write(`refused ${(e as Error).message.split('\n')[0]}\n`);
  process.exit(2);
}
