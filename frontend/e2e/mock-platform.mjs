#!/usr/bin/env node
// A stand-in for the platform behind the gateway, for running the browser tests and looking at
// the SPA before the real services run: serves dist/ (SPA fallback) and an in-memory user-service
// that follows the same contract (openapi/user-service.json), roles and problem+json errors.
// Not a test of the backend: the real platform is what `bin/test` runs the browser tests against.
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

const FLAGS = [
  ['roundRobinAssignment', 'BOOLEAN', false, 'New leads are assigned to agents in turn, automatically'],
  ['smsCampaigns', 'BOOLEAN', false, 'SMS campaigns can be sent (charged per message)'],
  ['emailCampaigns', 'BOOLEAN', true, 'Email campaigns can be sent'],
  ['clickToCall', 'BOOLEAN', false, 'Agents can call a lead from the CRM through RingCentral'],
  ['maxUsers', 'INTEGER', 25, 'How many active users the tenant may have', { minimum: 1, maximum: 10000 }],
  ['leadDedupeMatch', 'STRING', 'EMAIL_OR_PHONE', 'How duplicate leads are recognised', { allowedValues: ['EMAIL', 'PHONE', 'EMAIL_OR_PHONE', 'NONE'] }],
];

const db = { tenants: new Map(), users: new Map(), teams: new Map(), access: new Map(), refresh: new Map(), fields: new Map(), audit: [] };
const now = () => new Date().toISOString();

class Problem extends Error {
  constructor(status, detail, errors, headers = {}) {
    super(detail);
    Object.assign(this, { status, detail, errors, headers });
  }
}
const TITLES = { 400: 'Validation failed', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests' };
const invalid = (errors) => new Problem(400, errors.length === 1 ? errors[0].message : `${errors.length} fields are not valid`, errors);

function check(body, checks) {
  const errors = [];
  for (const [field, ok, message] of checks) if (!ok(body[field])) errors.push({ field, message });
  if (errors.length) throw invalid(errors);
}
const nonBlank = (v) => typeof v === 'string' && v.trim() !== '';
const isEmail = (v) => typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v);
const passwordOk = (v) => typeof v === 'string' && v.length >= 12 && /\p{L}/u.test(v) && /\d/.test(v);

function userView(u) {
  const { passwordHash: _p, tenantId: _t, ...rest } = u;
  return { ...rest, fullName: `${u.firstName} ${u.lastName}` };
}
function sessionUser(u) {
  return { id: u.id, tenantId: u.tenantId, email: u.email, firstName: u.firstName, lastName: u.lastName, roles: [...u.roles].sort(), teamId: u.teamId };
}
function issue(user) {
  const accessToken = `mock.${randomBytes(16).toString('hex')}`;
  const refreshToken = randomBytes(24).toString('base64url');
  db.access.set(accessToken, { userId: user.id, exp: Date.now() + ACCESS_TTL * 1000 });
  db.refresh.set(refreshToken, { userId: user.id, exp: Date.now() + 8 * 3600_000 });
  return { accessToken, tokenType: 'Bearer', expiresIn: ACCESS_TTL, refreshToken, refreshExpiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(), user: sessionUser(user) };
}
function audit(user, action, targetType, targetId, details = null) {
  db.audit.unshift({ id: randomUUID(), tenantId: user.tenantId, occurredAt: now(), actorId: user.id, actorEmail: user.email, action, targetType, targetId, details, requestId: randomUUID() });
}
function caller(req) {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const session = db.access.get(token);
  if (!session || session.exp < Date.now()) throw new Problem(401, 'Sign in to continue');
  const user = db.users.get(session.userId);
  if (!user || !user.active) throw new Problem(401, 'Sign in to continue');
  return user;
}
const has = (user, ...roles) => user.roles.some((r) => roles.includes(r));
function admin(user) {
  if (!has(user, 'ADMIN')) throw new Problem(403, 'Access Denied');
}
function tenantUser(user, id) {
  const target = db.users.get(id);
  if (!target || target.tenantId !== user.tenantId) throw new Problem(404, 'No such user');
  return target;
}
function visible(user, target) {
  return has(user, 'ADMIN') || target.id === user.id || (has(user, 'SUPERVISOR') && user.teamId && target.teamId === user.teamId);
}
function tenantTeam(user, id) {
  const team = db.teams.get(id);
  if (!team || team.tenantId !== user.tenantId) throw new Problem(404, 'No such team');
  return team;
}
function teamView(team) {
  const members = [...db.users.values()].filter((u) => u.teamId === team.id).map((u) => ({ id: u.id, firstName: u.firstName, lastName: u.lastName, fullName: `${u.firstName} ${u.lastName}`, email: u.email, roles: u.roles, active: u.active }));
  return { id: team.id, name: team.name, supervisorId: team.supervisorId, members, createdAt: team.createdAt, updatedAt: team.updatedAt };
}
function flagsOf(tenant) {
  return FLAGS.map(([key, type, def, description, extra = {}]) => ({
    key, type, value: key in tenant.flags ? tenant.flags[key] : def, defaultValue: def, description,
    allowedValues: extra.allowedValues ?? null, minimum: extra.minimum ?? null, maximum: extra.maximum ?? null,
    overridden: key in tenant.flags, updatedAt: null, updatedBy: null,
  }));
}
function page(items, limit, cursor) {
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
  const size = Math.min(Number(limit) || 50, 100);
  const slice = items.slice(start, start + size);
  return { items: slice, nextCursor: start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : null };
}

const routes = [
  ['POST', '/api/auth/register', (_req, body) => {
    check(body, [
      ['companyName', nonBlank, "Enter your company's name"], ['firstName', nonBlank, 'Enter your first name'],
      ['lastName', nonBlank, 'Enter your last name'], ['email', isEmail, 'Enter a valid email address'],
      ['password', passwordOk, 'Password must be at least 12 characters long and contain a letter and a digit'],
    ]);
    if ([...db.users.values()].some((u) => u.email === body.email.toLowerCase())) throw invalid([{ field: 'email', message: 'An account with this email already exists' }]);
    const tenant = { id: randomUUID(), name: body.companyName, status: 'ACTIVE', flags: {}, settings: null, createdAt: now() };
    db.tenants.set(tenant.id, tenant);
    const user = { id: randomUUID(), tenantId: tenant.id, email: body.email.toLowerCase(), firstName: body.firstName, lastName: body.lastName, roles: ['ADMIN'], teamId: null, active: true, passwordHash: body.password, createdAt: now(), updatedAt: now(), deactivatedAt: null };
    db.users.set(user.id, user);
    audit(user, 'TENANT_REGISTERED', 'TENANT', tenant.id);
    return [201, issue(user)];
  }],
  ['POST', '/api/auth/login', (_req, body) => {
    check(body, [['email', nonBlank, 'Enter your email address'], ['password', nonBlank, 'Enter your password']]);
    const user = [...db.users.values()].find((u) => u.email === body.email.toLowerCase());
    if (!user || user.passwordHash !== body.password || !user.active) throw new Problem(401, 'Email or password is incorrect');
    audit(user, 'LOGIN_SUCCEEDED', 'USER', user.id);
    return [200, issue(user)];
  }],
  ['POST', '/api/auth/refresh', (_req, body) => {
    const session = db.refresh.get(body.refreshToken);
    db.refresh.delete(body.refreshToken);
    if (!session || session.exp < Date.now()) throw new Problem(401, 'Your session has ended; sign in again');
    const user = db.users.get(session.userId);
    if (!user?.active) throw new Problem(401, 'Your session has ended; sign in again');
    return [200, issue(user)];
  }],
  ['POST', '/api/auth/logout', (req, body) => {
    const user = caller(req);
    db.access.delete((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (body?.refreshToken) db.refresh.delete(body.refreshToken);
    audit(user, 'LOGOUT', 'USER', user.id);
    return [204];
  }],
  ['GET', '/api/auth/me', (req) => {
    const user = caller(req);
    const tenant = db.tenants.get(user.tenantId);
    return [200, { ...sessionUser(user), tenant: { id: tenant.id, name: tenant.settings?.companyName ?? tenant.name, status: tenant.status } }];
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
      .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
      .map(userView);
    return [200, page(items, query.get('limit'), query.get('cursor'))];
  }],
  ['POST', '/api/users', (req, body) => {
    const user = caller(req);
    admin(user);
    check(body, [
      ['email', isEmail, 'Email must be a valid email address'], ['firstName', nonBlank, 'First name is required'],
      ['lastName', nonBlank, 'Last name is required'], ['password', passwordOk, 'Password must be at least 12 characters long and contain a letter and a digit'],
      ['roles', (r) => Array.isArray(r) && r.length > 0, 'Choose at least one role'],
    ]);
    if ([...db.users.values()].some((u) => u.email === body.email.toLowerCase())) throw invalid([{ field: 'email', message: 'A user with this email already exists' }]);
    if (body.teamId) tenantTeam(user, body.teamId);
    const created = { id: randomUUID(), tenantId: user.tenantId, email: body.email.toLowerCase(), firstName: body.firstName, lastName: body.lastName, roles: [...body.roles].sort(), teamId: body.teamId ?? null, active: true, passwordHash: body.password, createdAt: now(), updatedAt: now(), deactivatedAt: null };
    db.users.set(created.id, created);
    audit(user, 'USER_CREATED', 'USER', created.id, { email: created.email, roles: created.roles });
    return [201, userView(created)];
  }],
  ['POST', '/api/users/me/password', (req, body) => {
    const user = caller(req);
    if (user.passwordHash !== body.currentPassword) throw invalid([{ field: 'currentPassword', message: 'Your current password is not correct' }]);
    check(body, [['newPassword', passwordOk, 'Password must be at least 12 characters long and contain a letter and a digit']]);
    user.passwordHash = body.newPassword;
    audit(user, 'PASSWORD_CHANGED', 'USER', user.id);
    return [204];
  }],
  ['GET', '/api/users/:id', (req, _b, { id }) => {
    const user = caller(req);
    const target = tenantUser(user, id);
    if (!visible(user, target)) throw new Problem(404, 'No such user');
    return [200, userView(target)];
  }],
  ['PUT', '/api/users/:id', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    check(body, [['email', isEmail, 'Email must be a valid email address'], ['firstName', nonBlank, 'First name is required'], ['lastName', nonBlank, 'Last name is required']]);
    Object.assign(target, { email: body.email.toLowerCase(), firstName: body.firstName, lastName: body.lastName, updatedAt: now() });
    audit(user, 'USER_UPDATED', 'USER', id);
    return [200, userView(target)];
  }],
  ['PUT', '/api/users/:id/roles', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    check(body, [['roles', (r) => Array.isArray(r) && r.length > 0, 'Choose at least one role']]);
    target.roles = [...body.roles].sort();
    audit(user, 'ROLES_CHANGED', 'USER', id, { roles: target.roles });
    return [200, userView(target)];
  }],
  ['PUT', '/api/users/:id/team', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    if (body.teamId) tenantTeam(user, body.teamId);
    target.teamId = body.teamId ?? null;
    audit(user, 'TEAM_CHANGED', 'USER', id, { teamId: target.teamId });
    return [200, userView(target)];
  }],
  ['POST', '/api/users/:id/deactivate', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    if (target.id === user.id) throw new Problem(422, 'You cannot deactivate yourself');
    Object.assign(target, { active: false, deactivatedAt: now() });
    audit(user, 'USER_DEACTIVATED', 'USER', id);
    return [200, userView(target)];
  }],
  ['POST', '/api/users/:id/reactivate', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    const target = tenantUser(user, id);
    Object.assign(target, { active: true, deactivatedAt: null });
    audit(user, 'USER_REACTIVATED', 'USER', id);
    return [200, userView(target)];
  }],
  ['DELETE', '/api/users/:id', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    tenantUser(user, id);
    db.users.delete(id);
    audit(user, 'USER_DELETED', 'USER', id);
    return [204];
  }],
  ['GET', '/api/teams', (req) => {
    const user = caller(req);
    const teams = [...db.teams.values()].filter((t) => t.tenantId === user.tenantId && (has(user, 'ADMIN') || t.id === user.teamId));
    return [200, teams.map((t) => ({ id: t.id, name: t.name, supervisorId: t.supervisorId, memberCount: [...db.users.values()].filter((u) => u.teamId === t.id).length, createdAt: t.createdAt, updatedAt: t.updatedAt }))];
  }],
  ['POST', '/api/teams', (req, body) => {
    const user = caller(req);
    admin(user);
    check(body, [['name', nonBlank, 'Team name is required']]);
    const team = { id: randomUUID(), tenantId: user.tenantId, name: body.name, supervisorId: body.supervisorId ?? null, createdAt: now(), updatedAt: now() };
    db.teams.set(team.id, team);
    if (team.supervisorId) tenantUser(user, team.supervisorId).teamId = team.id;
    return [201, teamView(team)];
  }],
  ['GET', '/api/teams/:id', (req, _b, { id }) => {
    const user = caller(req);
    const team = tenantTeam(user, id);
    if (!has(user, 'ADMIN') && user.teamId !== id) throw new Problem(404, 'No such team');
    return [200, teamView(team)];
  }],
  ['PUT', '/api/teams/:id', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const team = tenantTeam(user, id);
    check(body, [['name', nonBlank, 'Team name is required']]);
    Object.assign(team, { name: body.name, supervisorId: body.supervisorId ?? null, updatedAt: now() });
    if (team.supervisorId) tenantUser(user, team.supervisorId).teamId = team.id;
    return [200, teamView(team)];
  }],
  ['DELETE', '/api/teams/:id', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    tenantTeam(user, id);
    db.teams.delete(id);
    for (const u of db.users.values()) if (u.teamId === id) u.teamId = null;
    return [204];
  }],
  ['GET', '/api/settings/tenant', (req) => {
    const user = caller(req);
    const tenant = db.tenants.get(user.tenantId);
    return [200, tenant.settings ?? { companyName: tenant.name, legalName: null, nmlsId: null, phone: null, email: null, website: null, address: { line1: null, line2: null, city: null, state: null, postalCode: null }, timeZone: 'America/New_York', locale: 'en-US', branding: { logoUrl: null, primaryColor: '#0066FF' }, version: 0, updatedAt: null, updatedBy: null }];
  }],
  ['PUT', '/api/settings/tenant', (req, body) => {
    const user = caller(req);
    admin(user);
    const tenant = db.tenants.get(user.tenantId);
    if (body.version !== (tenant.settings?.version ?? 0)) throw new Problem(409, 'Someone else saved these settings since you loaded them. Reload to see their changes.');
    check(body, [['companyName', nonBlank, 'Company name is required']]);
    if (body.branding?.primaryColor && !/^#[0-9A-Fa-f]{6}$/.test(body.branding.primaryColor)) throw invalid([{ field: 'branding.primaryColor', message: 'Primary colour must be a hex colour such as #0066FF' }]);
    tenant.settings = { ...body, version: body.version + 1, updatedAt: now(), updatedBy: user.id };
    audit(user, 'TENANT_SETTINGS_CHANGED', 'TENANT', tenant.id, { changes: { companyName: { old: tenant.name, new: body.companyName } } });
    return [200, tenant.settings];
  }],
  ['GET', '/api/settings/features', (req) => [200, flagsOf(db.tenants.get(caller(req).tenantId))]],
  ['PUT', '/api/settings/features', (req, body) => {
    const user = caller(req);
    admin(user);
    const tenant = db.tenants.get(user.tenantId);
    for (const [key, value] of Object.entries(body)) {
      if (!FLAGS.some(([k]) => k === key)) throw invalid([{ field: key, message: `Unknown feature flag ${key}` }]);
      tenant.flags[key] = value;
    }
    audit(user, 'FEATURE_FLAGS_CHANGED', 'TENANT', tenant.id, { changes: body });
    return [200, flagsOf(tenant)];
  }],
  ['GET', '/api/settings/custom-fields', (req, _b, _p, query) => {
    const user = caller(req);
    return [200, [...db.fields.values()].filter((f) => f.tenantId === user.tenantId && (!query.get('entity') || f.entity === query.get('entity'))).map(({ tenantId: _t, ...f }) => f)];
  }],
  ['POST', '/api/settings/custom-fields', (req, body) => {
    const user = caller(req);
    admin(user);
    check(body, [['key', (k) => typeof k === 'string' && /^[a-z][a-zA-Z0-9_]{0,49}$/.test(k), 'Key must start with a lower-case letter and have only letters, digits and underscores'], ['label', nonBlank, 'Label is required']]);
    if ([...db.fields.values()].some((f) => f.tenantId === user.tenantId && f.entity === body.entity && f.key === body.key)) throw new Problem(409, `A field with key ${body.key} already exists`);
    const field = { id: randomUUID(), tenantId: user.tenantId, entity: body.entity, key: body.key, label: body.label, type: body.type, options: body.options ?? [], required: Boolean(body.required), position: body.position ?? 0, createdAt: now(), updatedAt: now() };
    db.fields.set(field.id, field);
    audit(user, 'CUSTOM_FIELDS_CHANGED', 'CUSTOM_FIELD', field.id);
    const { tenantId: _t, ...view } = field;
    return [201, view];
  }],
  ['PUT', '/api/settings/custom-fields/:id', (req, body, { id }) => {
    const user = caller(req);
    admin(user);
    const field = db.fields.get(id);
    if (!field || field.tenantId !== user.tenantId) throw new Problem(404, 'No such custom field');
    Object.assign(field, { label: body.label, options: body.options ?? [], required: body.required, position: body.position ?? field.position, updatedAt: now() });
    const { tenantId: _t, ...view } = field;
    return [200, view];
  }],
  ['DELETE', '/api/settings/custom-fields/:id', (req, _b, { id }) => {
    const user = caller(req);
    admin(user);
    db.fields.delete(id);
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

async function api(req, res, url) {
  const route = match(req.method, url.pathname);
  if (!route) return send(res, 404, { type: 'https://chosencrm.dev/problems/not-found', title: 'Not Found', status: 404, detail: `No endpoint ${req.method} ${url.pathname}` }, {}, 'application/problem+json');
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try {
    const body = raw ? JSON.parse(raw) : {};
    const [status, payload] = route.handler(req, body, route.params, url.searchParams);
    send(res, status, payload);
  } catch (error) {
    if (!(error instanceof Problem)) {
      console.error(error);
      return send(res, 500, { type: 'https://chosencrm.dev/problems/internal', title: 'Internal Server Error', status: 500, requestId: randomUUID() }, {}, 'application/problem+json');
    }
    const body = { type: `https://chosencrm.dev/problems/${error.status === 400 ? 'validation' : 'error'}`, title: TITLES[error.status] ?? 'Error', status: error.status, detail: error.detail, requestId: randomUUID(), ...(error.errors ? { errors: error.errors } : {}) };
    send(res, error.status, body, error.headers, 'application/problem+json');
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
