import { z } from 'zod';
import type { Queryable } from '../core/index.ts';
import { ConflictError, NotFoundError } from '../core/index.ts';
import { recordAudit } from './audit.ts';
import { hashPassword, PASSWORD_MIN } from './passwords.ts';
import { type Actor, Role } from './roles.ts';

export const Username = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{1,39}$/, 'must be 2–40 lower-case letters, digits, dots, hyphens or underscores');

export const NewUser = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1, 'must not be empty').max(100),
  role: Role,
  password: z
    .string()
    .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
    .max(1000)
    .refine(
      (p) => p.replace(/\s/g, '').length >= PASSWORD_MIN,
      `must have at least ${PASSWORD_MIN} characters other than spaces`,
    ),
});
export type NewUser = z.infer<typeof NewUser>;

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  version: number;
}

const COLUMNS = `id, username, display_name, role, disabled, created_at, version`;

/** Adds a user; the username must be free. */
export async function addUser(q: Queryable, actor: Actor, input: NewUser): Promise<UserRow> {
  const u = NewUser.parse(input);
  const passwordHash = await hashPassword(u.password);
  const [row] = await q.query<UserRow>(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
    [u.username, u.displayName, u.role, passwordHash],
  );
  if (!row) throw new ConflictError(`username: "${u.username}" is already taken`, 'duplicate_username');
  await recordAudit(q, actor, {
    action: 'user.add',
    entity: 'user',
    entityId: u.username,
    after: publicUser(row),
  });
  return row;
}

export const listUsers = (q: Queryable) => q.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username`);

export async function getUser(q: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await q.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return row;
}

/** The password hash of an enabled user, for logging in. */
export async function credentials(
  q: Queryable,
  username: string,
): Promise<(UserRow & { password_hash: string }) | undefined> {
  const [row] = await q.query<UserRow & { password_hash: string }>(
    `SELECT ${COLUMNS}, password_hash FROM users WHERE username = $1 AND NOT disabled`,
    [username],
  );
  return row;
}

/** Refuses a change that would leave no enabled admin: nobody could manage users any more. */
async function keepAnAdmin(q: Queryable, username: string, doing: string) {
  const [row] = await q.query<{ others: number; admin: boolean }>(
    `SELECT (SELECT count(*)::int FROM users WHERE role = 'admin' AND NOT disabled AND username <> $1) AS others,
            EXISTS (SELECT 1 FROM users WHERE username = $1 AND role = 'admin' AND NOT disabled) AS admin`,
    [username],
  );
  if (row?.admin && row.others === 0)
    throw new ConflictError(
      `"${username}" is the last enabled admin and cannot be ${doing}; make another user admin first (entente users set-role <username> admin).`,
      'last_admin',
    );
}

/** Changes what a user may do; takes effect on their next request. The last admin stays admin. */
export async function setRole(q: Queryable, actor: Actor, username: string, role: Role): Promise<UserRow> {
  if (Role.parse(role) !== 'admin') await keepAnAdmin(q, username, `made ${role}`);
  return change(q, actor, username, 'user.set-role', 'role = $2', [role]);
}

/** Enables a disabled user again; they log in with their password (old sessions and tokens stay ended). */
export async function enableUser(q: Queryable, actor: Actor, username: string): Promise<UserRow> {
  return change(q, actor, username, 'user.enable', 'disabled = false', []);
}

/** Disables a user: their sessions end and their tokens stop working. The last admin cannot be. */
export async function disableUser(q: Queryable, actor: Actor, username: string): Promise<UserRow> {
  await keepAnAdmin(q, username, 'disabled');
  const row = await change(q, actor, username, 'user.disable', 'disabled = true', []);
  await q.query('DELETE FROM sessions WHERE user_id = $1', [row.id]);
  await q.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    row.id,
  ]);
  return row;
}

async function change(
  q: Queryable,
  actor: Actor,
  username: string,
  action: string,
  set: string,
  params: unknown[],
): Promise<UserRow> {
  const before = await getUser(q, username);
  if (!before) throw new NotFoundError(`User "${username}"`);
  const [after] = await q.query<UserRow>(
    `UPDATE users SET ${set}, version = version + 1 WHERE username = $1 RETURNING ${COLUMNS}`,
    [username, ...params],
  );
  await recordAudit(q, actor, {
    action,
    entity: 'user',
    entityId: username,
    before: publicUser(before),
    after: publicUser(after!),
  });
  return after!;
}

/** What the audit log keeps of a user: never a secret. */
const publicUser = (u: UserRow) => ({
  username: u.username,
  display_name: u.display_name,
  role: u.role,
  disabled: u.disabled,
});
