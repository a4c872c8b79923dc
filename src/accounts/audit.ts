import type { Queryable } from '../core/index.ts';
import type { Actor } from './roles.ts';

/** One write as the audit log records it. */
export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

/**
 * Records a write. Call it inside the transaction of the write itself, so that a write and its
 * entry land together or not at all.
 */
export async function recordAudit(q: Queryable, actor: Actor, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      actor.id,
      actor.name,
      e.action,
      e.entity,
      e.entityId,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

/** The newest entries of the dataset being read first, optionally of one record. */
export function listAudit(
  q: Queryable,
  f: { entity?: string; entityId?: string; limit?: number } = {},
): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT id, at, actor_id, actor, action, entity, entity_id, before, after FROM audit_log
      WHERE namespace = current_schema()
        AND ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
      ORDER BY id DESC LIMIT $3`,
    [f.entity ?? null, f.entityId ?? null, f.limit ?? 200],
  );
}
