#!/usr/bin/env node
// Entente is written in TypeScript: a fresh clone needs no build step. The command runs from a
// bundle of the sources kept in the cache folder (bin/bundle.js), made again when a source changes,
// or through tsx from the sources themselves when no bundle can be made.
import { fileURLToPath } from 'node:url';
import { bundledCli } from './bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await bundledCli(root);
if (bundle) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  // The project's own tsconfig (JSX through hono/jsx), whatever folder the command runs in.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import('../src/cli/main.ts');
}
