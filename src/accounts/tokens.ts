import { z } from 'zod';
import { NotFoundError, problemsFromZod, type Queryable, ValidationError } from '../core/index.ts';
import { recordAudit } from './audit.ts';
import type { Actor } from './roles.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { SessionUser } from './sessions.ts';

export const TokenName = z.string().trim().min(1, 'must not be empty').max(80);

export interface TokenRow {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

// A recognisable prefix lets secret scanners find leaked tokens.
const PREFIX = 'ent_';

/** Creates an API token; its secret is returned once and only its hash is kept. */
export async function createToken(
  q: Queryable,
  actor: Actor & { id: number },
  name: string,
): Promise<{ id: number; secret: string }> {
  const parsed = TokenName.safeParse(name);
  // A bad name is the caller's mistake (a 400 naming the field), not the server's.
  if (!parsed.success)
    throw new ValidationError(problemsFromZod(parsed.error.issues, { fieldPrefix: 'name' }));
  const secret = `${PREFIX}${newSecret()}`;
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id',
    [actor.id, parsed.data, hashSecret(secret)],
  );
  await recordAudit(q, actor, {
    action: 'token.create',
    entity: 'token',
    entityId: String(row!.id),
    after: { name },
  });
  return { id: row!.id, secret };
}

export const listTokens = (q: Queryable, userId: number) =>
  q.query<TokenRow>(
    `SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id`,
    [userId],
  );

/** Revokes one of the actor's own tokens. */
export async function revokeToken(q: Queryable, actor: Actor & { id: number }, id: number): Promise<void> {
  // An id from a URL may be anything: what no token can have is unknown, not a store error.
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw new NotFoundError(`Token ${id}`);
  const rows = await q.query(
    'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id',
    [id, actor.id],
  );
  if (rows.length === 0) throw new NotFoundError(`Token ${id}`);
  await recordAudit(q, actor, { action: 'token.revoke', entity: 'token', entityId: String(id) });
}

/** The user a bearer token acts for, or undefined when it is unknown, revoked or its user disabled. */
export async function tokenUser(q: Queryable, secret: string): Promise<SessionUser | undefined> {
  if (!secret.startsWith(PREFIX)) return undefined;
  const [row] = await q.query<SessionUser>(
    `UPDATE api_tokens t SET last_used_at = now() FROM users u
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND NOT u.disabled
      RETURNING u.id, u.username, u.display_name, u.role`,
    [hashSecret(secret)],
  );
  return row;
}
