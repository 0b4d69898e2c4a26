import createClient from 'openapi-fetch';
import type { paths } from '@/api/generated/user-service';
import { ApiError, networkError, problemFrom } from '@/api/problem';
// Types only: the session must not load the API client, which is built on the session.
import type { RegisterRequest, Role, SessionUser, TokenResponse } from '@/api/userService';

export type { RegisterRequest, Role, SessionUser, TokenResponse };

export type SessionEvent =
  | { type: 'signedIn'; user: SessionUser }
  | { type: 'refreshed'; user: SessionUser }
  | { type: 'signedOut' }
  | { type: 'expired' };

export interface SessionDeps {
  /** The network; every call of the session and of the API goes through it. */
  fetch: (request: Request) => Promise<Response>;
  /** Where the refresh token survives a reload: sessionStorage (see docs/adr/0005-frontend.md). */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  baseUrl: string;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const REFRESH_TOKEN_KEY = 'chosencrm.refreshToken';

/** Refresh this long before the access token expires, so that no request meets an expired one. */
export const REFRESH_LEAD_MS = 60_000;
/** Never schedule refreshes closer than this, even for very short-lived tokens. */
const MIN_REFRESH_DELAY_MS = 5_000;
/** A token this close to expiry is refreshed before a request rather than sent. */
const EXPIRY_MARGIN_MS = 5_000;

/**
 * The signed-in session: the access token in memory only, the refresh token in sessionStorage.
 * Refreshes silently shortly before expiry and when a request meets a 401, with at most one
 * refresh in flight however many requests fail at once (the refresh token rotates: a second
 * concurrent refresh would present a spent token and revoke the whole family).
 */
export class SessionManager {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private currentUser: SessionUser | null = null;
  private refreshing: Promise<void> | null = null;
  private timer: unknown = null;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly client;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: SessionDeps) {
    this.client = createClient<paths>({ baseUrl: deps.baseUrl, fetch: (request) => deps.fetch(request) });
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get user(): SessionUser | null {
    return this.currentUser;
  }

  get isSignedIn(): boolean {
    return this.accessToken !== null;
  }

  /** Whether a refresh token from earlier in this tab could restore the session. */
  get canRestore(): boolean {
    return this.deps.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(email: string, password: string): Promise<SessionUser> {
    const tokens = await this.call(this.client.POST('/api/auth/login', { body: { email, password } }));
    return this.begin(tokens);
  }

  async register(request: RegisterRequest): Promise<SessionUser> {
    const tokens = await this.call(this.client.POST('/api/auth/register', { body: request }));
    return this.begin(tokens);
  }

  /**
   * After a reload: trades the stored refresh token for a new access token. Resolves to the user,
   * or null when there is nothing to restore or the refresh token is no longer good.
   */
  async restore(): Promise<SessionUser | null> {
    if (!this.canRestore) return null;
    try {
      await this.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
    return this.currentUser;
  }

  /**
   * One refresh at a time: callers that arrive while one is in flight share it. A 401 (or 400:
   * malformed/unknown token) means the session is over: tokens are dropped and 'expired' is emitted.
   * Other failures (network, 5xx) keep the tokens so that a later attempt may still succeed.
   */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const refreshToken = this.deps.storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) {
      this.end('expired');
      throw new ApiError({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'No session to refresh' });
    }
    try {
      const tokens = await this.call(this.client.POST('/api/auth/refresh', { body: { refreshToken } }));
      this.establish(tokens);
      this.emit({ type: 'refreshed', user: tokens.user });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        this.end('expired');
        throw new ApiError({ ...error.problem, status: 401 });
      }
      throw error;
    }
  }

  /** Ends the session on the server (best effort) and here (always). */
  async logout(): Promise<void> {
    const refreshToken = this.deps.storage.getItem(REFRESH_TOKEN_KEY) ?? undefined;
    const token = this.accessToken;
    this.end('signedOut');
    if (!token) return;
    try {
      await this.client.POST('/api/auth/logout', {
        body: refreshToken ? { refreshToken } : {},
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch {
      // Already signed out here; the server side lapses with the tokens' expiry.
    }
  }

  /**
   * fetch for API calls: adds the bearer token, refreshes first when the token is about to expire,
   * and on a 401 refreshes once (shared with any concurrent 401s) and retries once.
   */
  readonly authorizedFetch = async (request: Request): Promise<Response> => {
    if (this.canRestore && (!this.accessToken || this.expiresAt - this.now() < EXPIRY_MARGIN_MS)) {
      await this.refresh().catch(() => undefined);
    }
    const retry = request.clone();
    const used = this.accessToken;
    const response = await this.deps.fetch(withBearer(request, used));
    if (response.status !== 401 || !this.canRestore) {
      return response;
    }
    // Another request may have refreshed already while this one was on the wire.
    if (this.accessToken === used) {
      try {
        await this.refresh();
      } catch {
        return response;
      }
    }
    return this.deps.fetch(withBearer(retry, this.accessToken));
  };

  private begin(tokens: TokenResponse): SessionUser {
    this.establish(tokens);
    this.emit({ type: 'signedIn', user: tokens.user });
    return tokens.user;
  }

  private establish(tokens: TokenResponse): void {
    this.accessToken = tokens.accessToken;
    this.expiresAt = this.now() + tokens.expiresIn * 1000;
    this.currentUser = tokens.user;
    this.deps.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    this.schedule(tokens.expiresIn * 1000);
  }

  private schedule(lifetimeMs: number): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    const lead = Math.min(REFRESH_LEAD_MS, lifetimeMs / 4);
    const delay = Math.max(MIN_REFRESH_DELAY_MS, lifetimeMs - lead);
    this.timer = this.setTimer(() => {
      this.timer = null;
      // A failure here that is not "session over" (say, offline) is retried by the next request.
      this.refresh().catch(() => undefined);
    }, delay);
  }

  private end(reason: 'signedOut' | 'expired'): void {
    const wasActive = this.accessToken !== null || this.deps.storage.getItem(REFRESH_TOKEN_KEY) !== null;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.accessToken = null;
    this.expiresAt = 0;
    this.currentUser = null;
    this.deps.storage.removeItem(REFRESH_TOKEN_KEY);
    if (wasActive || reason === 'signedOut') this.emit({ type: reason });
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** The token answer of sign-up, login or refresh (the document's types are looser than the wire). */
  private async call(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<TokenResponse> {
    let result;
    try {
      result = await pending;
    } catch {
      throw networkError();
    }
    if (result.error !== undefined || !result.response.ok || result.data === undefined) {
      throw problemFrom(result.error, result.response);
    }
    return result.data as TokenResponse;
  }
}

function withBearer(request: Request, token: string | null): Request {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}
