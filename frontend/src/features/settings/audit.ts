import type { AuditEntry, AuditQuery } from '@/api/userService';

/** An action the audit trail records: user-service's AuditAction, from the `action` filter's enum. */
export type AuditAction = NonNullable<AuditQuery['action']>;

// A record, so that an action added to (or dropped from) the service's enum fails the build here.
const ACTIONS: Record<AuditAction, true> = {
  TENANT_REGISTERED: true, LOGIN_SUCCEEDED: true, LOGIN_FAILED: true, ACCOUNT_LOCKED: true, LOGOUT: true,
  REFRESH_TOKEN_REUSED: true, PASSWORD_CHANGED: true, USER_CREATED: true, USER_UPDATED: true,
  USER_DEACTIVATED: true, USER_REACTIVATED: true, USER_DELETED: true, ROLES_CHANGED: true, TEAM_CHANGED: true,
  TENANT_SETTINGS_CHANGED: true, FEATURE_FLAGS_CHANGED: true, CUSTOM_FIELDS_CHANGED: true,
  TENANT_SUSPENDED: true, TENANT_REACTIVATED: true,
};

/** Every action, in the service's order, for the filter. */
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

/** "ROLES_CHANGED" -> "Roles changed". */
export function actionLabel(action: string): string {
  const words = action.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A one-line summary of what an entry recorded, e.g. "timeZone: America/New_York → America/Chicago". */
export function summariseDetails(details: AuditEntry['details']): string {
  if (!details) return '';
  const changes = (details as { changes?: unknown }).changes;
  if (changes && typeof changes === 'object') {
    return Object.entries(changes as Record<string, unknown>)
      .map(([field, change]) => {
        if (change && typeof change === 'object' && ('old' in change || 'new' in change)) {
          const { old: before, new: after } = change as { old?: unknown; new?: unknown };
          return `${field}: ${show(before)} → ${show(after)}`;
        }
        return `${field}: ${show(change)}`;
      })
      .join('; ');
  }
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${show(value)}`)
    .join('; ');
}

/**
 * Who did it, in words. user-service writes no email for some entries: failed sign-ins and
 * lock-outs have no actor at all, and sign-outs (and a platform operator's actions) carry only the
 * actor's id, which `emails` (the tenant's users by id) may resolve.
 */
export function actorLabel(entry: Pick<AuditEntry, 'actorId' | 'actorEmail'>, emails: ReadonlyMap<string, string>): string {
  if (entry.actorEmail) return entry.actorEmail;
  if (!entry.actorId) return 'Not signed in';
  return emails.get(entry.actorId) ?? 'Unknown user';
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return value.length === 0 ? '—' : value.map(show).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
