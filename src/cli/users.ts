import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { ZodError } from 'zod';
import { type Actor, addUser, disableUser, enableUser, listUsers, Role, setRole } from '../accounts/index.ts';
import { CliError, ConflictError, NotFoundError, problemsFromZod } from '../core/index.ts';
import { type CliContext, withStore } from './context.ts';

// The CLI is run by whoever holds the server; it acts as an administrator, named so in the audit log.
const CLI_ACTOR: Actor = { id: null, name: 'entente CLI', role: 'admin' };

export interface UsersIo {
  /** Reads a password from standard input (first line), for `--password-stdin`. */
  readPassword: () => Promise<string>;
}

async function readStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

/** Expected failures as clean messages that name the field. */
async function expected<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ZodError) {
      throw new CliError(
        problemsFromZod(e.issues)
          .map((p) => `${p.field ?? 'input'}: ${p.message}`)
          .join('; '),
      );
    }
    if (e instanceof ConflictError || e instanceof NotFoundError) throw new CliError(e.message);
    throw e;
  }
}

/** `entente users add | list | set-role | disable | enable`. */
export function usersCommand(ctx: CliContext, io: UsersIo = { readPassword: readStdinLine }): Command {
  const users = new Command('users');
  const roleOption = () =>
    new Option('--role <role>', 'viewer, contributor, editor or admin')
      .choices(Role.options)
      .makeOptionMandatory();

  users
    .command('add')
    .description('Add a user; without --password-stdin a password is generated and printed once')
    .argument('<username>', 'lower-case login name')
    .requiredOption('--name <name>', 'name shown on assessments and in the audit log')
    .addOption(roleOption())
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (username: string, opts: { name: string; role: Role; passwordStdin?: boolean }) => {
      const generated = opts.passwordStdin ? undefined : randomBytes(15).toString('base64url');
      const password = generated ?? (await io.readPassword());
      await withStore(ctx, (db) =>
        expected(() =>
          db.transaction((tx) =>
            addUser(tx, CLI_ACTOR, { username, displayName: opts.name, role: opts.role, password }),
          ),
        ),
      );
      ctx.out(`Added ${username} (${opts.role}).`);
      if (generated) ctx.out(`Password (shown once): ${generated}`);
    });

  users
    .command('list')
    .description('List users with their roles')
    .action(async () => {
      await withStore(ctx, async (db) => {
        for (const u of await listUsers(db)) {
          ctx.out(`${u.username}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.display_name}`);
        }
      });
    });

  users
    .command('set-role')
    .description("Change a user's role")
    .argument('<username>')
    .argument('<role>', 'viewer, contributor, editor or admin')
    .action(async (username: string, role: string) => {
      await withStore(ctx, (db) =>
        expected(() => db.transaction((tx) => setRole(tx, CLI_ACTOR, username, role as Role))),
      );
      ctx.out(`${username} is now ${role}.`);
    });

  users
    .command('disable')
    .description('Disable a user: their sessions end and their API tokens stop working')
    .argument('<username>')
    .action(async (username: string) => {
      await withStore(ctx, (db) =>
        expected(() => db.transaction((tx) => disableUser(tx, CLI_ACTOR, username))),
      );
      ctx.out(`${username} is disabled.`);
    });

  users
    .command('enable')
    .description('Enable a disabled user again: they log in with their password; old API tokens stay revoked')
    .argument('<username>')
    .action(async (username: string) => {
      await withStore(ctx, (db) =>
        expected(() => db.transaction((tx) => enableUser(tx, CLI_ACTOR, username))),
      );
      ctx.out(`${username} is enabled.`);
    });
  return users;
}
