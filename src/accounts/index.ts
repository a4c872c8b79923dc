export { type AuditEntry, type AuditRow, listAudit, recordAudit } from './audit.ts';
export { type LoginResult, logIn } from './login.ts';
export { LoginLimiter } from './rate-limit.ts';
export {
  type Actor,
  ANONYMOUS,
  can,
  ForbiddenError,
  type Permission,
  Role,
  requirePermission,
} from './roles.ts';
export { hashSecret, newSecret, sameSecret } from './secrets.ts';
export {
  endAllSessions,
  endSession,
  SESSION_DAYS,
  type SessionUser,
  sessionUser,
  startSession,
} from './sessions.ts';
export { createToken, listTokens, revokeToken, type TokenRow, tokenUser } from './tokens.ts';
export {
  addUser,
  credentials,
  disableUser,
  enableUser,
  listUsers,
  setRole,
  Username,
  type UserRow,
} from './users.ts';
