import { describe, expect, it, vi } from 'vitest';
import { ApiError, applyProblemToForm, describeError, networkError, normaliseFieldPath, problemFrom, toApiError } from './problem';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: 'https://chosencrm.dev/problems/x', title: 'Title', status, ...extra });

describe('describeError', () => {
  it("uses the platform's detail for statuses where it is written for people", () => {
    expect(describeError(problem(401, { detail: 'Email or password is incorrect' }))).toBe('Email or password is incorrect');
    expect(describeError(problem(422, { detail: 'You cannot deactivate yourself' }))).toBe('You cannot deactivate yourself');
  });

  it('says "not allowed" in words for 403 whatever the server wrote', () => {
    expect(describeError(problem(403, { detail: 'Access Denied' }))).toBe("You don't have permission to do that.");
  });

  it('tells how long to wait when an account is locked (429 with Retry-After)', () => {
    const locked = new ApiError({ type: 'x', title: 'Too Many Requests', status: 429, detail: 'Too many failed sign-ins' }, 300);
    expect(describeError(locked)).toBe('Too many failed sign-ins. Try again in 5 minutes.');
  });

  it('hides server errors behind a plain sentence with the request id for support', () => {
    expect(describeError(problem(500, { detail: 'NullPointerException', requestId: 'req-42' }))).toBe(
      'Something went wrong on our side (reference req-42). Try again in a moment.',
    );
  });

  it('says the network is the problem when there was no answer', () => {
    expect(describeError(networkError())).toMatch(/couldn't reach ChosenCRM/);
  });

  it('explains a concurrent edit (409) without a detail', () => {
    expect(describeError(problem(409))).toMatch(/Someone else changed this/);
  });
});

describe('reading problems from responses', () => {
  it('reads an application/problem+json body and the Retry-After header', async () => {
    const response = new Response(JSON.stringify({ type: 't', title: 'Too Many Requests', status: 429, detail: 'Locked' }), {
      status: 429,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '120' },
    });
    const error = await toApiError(response);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120, message: 'Locked' });
  });

  it('makes a problem from a status alone when the body is not JSON (a proxy error page)', async () => {
    const error = await toApiError(new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));
    expect(error.status).toBe(502);
    expect(error.problem.title).toBe('Bad Gateway');
  });

  it('keeps the real status even if the body claims another', () => {
    const error = problemFrom({ status: 200, detail: 'odd' }, new Response(null, { status: 400 }));
    expect(error.status).toBe(400);
  });

  it('takes only well-typed properties (the published Problem schema has no types)', () => {
    const error = problemFrom(
      { type: 7, title: ['x'], detail: { text: 'no' }, errors: [{ field: 'email', message: 'Email is required' }, { field: 3 }, 'roles'] },
      new Response(null, { status: 400, statusText: 'Bad Request' }),
    );
    expect(error.problem).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, detail: undefined });
    expect(error.fieldErrors).toEqual([{ field: 'email', message: 'Email is required' }]);
  });

  it('falls back to the X-Request-Id header for the reference', () => {
    const error = problemFrom(undefined, new Response(null, { status: 502, headers: { 'x-request-id': 'req-9' } }));
    expect(error.problem.requestId).toBe('req-9');
  });
});

describe('applyProblemToForm', () => {
  const validation = new ApiError({
    type: 'https://chosencrm.dev/problems/validation',
    title: 'Validation failed',
    status: 400,
    detail: '2 fields are not valid',
    errors: [
      { field: 'email', message: 'Email must be a valid email address' },
      { field: 'roles[0]', message: 'Roles can be ADMIN, SUPERVISOR or AGENT' },
    ],
  });

  it('puts each field error beside its field and leaves nothing for the form-level alert', () => {
    const setError = vi.fn();
    const message = applyProblemToForm(validation, setError, ['email', 'roles']);
    expect(message).toBeNull();
    expect(setError).toHaveBeenCalledWith('email', { type: 'server', message: 'Email must be a valid email address' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith('roles', { type: 'server', message: 'Roles can be ADMIN, SUPERVISOR or AGENT' }, { shouldFocus: false });
  });

  it('shows field errors the form has no field for above the form', () => {
    const setError = vi.fn();
    expect(applyProblemToForm(validation, setError, ['email'])).toBe('Roles can be ADMIN, SUPERVISOR or AGENT');
    expect(setError).toHaveBeenCalledTimes(1);
  });

  it('maps nested paths such as branding.primaryColor', () => {
    const setError = vi.fn();
    const error = problem(400, { errors: [{ field: 'branding.primaryColor', message: 'Primary colour must be a hex colour' }] });
    expect(applyProblemToForm(error, setError, ['branding.primaryColor'])).toBeNull();
    expect(setError).toHaveBeenCalledWith('branding.primaryColor', expect.objectContaining({ message: 'Primary colour must be a hex colour' }), expect.anything());
  });

  it('describes problems without field errors in words', () => {
    const setError = vi.fn();
    expect(applyProblemToForm(problem(401, { detail: 'Email or password is incorrect' }), setError, ['email'])).toBe('Email or password is incorrect');
    expect(setError).not.toHaveBeenCalled();
  });

  it('puts a 409 beside the one field it can be about', () => {
    const setError = vi.fn();
    const taken = problem(409, { detail: 'An account with this email already exists' });
    expect(applyProblemToForm(taken, setError, ['email'], { conflictField: 'email' })).toBeNull();
    expect(setError).toHaveBeenCalledWith('email', { type: 'server', message: 'An account with this email already exists' }, { shouldFocus: true });
    expect(applyProblemToForm(taken, vi.fn(), ['email'])).toBe('An account with this email already exists');
  });

  it('normalises indexed field paths', () => {
    expect(normaliseFieldPath('roles[0]')).toBe('roles');
    expect(normaliseFieldPath('memberIds[12]')).toBe('memberIds');
    expect(normaliseFieldPath('address.city')).toBe('address.city');
  });
});
