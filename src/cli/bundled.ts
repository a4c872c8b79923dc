import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The record shipped with Entente: imported on the first start of an empty store, validated by default. */
export const BUNDLED_DATASET = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/korea-japan',
);
