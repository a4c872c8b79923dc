import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/accounts/index.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { usersCommand } from '../../src/cli/users.ts';
import { type Db, migrate, openPglite, readConfig } from '../../src/core/index.ts';

describe('entente users', () => {
  let db: Db;
  let out: string[];
  let ctx: CliContext;
  beforeEach(async () => {
    db = await openPglite();
    await migrate(db);
    out = [];
    ctx = {
      config: readConfig({}),
      out: (l) => out.push(l),
      err: (l) => out.push(`err: ${l}`),
      interactive: false,
      // The command closes the store it opens; the test keeps this one open.
      openStore: async () => ({ ...db, close: async () => {} }),
    };
  });
  afterEach(async () => {
    await db.close();
  });

  const run = (...args: string[]) =>
    usersCommand(ctx, { readPassword: async () => 'a long enough password' })
      .exitOverride()
      .parseAsync(args, { from: 'user' });

  it('adds, lists, changes the role of and disables users, each change audited', async () => {
    await run('add', 'erin', '--name', 'Erin Editor', '--role', 'editor', '--password-stdin');
    await run('add', 'carol', '--name', 'Carol', '--role', 'contributor');
    expect(out[0]).toBe('Added erin (editor).');
    expect(out[2]).toMatch(/^Password \(shown once\): \S{20}$/);
    out.length = 0;
    await run('set-role', 'carol', 'editor');
    await run('disable', 'erin');
    await run('list');
    expect(out).toEqual([
      'carol is now editor.',
      'erin is disabled.',
      'carol\teditor\tactive\tCarol',
      'erin\teditor\tdisabled\tErin Editor',
    ]);
    const log = await listAudit(db, { entity: 'user' });
    expect(log.map((r) => `${r.actor} ${r.action} ${r.entity_id}`)).toEqual([
      'entente CLI user.disable erin',
      'entente CLI user.set-role carol',
      'entente CLI user.add carol',
      'entente CLI user.add erin',
    ]);
  });

  it('refuses a taken username, a short password, an unknown user and an unknown role by name', async () => {
    await run('add', 'erin', '--name', 'Erin', '--role', 'editor');
    await expect(run('add', 'erin', '--name', 'Erin', '--role', 'editor')).rejects.toThrow(
      /username: "erin" is already taken/,
    );
    const short = usersCommand(ctx, { readPassword: async () => 'short' }).exitOverride();
    await expect(
      short.parseAsync(['add', 'x1', '--name', 'X', '--role', 'viewer', '--password-stdin'], {
        from: 'user',
      }),
    ).rejects.toThrow(/password: must be at least 12 characters/);
    await expect(run('disable', 'nobody')).rejects.toThrow(/User "nobody" not found/);
    await expect(run('set-role', 'erin', 'king')).rejects.toThrow(/role|Invalid/);
  });
});
