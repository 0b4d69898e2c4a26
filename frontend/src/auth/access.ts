import type { Role } from './session';

/**
 * Which roles may open which area, and which may change things there. The API enforces the same
 * rules; this table only keeps people from screens that would refuse them.
 */
export type Area =
  | 'home'
  | 'account'
  | 'leads'
  | 'pipeline'
  | 'leadImport'
  | 'assignmentRules'
  | 'users'
  | 'teams'
  | 'tenantSettings'
  | 'featureFlags'
  | 'customFields'
  | 'audit';

interface AreaAccess {
  view: readonly Role[] | 'everyone';
  manage: readonly Role[];
}

const TENANT_ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'AGENT'];

const ACCESS: Record<Area, AreaAccess> = {
  home: { view: 'everyone', manage: [] },
  account: { view: 'everyone', manage: [] },
  // Leads are the tenant's people's work: not a platform operator's. lead-service scopes what each
  // role sees (agents their own leads, supervisors their team's, admins all); supervisors and
  // admins also delete, assign and act in bulk.
  leads: { view: TENANT_ROLES, manage: ['ADMIN', 'SUPERVISOR'] },
  // Everyone moves their leads on the board; only admins change its stages.
  pipeline: { view: TENANT_ROLES, manage: ['ADMIN'] },
  leadImport: { view: ['ADMIN', 'SUPERVISOR'], manage: ['ADMIN', 'SUPERVISOR'] },
  assignmentRules: { view: ['ADMIN'], manage: ['ADMIN'] },
  // Supervisors see their own team (the API scopes the list); only admins change users and teams.
  users: { view: ['ADMIN', 'SUPERVISOR'], manage: ['ADMIN'] },
  teams: { view: ['ADMIN', 'SUPERVISOR'], manage: ['ADMIN'] },
  tenantSettings: { view: ['ADMIN'], manage: ['ADMIN'] },
  featureFlags: { view: ['ADMIN'], manage: ['ADMIN'] },
  customFields: { view: ['ADMIN'], manage: ['ADMIN'] },
  audit: { view: ['ADMIN'], manage: [] },
};

export function canView(area: Area, roles: readonly Role[] | undefined): boolean {
  const { view } = ACCESS[area];
  if (view === 'everyone') return roles !== undefined;
  return (roles ?? []).some((role) => view.includes(role));
}

export function canManage(area: Area, roles: readonly Role[] | undefined): boolean {
  return (roles ?? []).some((role) => ACCESS[area].manage.includes(role));
}

const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  SUPERVISOR: 'Supervisor',
  AGENT: 'Agent',
  PLATFORM_ADMIN: 'Platform operator',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** The role that best describes someone, for the header: the most powerful one they hold. */
export function primaryRole(roles: readonly Role[]): Role | undefined {
  const order: Role[] = ['PLATFORM_ADMIN', 'ADMIN', 'SUPERVISOR', 'AGENT'];
  return order.find((role) => roles.includes(role));
}
