import { SessionManager } from './session';

/** The app's one session. Tests build their own SessionManager with fakes instead. */
export const session = new SessionManager({
  fetch: (request) => fetch(request),
  storage: window.sessionStorage,
  baseUrl: window.location.origin,
});
