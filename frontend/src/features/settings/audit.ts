import type { AuditEntry } from '@/api/userService';

/** Every action the audit trail records (user-service's AuditAction), for the filter. */
export const AUDIT_ACTIONS = [
  'TENANT_REGISTERED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED', 'LOGOUT', 'REFRESH_TOKEN_REUSED',
  'PASSWORD_CHANGED', 'USER_CREATED', 'USER_UPDATED', 'USER_DEACTIVATED', 'USER_REACTIVATED', 'USER_DELETED',
  'ROLES_CHANGED', 'TEAM_CHANGED', 'TENANT_SETTINGS_CHANGED', 'FEATURE_FLAGS_CHANGED', 'CUSTOM_FIELDS_CHANGED',
  'TENANT_SUSPENDED', 'TENANT_REACTIVATED',
] as const;

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

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
