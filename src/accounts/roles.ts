import { z } from 'zod';
import { EntenteError } from '../core/index.ts';

/**
 * The roles, from least to most trusted. Anonymous readers are viewers; each role can do all that
 * the roles before it can.
 */
export const Role = z.enum(['viewer', 'contributor', 'editor', 'admin']);
export type Role = z.infer<typeof Role>;

/** What a write is allowed to do; checked by the services, whatever the channel (form, API, CLI). */
export type Permission =
  | 'assessment.draft'
  | 'assessment.review'
  | 'assessment.publish'
  | 'assessment.correct'
  | 'link.write'
  | 'audit.read'
  | 'users.manage';

// The lowest role holding each permission.
const LOWEST: Record<Permission, Role> = {
  'assessment.draft': 'contributor',
  'assessment.review': 'editor',
  'assessment.publish': 'editor',
  'assessment.correct': 'editor',
  'link.write': 'editor',
  'audit.read': 'editor',
  'users.manage': 'admin',
};

const RANK: Record<Role, number> = { viewer: 0, contributor: 1, editor: 2, admin: 3 };

/** Whether `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[LOWEST[permission]];
}

/** Who is acting: a signed-in user, a script with a token, the CLI, or an anonymous reader. */
export interface Actor {
  /** The user's id; null for anonymous readers and for the dataset importer. */
  id: number | null;
  /** How the actor is named in the record and the audit log. */
  name: string;
  role: Role;
}

export const ANONYMOUS: Actor = { id: null, name: 'anonymous', role: 'viewer' };

/**
 * Thrown when an actor lacks a permission: `login_required` (401) for anonymous callers, who may
 * be allowed once logged in, `forbidden` (403) for others.
 */
export class ForbiddenError extends EntenteError {
  constructor(
    readonly actor: Actor,
    readonly permission: Permission | string,
    message?: string,
  ) {
    const anonymous = actor.id === null;
    super(
      message ?? `${anonymous ? 'Log in' : 'Your role does not allow you'} to do this (${permission}).`,
      anonymous ? 'login_required' : 'forbidden',
      anonymous ? 401 : 403,
    );
    this.name = 'ForbiddenError';
  }
}

/** Throws unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError(actor, permission);
}
