import { describe, expect, it, vi } from 'vitest';
import { REFRESH_TOKEN_KEY, SessionManager, type SessionEvent, type TokenResponse } from './session';

const BASE = 'http://app.test';

function tokens(n: number, expiresIn = 900): TokenResponse {
  return {
    accessToken: `access-${n}`,
    tokenType: 'Bearer',
    expiresIn,
    refreshToken: `refresh-${n}`,
    refreshExpiresAt: '2030-01-01T00:00:00Z',
    user: { id: 'u1', tenantId: 't1', email: 'ann@acme.test', firstName: 'Ann', lastName: 'Admin', roles: ['ADMIN'], teamId: null },
  };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, detail: string) =>
  json(status, { type: 'https://chosencrm.dev/problems/x', title: 'x', status, detail }, 'application/problem+json');

class MemoryStorage {
  private values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
}

/** A fake network: routes by path; records what was sent. */
function setup(options: { now?: () => number } = {}) {
  const storage = new MemoryStorage();
  const sent: { path: string; auth: string | null; body: string }[] = [];
  const handlers = new Map<string, (request: Request, body: string) => Response | Promise<Response>>();
  const timers: { callback: () => void; ms: number }[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'GET' ? '' : await request.text();
    sent.push({ path, auth: request.headers.get('authorization'), body });
    const handler = handlers.get(`${request.method} ${path}`);
    if (!handler) throw new Error(`unexpected ${request.method} ${path}`);
    return handler(request, body);
  });
  const session = new SessionManager({
    fetch,
    storage,
    baseUrl: BASE,
    now: options.now,
    setTimer: (callback, ms) => {
      timers.push({ callback, ms });
      return timers.length;
    },
    clearTimer: () => undefined,
  });
  const events: SessionEvent['type'][] = [];
  session.subscribe((e) => events.push(e.type));
  const api = (path: string) => session.authorizedFetch(new Request(`${BASE}${path}`));
  return { session, storage, sent, handlers, timers, events, fetch, api };
}

describe('SessionManager', () => {
  it('keeps the access token in memory and only the refresh token in storage after login', async () => {
    const { session, storage, handlers, events } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));

    const user = await session.login('ann@acme.test', 'pw');

    expect(user.email).toBe('ann@acme.test');
    expect(session.isSignedIn).toBe(true);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    expect(JSON.stringify([...(storage as unknown as { values: Map<string, string> }).values])).not.toContain('access-1');
    expect(events).toEqual(['signedIn']);
  });

  it('turns a failed login into an ApiError with the problem detail, and stays signed out', async () => {
    const { session, handlers } = setup();
    handlers.set('POST /api/auth/login', () => problem(401, 'Email or password is incorrect'));

    await expect(session.login('ann@acme.test', 'bad')).rejects.toMatchObject({ status: 401, message: 'Email or password is incorrect' });
    expect(session.isSignedIn).toBe(false);
  });

  it('sends the bearer token with API calls', async () => {
    const { session, handlers, sent, api } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));
    handlers.set('GET /api/users', () => json(200, { items: [], nextCursor: null }));
    await session.login('a', 'b');

    const response = await api('/api/users');

    expect(response.status).toBe(200);
    expect(sent.at(-1)).toMatchObject({ path: '/api/users', auth: 'Bearer access-1' });
  });

  it('schedules a silent refresh a minute before the access token expires', async () => {
    const { session, handlers, timers, storage } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1, 900)));
    handlers.set('POST /api/auth/refresh', () => json(200, tokens(2, 900)));
    await session.login('a', 'b');

    expect(timers.at(-1)!.ms).toBe(840_000);
    timers.at(-1)!.callback();
    await vi.waitFor(() => expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2'));
  });

  it('refreshes once for any number of concurrent 401s and retries each request with the new token', async () => {
    const { session, handlers, sent, api, fetch } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    handlers.set('POST /api/auth/refresh', async () => {
      await gate;
      return json(200, tokens(2));
    });
    handlers.set('GET /api/users', (request) =>
      request.headers.get('authorization') === 'Bearer access-2' ? json(200, { items: [], nextCursor: null }) : problem(401, 'expired'),
    );
    await session.login('a', 'b');

    const pending = [api('/api/users'), api('/api/users'), api('/api/users')];
    await vi.waitFor(() => expect(sent.filter((s) => s.path === '/api/auth/refresh')).toHaveLength(1));
    release();
    const responses = await Promise.all(pending);

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(sent.filter((s) => s.path === '/api/auth/refresh')).toHaveLength(1);
    expect(sent.filter((s) => s.path === '/api/users' && s.auth === 'Bearer access-2')).toHaveLength(3);
    expect(fetch).toHaveBeenCalledTimes(1 + 3 + 1 + 3);
  });

  it('sends the rotating refresh token, not the access token, to /refresh', async () => {
    const { session, handlers, sent } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));
    handlers.set('POST /api/auth/refresh', () => json(200, tokens(2)));
    await session.login('a', 'b');

    await session.refresh();

    expect(JSON.parse(sent.at(-1)!.body)).toEqual({ refreshToken: 'refresh-1' });
  });

  it('ends the session as expired when the refresh token is refused, and hands back the 401', async () => {
    const { session, handlers, api, events, storage } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));
    handlers.set('POST /api/auth/refresh', () => problem(401, 'Your session has ended'));
    handlers.set('GET /api/users', () => problem(401, 'expired'));
    await session.login('a', 'b');

    const response = await api('/api/users');

    expect(response.status).toBe(401);
    expect(events).toEqual(['signedIn', 'expired']);
    expect(session.isSignedIn).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('keeps the session when a refresh fails for a reason other than the token (offline)', async () => {
    const { session, handlers, events } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));
    handlers.set('POST /api/auth/refresh', () => {
      throw new TypeError('Failed to fetch');
    });
    await session.login('a', 'b');

    await expect(session.refresh()).rejects.toMatchObject({ status: 0 });
    expect(session.isSignedIn).toBe(true);
    expect(events).toEqual(['signedIn']);
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    let clock = 1_000_000;
    const { session, handlers, sent, api } = setup({ now: () => clock });
    handlers.set('POST /api/auth/login', () => json(200, tokens(1, 900)));
    handlers.set('POST /api/auth/refresh', () => json(200, tokens(2, 900)));
    handlers.set('GET /api/auth/me', () => json(200, {}));
    await session.login('a', 'b');

    clock += 899_000;
    await api('/api/auth/me');

    expect(sent.map((s) => s.path)).toEqual(['/api/auth/login', '/api/auth/refresh', '/api/auth/me']);
    expect(sent.at(-1)!.auth).toBe('Bearer access-2');
  });

  it('restores a session from the stored refresh token after a reload', async () => {
    const first = setup();
    first.storage.setItem(REFRESH_TOKEN_KEY, 'refresh-0');
    first.handlers.set('POST /api/auth/refresh', () => json(200, tokens(1)));

    const user = await first.session.restore();

    expect(user?.firstName).toBe('Ann');
    expect(first.session.isSignedIn).toBe(true);
    expect(first.events).toEqual(['refreshed']);
  });

  it('restores nothing when the stored refresh token is no longer good', async () => {
    const { session, storage, handlers } = setup();
    storage.setItem(REFRESH_TOKEN_KEY, 'spent');
    handlers.set('POST /api/auth/refresh', () => problem(401, 'spent'));

    expect(await session.restore()).toBeNull();
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('logs out on the server with the bearer and refresh token, and forgets both', async () => {
    const { session, handlers, sent, storage, events } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));
    handlers.set('POST /api/auth/logout', () => new Response(null, { status: 204 }));
    await session.login('a', 'b');

    await session.logout();

    expect(sent.at(-1)).toMatchObject({ path: '/api/auth/logout', auth: 'Bearer access-1' });
    expect(JSON.parse(sent.at(-1)!.body)).toEqual({ refreshToken: 'refresh-1' });
    expect(session.isSignedIn).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(events).toEqual(['signedIn', 'signedOut']);
  });

  it('is signed out here even when the logout call fails', async () => {
    const { session, handlers } = setup();
    handlers.set('POST /api/auth/login', () => json(200, tokens(1)));
    handlers.set('POST /api/auth/logout', () => {
      throw new TypeError('offline');
    });
    await session.login('a', 'b');

    await session.logout();

    expect(session.isSignedIn).toBe(false);
  });
});
