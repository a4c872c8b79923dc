import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { CliError } from '../core/index.ts';
import { datasetIdFor, jsonSchemaFiles, SCHEMAS_FOLDER, skeletonFiles } from '../dataset/index.ts';
import type { CliContext } from './context.ts';

/** Whether `dir` can take a new dataset: it does not exist, or it is an empty folder. */
function assertEmpty(dir: string) {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(dir);
  } catch {
    return;
  }
  if (!stat.isDirectory()) throw new CliError(`${dir} is a file, not a folder; nothing was written.`);
  const entries = readdirSync(dir);
  if (entries.length > 0) {
    throw new CliError(
      `${dir} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); nothing was written. Choose a new or empty folder.`,
    );
  }
}

function writeAll(dir: string, files: { path: string; text: string }[]) {
  for (const f of files) {
    const to = path.join(dir, f.path);
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, f.text);
  }
}

export function initCommand(ctx: CliContext): Command {
  return new Command('init')
    .argument('<dir>', 'folder to create (it must not exist or be empty), e.g. data/japan-philippines')
    .option('--id <id>', 'the dataset id (default: made from the folder name)')
    .addHelpText(
      'after',
      `\nEvery file starts with a "# yaml-language-server: $schema=…" line pointing at ${SCHEMAS_FOLDER}/, so that\neditors with a YAML language server underline an unknown or misspelt field while you type.`,
    )
    .action((dir: string, opts: { id?: string }) => {
      const id = opts.id ?? datasetIdFor(path.basename(path.resolve(dir)));
      if (datasetIdFor(id) !== id) {
        throw new CliError(`--id ${id}: must be lower-case letters, digits and single hyphens`);
      }
      assertEmpty(dir);
      const files = skeletonFiles(id);
      writeAll(dir, files);
      const yaml = files.filter((f) => f.path.endsWith('.yaml')).length;
      ctx.out(
        `${dir}: a new dataset "${id}" with ${yaml} example files and their JSON Schemas (${SCHEMAS_FOLDER}/)`,
      );
      ctx.out('Next:');
      ctx.out(
        `  1. Replace every example (values marked "Example", sources at example.org) with the record's`,
      );
      ctx.out('     real entries and sources; delete the example files you do not need (only dataset.yaml,');
      ctx.out('     parties.yaml, issue-areas.yaml and authors.yaml are required).');
      ctx.out(`  2. entente validate ${dir}    lists every problem as file:line: field: message`);
      ctx.out(`  3. entente import ${dir}      once it validates, to serve it`);
      ctx.out(
        '  Editors: VS Code with the YAML extension (redhat.vscode-yaml), or any editor with yaml-language-server, checks each file as you type.',
      );
    });
}

export function schemasCommand(ctx: CliContext): Command {
  return new Command('schemas')
    .argument('<dir>', 'folder to write them to, e.g. schemas or data/my-dataset/.schemas')
    .action((dir: string) => {
      const files = jsonSchemaFiles().map((f) => ({ path: f.name, text: f.text }));
      writeAll(dir, files);
      ctx.out(`${dir}: ${files.length} JSON Schemas written`);
    });
}
