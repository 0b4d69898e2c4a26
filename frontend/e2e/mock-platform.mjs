#!/usr/bin/env node
// A stand-in for the platform behind the gateway, for running the browser tests and looking at
// the SPA without the services: serves dist/ (SPA fallback) and an in-memory user-service that
// answers like the real one (user-service/src/main/java, openapi/user-service.json): the same
// record shapes with nulls written out, `{items, nextCursor}` pages, the same roles, and
// problem+json errors with the same types, titles, field names and messages.
// Not a test of the backend: the real platform is what the browser tests are meant to run against.
//
//   node e2e/mock-platform.mjs [port]        (default 4173; MOCK_ACCESS_TTL=seconds, default 900)
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const ACCESS_TTL = Number(process.env.MOCK_ACCESS_TTL ?? 900);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.map': 'application/json', '.png': 'image/png' };

// user-service's FeatureFlag registry, in its order.
const FLAGS = [
  ['leadImport', 'BOOLEAN', true, 'Admins and supervisors can import leads from spreadsheets'],
  ['roundRobinAssignment', 'BOOLEAN', false, 'New leads are assigned to agents in turn, automatically'],
  ['smsCampaigns', 'BOOLEAN', false, 'SMS campaigns can be sent (charged per message)'],
  ['emailCampaigns', 'BOOLEAN', true, 'Email campaigns can be sent'],
  ['clickToCall', 'BOOLEAN', false, 'Agents can call a lead from the CRM through RingCentral'],
  ['aiCoaching', 'BOOLEAN', false, 'Agents get AI-generated coaching insights on their calls'],
  ['lenderMarketplace', 'BOOLEAN', false, "Loan officers can match scenarios against lenders' products"],
  ['mismoExport', 'BOOLEAN', true, 'Loan applications can be exported as MISMO 3.4 files'],
  ['maxUsers', 'INTEGER', 25, 'How many active users the tenant may have', { minimum: 1, maximum: 10000 }],
  ['dataRetentionDays', 'INTEGER', 1095, 'Days closed leads and call records are kept before they are purged', { minimum: 30, maximum: 3650 }],
  ['leadDedupeMatch', 'STRING', 'EMAIL_OR_PHONE', 'Which details make an imported or new lead a duplicate of an existing one', { allowedValues: ['EMAIL', 'PHONE', 'EMAIL_OR_PHONE', 'NONE'] }],
  ['scoreboardPeriod', 'STRING', 'WEEKLY', 'The period coaching scoreboards and leaderboards rank agents over', { allowedValues: ['DAILY', 'WEEKLY', 'MONTHLY'] }],
];

const db = { tenants: new Map(), users: new Map(), teams: new Map(), access: new Map(), refresh: new Map(), fields: new Map(), audit: [] };
const now = () => new Date().toISOString();

// The platform's problem types and default titles (common/problem/ProblemTypes).
const KINDS = {
  400: ['validation', 'Validation failed'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  409: ['conflict', 'Conflict'],
  422: ['business-rule', 'Business rule violated'],
  429: ['too-many-requests', 'Too Many Requests'],
};
class Problem extends Error {
  constructor(status, detail, { errors, title, headers = {} } = {}) {
    super(detail);
    Object.assign(this, { status, detail, errors, title, headers });
  }
}
const invalid = (errors, detail) => new Problem(400, detail ?? (errors.length === 1 ? errors[0].message : `${errors.length} fields are not valid`), { errors });
const unauthorized = () => new Problem(401, 'A valid access token is required; sign in again');
const notFound = (what, id) => new Problem(404, `${what} ${id} not found`);

function check(body, checks) {
  const errors = [];
  for (const [field, ok, message] of checks) if (!ok(body[field])) errors.push({ field, message });
  if (errors.length) throw invalid(errors);
}
const nonBlank = (v) => typeof v === 'string' && v.trim() !== '';
const isEmail = (v) => typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v);

/** user-service's PasswordPolicy: 12+ characters, a letter and a digit, not the email's local part. */
function enforcePassword(field, password, email) {
  const messages = [];
  if (typeof password !== 'string' || password === '') messages.push('Choose a password');
  else {
    if (password.length < 12) messages.push('Password must be at least 12 characters long');
    if (!/\p{L}/u.test(password) || !/\d/.test(password)) messages.push('Password must contain at least one letter and one digit');
    const local = typeof email === 'string' ? email.split('@')[0].toLowerCase() : '';
    if (local.length >= 3 && password.toLowerCase().includes(local)) messages.push('Password must not contain the part of your email before the @');
  }
  if (messages.length) throw invalid(messages.map((message) => ({ field, message })), messages.length === 1 ? messages[0] : `The password does not meet ${messages.length} of the rules`);
}

const byRoleName = (roles) => [...roles].sort();
function userView(u) {
  return { id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, fullName: `${u.firstName} ${u.lastName}`, roles: byRoleName(u.roles), teamId: u.teamId, active: u.active, createdAt: u.createdAt, updatedAt: u.updatedAt, deactivatedAt: u.deactivatedAt };
}
function sessionUser(u) {
  return { id: u.id, tenantId: u.tenantId, email: u.email, firstName: u.firstName, lastName: u.lastName, roles: byRoleName(u.roles), teamId: u.teamId };
}
function issue(user) {
  const accessToken = `mock.${randomBytes(16).toString('hex')}`;
  const refreshToken = randomBytes(24).toString('base64url');
  db.access.set(accessToken, { userId: user.id, exp: Date.now() + ACCESS_TTL * 1000 });
  db.refresh.set(refreshToken, { userId: user.id, exp: Date.now() + 8 * 3600_000 });
  return { accessToken, tokenType: 'Bearer', expiresIn: ACCESS_TTL, refreshToken, refreshExpiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(), user: sessionUser(user) };
}
function audit(user, action, targetType, targetId, details = {}) {
  db.audit.unshift({ id: randomUUID(), tenantId: user.tenantId, occurredAt: now(), actorId: user.id, actorEmail: user.email, action, targetType, targetId, details, requestId: randomUUID() });
}
function caller(req) {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const session = db.access.get(token);
  if (!session || session.exp < Date.now()) throw unauthorized();
  const user = db.users.get(session.userId);
  if (!user || !user.active) throw unauthorized();
  return user;
}
const has = (user, ...roles) => user.roles.some((r) => roles.includes(r));
function admin(user) {
  if (!has(user, 'ADMIN')) throw new Problem(403, 'Your role does not allow this action');
}
function tenantUser(user, id) {
  const target = db.users.get(id);
  if (!target || target.tenantId !== user.tenantId) throw notFound('User', id);
  return target;
}
function visible(user, target) {
  return has(user, 'ADMIN') || target.id === user.id || (has(user, 'SUPERVISOR') && user.teamId && target.teamId === user.teamId);
}
function tenantTeam(user, id) {
  const team = db.teams.get(id);
  if (!team || team.tenantId !== user.tenantId) throw notFound('Team', id);
  return team;
}
function teamOfTenant(user, teamId) {
  if (teamId && db.teams.get(teamId)?.tenantId !== user.tenantId) throw invalid([{ field: 'teamId', message: 'There is no such team' }]);
}
function lastActiveAdmin(user, target, action) {
  const admins = [...db.users.values()].filter((u) => u.tenantId === user.tenantId && u.active && u.roles.includes('ADMIN'));
  if (target.roles.includes('ADMIN') && target.active && admins.length <= 1) throw new Problem(422, `You cannot ${action} the last active admin; make another user an admin first`);
}
function roomForActiveUser(user) {
  const limit = flagValue(db.tenants.get(user.tenantId), 'maxUsers');
  if ([...db.users.values()].filter((u) => u.tenantId === user.tenantId && u.active).length >= limit) throw new Problem(422, `Your organisation already has its maximum of ${limit} active users; deactivate someone or raise the limit`);
}
function appoint(user, team, supervisorId) {
  const supervisor = db.users.get(supervisorId);
  if (!supervisor || supervisor.tenantId !== user.tenantId || !supervisor.active || !has(supervisor, 'SUPERVISOR', 'ADMIN')) throw invalid([{ field: 'supervisorId', message: 'Choose an active user with the SUPERVISOR or ADMIN role' }]);
  supervisor.teamId = team.id;
}
function uniqueTeamName(user, name, except) {
  if ([...db.teams.values()].some((t) => t.tenantId === user.tenantId && t.id !== except && t.name.toLowerCase() === name.trim().toLowerCase())) throw new Problem(409, `A team named '${name.trim()}' already exists`);
}
function teamView(team) {
  const members = [...db.users.values()].filter((u) => u.teamId === team.id).map((u) => ({ id: u.id, firstName: u.firstName, lastName: u.lastName, fullName: `${u.firstName} ${u.lastName}`, email: u.email, roles: u.roles, active: u.active }));
  return { id: team.id, name: team.name, supervisorId: team.supervisorId, members, createdAt: team.createdAt, updatedAt: team.updatedAt };
}
const flagValue = (tenant, key) => (key in tenant.flags ? tenant.flags[key].value : FLAGS.find(([k]) => k === key)[2]);
function flagsOf(tenant) {
  return FLAGS.map(([key, type, def, description, extra = {}]) => ({
    key, type, value: flagValue(tenant, key), defaultValue: def, description,
    allowedValues: extra.allowedValues ?? null, minimum: extra.minimum ?? null, maximum: extra.maximum ?? null,
    overridden: key in tenant.flags, updatedAt: tenant.flags[key]?.updatedAt ?? null, updatedBy: tenant.flags[key]?.updatedBy ?? null,
  }));
}
/** FeatureFlag.accept and expectation: the value in the flag's type, or a field error. */
function flagProblem(key, value) {
  const flag = FLAGS.find(([k]) => k === key);
  if (!flag) return 'is not a known feature flag';
  const [, type, , , extra = {}] = flag;
  if (value === null) return null;
  if (type === 'BOOLEAN') return typeof value === 'boolean' ? null : 'must be true or false';
  if (type === 'INTEGER') return Number.isInteger(value) && value >= extra.minimum && value <= extra.maximum ? null : `must be a whole number from ${extra.minimum} to ${extra.maximum}`;
  return extra.allowedValues.includes(value) ? null : `must be one of ${extra.allowedValues.join(', ')}`;
}
const blankToNull = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
function settingsOf(tenant) {
  return tenant.settings
    ? { ...tenant.settings, companyName: tenant.name }
    : { companyName: tenant.name, legalName: null, nmlsId: null, phone: null, email: null, website: null, address: { line1: null, line2: null, city: null, state: null, postalCode: null }, timeZone: 'America/New_York', locale: 'en-US', branding: { logoUrl: null, primaryColor: '#0066FF' }, version: 0, updatedAt: null, updatedBy: null };
}
/** UpdateTenantSettings: blanks and absent fields become null, codes are upper-cased. */
function normaliseSettings(body) {
  const address = body.address ?? {};
  const branding = body.branding ?? {};
  return {
    companyName: body.companyName.trim(), legalName: blankToNull(body.legalName), nmlsId: blankToNull(body.nmlsId), phone: blankToNull(body.phone), email: blankToNull(body.email), website: blankToNull(body.website),
    address: { line1: blankToNull(address.line1), line2: blankToNull(address.line2), city: blankToNull(address.city), state: blankToNull(address.state)?.toUpperCase() ?? null, postalCode: blankToNull(address.postalCode) },
    timeZone: body.timeZone.trim(), locale: body.locale.trim(),
    branding: { logoUrl: blankToNull(branding.logoUrl), primaryColor: blankToNull(branding.primaryColor)?.toUpperCase() ?? '#0066FF' },
  };
}
function flatten(settings) {
  const { address, branding, version: _v, updatedAt: _u, updatedBy: _b, ...rest } = settings;
  return { ...rest, ...Object.fromEntries(Object.entries(address).map(([k, v]) => [`address.${k}`, v])), ...Object.fromEntries(Object.entries(branding).map(([k, v]) => [`branding.${k}`, v])) };
}
function fieldView(field) {
  const { tenantId: _t, ...view } = field;
  return view;
}
function checkedOptions(type, options) {
  const given = (options ?? []).map((o) => (o ?? '').trim());
  if (type !== 'SELECT') {
    if (given.length) throw invalid([{ field: 'options', message: `Only SELECT fields have options; leave options out for a ${type} field` }]);
    return [];
  }
  if (!given.length) throw invalid([{ field: 'options', message: 'A SELECT field needs at least one option to choose from' }]);
  if (given.some((o) => o === '')) throw invalid([{ field: 'options', message: 'Options must not be blank' }]);
  const seen = new Set();
  const repeated = given.filter((o) => seen.size === seen.add(o.toLowerCase()).size);
  if (repeated.length) throw invalid([{ field: 'options', message: `Options must be distinct; repeated: ${repeated.join(', ')}` }]);
  return given;
}
function page(items, limit, cursor) {
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
  const size = Math.min(Number(limit) || 50, 200);
  const slice = items.slice(start, start + size);
  return { items: slice, nextCursor: start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : null };
}

const routes = [
  ['POST', '/api/auth/register', (_req, body) => {
    check(body, [
      ['companyName', nonBlank, "Enter your company's name"], ['firstName', nonBlank, 'Enter your first name'],
      ['lastName', nonBlank, 'Enter your last name'], ['email', isEmail, 'Enter a valid email address'],
      ['password', nonBlank, 'Choose a password'],
    ]);
    enforcePassword('password', body.password, body.email);
    if ([...db.users.values()].some((u) => u.email === body.email.toLowerCase())) throw new Problem(409, 'An account with this email already exists');
    const tenant = { id: randomUUID(), name: body.companyName.trim(), status: 'ACTIVE', flags: {}, settings: null, createdAt: now() };
    db.tenants.set(tenant.id, tenant);
    const user = { id: randomUUID(), tenantId: tenant.id, email: body.email.toLowerCase(), firstName: body.firstName, lastName: body.lastName, roles: ['ADMIN'], teamId: null, active: true, passwordHash: body.password, createdAt: now(), updatedAt: now(), deactivatedAt: null };
    db.users.set(user.id, user);
    audit(user, 'TENANT_REGISTERED', 'tenant', tenant.id, { name: tenant.name });
    return [201, issue(user)];
  }],
  ['POST', '/api/auth/login', (_req, body) => {
    check(body, [['email', nonBlank, 'Enter your email address'], ['password', nonBlank, 'Enter your password']]);
    const user = [...db.users.values()].find((u) => u.email === body.email.toLowerCase());
    if (!user || user.passwordHash !== body.password || !user.active) throw new Problem(401, 'Invalid email or password', { title: 'Sign-in failed' });
    audit(user, 'LOGIN_SUCCEEDED', 'user', user.id);
    return [200, issue(user)];
  }],
  ['POST', '/api/auth/refresh', (_req, body) => {
    const session = db.refresh.get(body.refreshToken);
    db.refresh.delete(body.refreshToken);
    if (!session || session.exp < Date.now()) throw new Problem(401, 'Your session has ended; sign in again', { title: 'Session ended' });
    const user = db.users.get(session.userId);
    if (!user?.active) throw new Problem(401, 'Your session has ended; sign in again', { title: 'Session ended' });
    return [200, issue(user)];
  }],
  ['POST', '/api/auth/logout', (req, body) => {
    const user = caller(req);
    db.access.delete((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (body?.refreshToken) db.refresh.delete(body.refreshToken);
    audit(user, 'LOGOUT', 'user', user.id);
    return [204];
  }],
  ['GET', '/api/auth/me', (req) => {
    const user = caller(req);
    const tenant = db.tenants.get(user.tenantId);
    return [200, { ...sessionUser(user), tenant: { id: tenant.id, name: tenant.name, status: tenant.status } }];
  }],
  ['GET', '/api/users', (req, _b, _p, query) => {
    const user = caller(req);
    const q = (query.get('q') ?? '').toLowerCase();
    const items = [...db.users.values()]
      .filter((u) => u.tenantId === user.tenantId && visible(user, u))
      .filter((u) => !q || `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(q))
      .filter((u) => !query.get('role') || u.roles.includes(query.get('role')))
      .filter((u) => !query.get('teamId') || u.teamId === query.get('teamId'))
      .filter((u) => !query.has('active') || String(u.active) === query.get('active'))
      // UserDirectory's order: lower(first_name || ' ' || last_name), then id.
      .sort((a, b) => `${a.firstName} ${a.lastName}`.toLowerCase().localeCompare(`${b.firstName} ${b.lastName}`.toLowerCase()) || a.id.localeCompare(b.id))
      .map(userView);
    return [200, page(items, query.get('limit'), query.get('cursor'))];
  }],
  ['POST', '/api/users', (req, body) => {
    const user = caller(req);
    admin(user);
    check(body, [
      ['email', isEmail, 'Email must be a valid email address'], ['firstName', nonBlank, 'First name is required'],
      ['lastName', nonBlank, 'Last name is required'], ['password', nonBlank, 'An initial password is required'],
      ['roles', (r) => Array.isArray(r) && r.length > 0, 'Choose at least one role'],
    ]);
    if (body.roles.some((r) => !['ADMIN', 'SUPERVISOR', 'AGENT'].includes(r))) throw invalid([{ field: 'roles[]', message: 'Roles can be ADMIN, SUPERVISOR or AGENT' }]);
    enforcePassword('password', body.password, body.email);
    if ([...db.users.values()].some((u) => u.email === body.email.toLowerCase())) throw new Problem(409, 'An account with this email already exists');
    teamOfTenant(user, body.teamId);
    roomForActiveUser(user);
    const created = { id: randomUUID(), tenantId: user.tenantId, email: body.email.toLowerCase(), firstName: body.firstName.trim(), lastName: body.lastName.trim(), roles: byRoleName(body.roles), teamId: body.teamId ?? null, active: true, passwordHash: body.password, createdAt: now(), updatedAt: now(), deactivatedAt: null };
    db.users.set(created.id, created);
    audit(user, 'USER_CREATED', 'user', created.id, { email: created.email, roles: created.roles, teamId: created.teamId });
    return [201, userView(created)];
  }],
  ['POST', '/api/users/me/password', (req, body) => {
    const user = caller(req);
    check(body, [['currentPassword', nonBlank, 'Enter your current password'], ['newPassword', nonBlank, 'Enter a new password']]);
    if (user.passwordHash !== body.currentPassword) throw invalid([{ field: 'currentPassword', message: 'The current password is not correct' }]);
    if (body.newPassword === body.currentPassword) throw invalid([{ field: 'newPassword', message: 'Choose a password different from the current one' }]);
    enforcePassword('newPassword', body.newPassword, user.email);
    user.passwordHash = body.newPassword;
    audit(user, 'PASSWORD_CHANGED', 'user', user.id);
    return [204];
  }],
  ['GET', '/api/users/:id', (req, _b, { id }) => {
    const user = caller(req);
    const target = tenantUser(user, id);
    if (!visible(user, target)) throw notFound('User', id);
    return [200, userView(target)];
  }],
  ['PUT', '/api/users/:id', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    check(body, [['email', isEmail, 'Email must be a valid email address'], ['firstName', nonBlank, 'First name is required'], ['lastName', nonBlank, 'Last name is required']]);
    const email = body.email.toLowerCase();
    if (email !== target.email && [...db.users.values()].some((u) => u.email === email)) throw new Problem(409, 'An account with this email already exists');
    Object.assign(target, { email, firstName: body.firstName.trim(), lastName: body.lastName.trim(), updatedAt: now() });
    audit(user, 'USER_UPDATED', 'user', id);
    return [200, userView(target)];
  }],
  ['PUT', '/api/users/:id/roles', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    check(body, [['roles', (r) => Array.isArray(r) && r.length > 0, 'Choose at least one role']]);
    if (!body.roles.includes('ADMIN')) lastActiveAdmin(user, target, 'demote');
    const before = target.roles;
    target.roles = byRoleName(body.roles);
    audit(user, 'ROLES_CHANGED', 'user', id, { oldRoles: before, newRoles: target.roles });
    return [200, userView(target)];
  }],
  ['PUT', '/api/users/:id/team', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    teamOfTenant(user, body.teamId);
    target.teamId = body.teamId ?? null;
    audit(user, 'TEAM_CHANGED', 'user', id, { teamId: target.teamId });
    return [200, userView(target)];
  }],
  ['POST', '/api/users/:id/deactivate', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    lastActiveAdmin(user, target, 'deactivate');
    Object.assign(target, { active: false, deactivatedAt: now(), updatedAt: now() });
    audit(user, 'USER_DEACTIVATED', 'user', id, { email: target.email });
    return [200, userView(target)];
  }],
  ['POST', '/api/users/:id/reactivate', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    if (!target.active) roomForActiveUser(user);
    Object.assign(target, { active: true, deactivatedAt: null, updatedAt: now() });
    audit(user, 'USER_REACTIVATED', 'user', id, { email: target.email });
    return [200, userView(target)];
  }],
  ['DELETE', '/api/users/:id', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    lastActiveAdmin(user, target, 'delete');
    db.users.delete(id);
    for (const team of db.teams.values()) if (team.supervisorId === id) team.supervisorId = null;
    audit(user, 'USER_DELETED', 'user', id, { email: target.email });
    return [204];
  }],
  ['GET', '/api/teams', (req) => {
    const user = caller(req);
    const teams = [...db.teams.values()]
      .filter((t) => t.tenantId === user.tenantId && (has(user, 'ADMIN') || t.id === user.teamId))
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));
    return [200, teams.map((t) => ({ id: t.id, name: t.name, supervisorId: t.supervisorId, memberCount: [...db.users.values()].filter((u) => u.teamId === t.id).length, createdAt: t.createdAt, updatedAt: t.updatedAt }))];
  }],
  ['POST', '/api/teams', (req, body) => {
    const user = caller(req);
    admin(user);
    check(body, [['name', nonBlank, 'Team name is required']]);
    uniqueTeamName(user, body.name);
    const team = { id: randomUUID(), tenantId: user.tenantId, name: body.name.trim(), supervisorId: body.supervisorId ?? null, createdAt: now(), updatedAt: now() };
    if (team.supervisorId) appoint(user, team, team.supervisorId);
    db.teams.set(team.id, team);
    audit(user, 'TEAM_CHANGED', 'team', team.id, { name: team.name, change: 'CREATED', supervisorId: team.supervisorId });
    return [201, teamView(team)];
  }],
  ['GET', '/api/teams/:id', (req, _b, { id }) => {
    const user = caller(req);
    const team = tenantTeam(user, id);
    if (!has(user, 'ADMIN') && user.teamId !== id) throw notFound('Team', id);
    return [200, teamView(team)];
  }],
  ['PUT', '/api/teams/:id', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const team = tenantTeam(user, id);
    check(body, [['name', nonBlank, 'Team name is required']]);
    uniqueTeamName(user, body.name, id);
    if (body.supervisorId) appoint(user, team, body.supervisorId);
    Object.assign(team, { name: body.name.trim(), supervisorId: body.supervisorId ?? null, updatedAt: now() });
    audit(user, 'TEAM_CHANGED', 'team', id, { change: 'UPDATED', newName: team.name, newSupervisorId: team.supervisorId });
    return [200, teamView(team)];
  }],
  ['DELETE', '/api/teams/:id', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    const team = tenantTeam(user, id);
    db.teams.delete(id);
    for (const u of db.users.values()) if (u.teamId === id) u.teamId = null;
    audit(user, 'TEAM_CHANGED', 'team', id, { name: team.name, change: 'DELETED' });
    return [204];
  }],
  ['GET', '/api/settings/tenant', (req) => {
    const user = caller(req);
    return [200, settingsOf(db.tenants.get(user.tenantId))];
  }],
  ['PUT', '/api/settings/tenant', (req, body) => {
    const user = caller(req);
    admin(user);
    const tenant = db.tenants.get(user.tenantId);
    check(body, [
      ['companyName', nonBlank, 'Company name is required'], ['timeZone', nonBlank, 'Time zone is required'], ['locale', nonBlank, 'Locale is required'],
      ['version', (v) => Number.isInteger(v) && v >= 0, 'Send the version you loaded, so that no one else\'s edit is overwritten'],
    ]);
    if (body.branding?.primaryColor && !/^#[0-9A-Fa-f]{6}$/.test(body.branding.primaryColor)) throw invalid([{ field: 'branding.primaryColor', message: 'Primary colour must be a hex colour such as #0066FF' }]);
    const before = settingsOf(tenant);
    if (body.version !== before.version) throw new Problem(409, `The settings were changed by someone else since you loaded them (you sent version ${body.version}, the current version is ${before.version}); reload them and apply your changes again`);
    const after = normaliseSettings(body);
    const old = flatten(before);
    const changes = Object.fromEntries(Object.entries(flatten(after)).filter(([k, v]) => old[k] !== v).map(([k, v]) => [k, { old: old[k], new: v }]));
    if (Object.keys(changes).length === 0) return [200, before];
    tenant.name = after.companyName;
    tenant.settings = { ...after, version: before.version + 1, updatedAt: now(), updatedBy: user.id };
    audit(user, 'TENANT_SETTINGS_CHANGED', 'TENANT_SETTINGS', tenant.id, { changes });
    return [200, settingsOf(tenant)];
  }],
  ['GET', '/api/settings/features', (req) => [200, flagsOf(db.tenants.get(caller(req).tenantId))]],
  ['PUT', '/api/settings/features', (req, body) => {
    const user = caller(req);
    admin(user);
    const tenant = db.tenants.get(user.tenantId);
    const errors = Object.entries(body).map(([field, value]) => ({ field, message: flagProblem(field, value) })).filter((e) => e.message).sort((a, b) => a.field.localeCompare(b.field));
    if (errors.length) throw invalid(errors, errors.length === 1 ? `${errors[0].field}: ${errors[0].message}` : `${errors.length} feature flags are not valid`);
    const changes = {};
    for (const [key, value] of Object.entries(body)) {
      const old = flagValue(tenant, key);
      if (value === null) delete tenant.flags[key];
      else tenant.flags[key] = { value, updatedAt: now(), updatedBy: user.id };
      if (flagValue(tenant, key) !== old) changes[key] = { old, new: flagValue(tenant, key) };
    }
    if (Object.keys(changes).length) audit(user, 'FEATURE_FLAGS_CHANGED', 'FEATURE_FLAGS', tenant.id, { changes });
    return [200, flagsOf(tenant)];
  }],
  ['GET', '/api/settings/custom-fields', (req, _b, _p, query) => {
    const user = caller(req);
    return [200, [...db.fields.values()]
      .filter((f) => f.tenantId === user.tenantId && (!query.get('entity') || f.entity === query.get('entity')))
      .sort((a, b) => a.entity.localeCompare(b.entity) || a.position - b.position || a.key.localeCompare(b.key))
      .map(fieldView)];
  }],
  ['POST', '/api/settings/custom-fields', (req, body) => {
    const user = caller(req);
    admin(user);
    check(body, [
      ['entity', (e) => ['LEAD', 'CALL', 'APPLICATION'].includes(e), 'Entity must be LEAD, CALL or APPLICATION'],
      ['key', (k) => typeof k === 'string' && /^[a-z][a-zA-Z0-9_]{0,49}$/.test(k), 'Key must start with a lower-case letter and have only letters, digits and underscores (at most 50 characters), e.g. loanPurpose or loan_purpose'],
      ['label', nonBlank, 'Label is required'],
      ['type', (t) => ['TEXT', 'NUMBER', 'DATE', 'SELECT', 'BOOLEAN'].includes(t), 'Type must be TEXT, NUMBER, DATE, SELECT or BOOLEAN'],
    ]);
    const options = checkedOptions(body.type, body.options);
    const siblings = [...db.fields.values()].filter((f) => f.tenantId === user.tenantId && f.entity === body.entity);
    if (siblings.some((f) => f.key === body.key)) throw new Problem(409, `A custom field with the key '${body.key}' already exists for ${body.entity.toLowerCase()}s`);
    const position = body.position ?? Math.max(-1, ...siblings.map((f) => f.position)) + 1;
    const field = { id: randomUUID(), tenantId: user.tenantId, entity: body.entity, key: body.key, label: body.label.trim(), type: body.type, options, required: Boolean(body.required), position, createdAt: now(), updatedAt: now() };
    db.fields.set(field.id, field);
    audit(user, 'CUSTOM_FIELDS_CHANGED', 'CUSTOM_FIELD', field.id, { key: field.key, type: field.type, entity: field.entity, operation: 'CREATED' });
    return [201, fieldView(field)];
  }],
  ['PUT', '/api/settings/custom-fields/:id', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const field = db.fields.get(id);
    if (!field || field.tenantId !== user.tenantId) throw notFound('Custom field', id);
    check(body, [['label', nonBlank, 'Label is required'], ['required', (r) => typeof r === 'boolean', 'Say whether the field is required (true or false)']]);
    if (body.key !== undefined && body.key !== field.key) throw new Problem(422, `The key of custom field '${field.key}' cannot change`);
    if (body.type !== undefined && body.type !== field.type) throw new Problem(422, `The type of custom field '${field.key}' cannot change`);
    Object.assign(field, { label: body.label.trim(), options: checkedOptions(field.type, body.options), required: body.required, position: body.position ?? field.position, updatedAt: now() });
    audit(user, 'CUSTOM_FIELDS_CHANGED', 'CUSTOM_FIELD', field.id, { key: field.key, type: field.type, entity: field.entity, operation: 'UPDATED' });
    return [200, fieldView(field)];
  }],
  ['DELETE', '/api/settings/custom-fields/:id', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    const field = db.fields.get(id);
    if (!field || field.tenantId !== user.tenantId) throw notFound('Custom field', id);
    db.fields.delete(id);
    audit(user, 'CUSTOM_FIELDS_CHANGED', 'CUSTOM_FIELD', id, { key: field.key, type: field.type, entity: field.entity, operation: 'DELETED' });
    return [204];
  }],
  ['GET', '/api/settings/audit', (req, _b, _p, query) => {
    const user = caller(req);
    admin(user);
    const items = db.audit.filter((e) => e.tenantId === user.tenantId && (!query.get('action') || e.action === query.get('action'))).map(({ tenantId: _t, ...e }) => e);
    return [200, page(items, query.get('limit'), query.get('cursor'))];
  }],
];

function match(method, path) {
  for (const [m, pattern, handler] of routes) {
    if (m !== method) continue;
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
    const found = regex.exec(path);
    if (found) return { handler, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])])) };
  }
  return null;
}

function send(res, status, body, headers = {}, type = 'application/json') {
  res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': type }), 'cache-control': 'no-store', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** The platform's problem+json: type, title, status, detail, instance, requestId, errors. */
function problemBody(status, { detail, title, errors }, instance, requestId) {
  const [slug, defaultTitle] = KINDS[status] ?? ['internal', 'Internal Server Error'];
  return { type: `https://chosencrm.dev/problems/${slug}`, title: title ?? defaultTitle, status, detail, instance, requestId, ...(errors ? { errors } : {}) };
}

async function api(req, res, url) {
  const requestId = randomUUID();
  const headers = { 'x-request-id': requestId };
  const route = match(req.method, url.pathname);
  if (!route) return send(res, 404, problemBody(404, { detail: `No endpoint ${req.method} ${url.pathname}` }, url.pathname, requestId), headers, 'application/problem+json');
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try {
    const body = raw ? JSON.parse(raw) : {};
    const [status, payload] = route.handler(req, body, route.params, url.searchParams);
    send(res, status, payload, headers);
  } catch (error) {
    if (!(error instanceof Problem)) {
      console.error(error);
      return send(res, 500, problemBody(500, { detail: 'Something went wrong; quote the request id' }, url.pathname, requestId), headers, 'application/problem+json');
    }
    send(res, error.status, problemBody(error.status, error, url.pathname, requestId), { ...headers, ...error.headers }, 'application/problem+json');
  }
}

function serveStatic(res, path) {
  const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, safe);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
  if (!existsSync(file)) return send(res, 500, { detail: 'dist/ is missing: run npm run build first' });
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

export function startMockPlatform(port = 4173) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/api/')) return void api(req, res, url);
    serveStatic(res, url.pathname);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.argv[2] ?? 4173);
  await startMockPlatform(port);
  console.log(`Mock platform (SPA + in-memory user-service) on http://localhost:${port}`);
}
