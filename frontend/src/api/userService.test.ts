import { describe, expect, it, vi } from 'vitest';
import * as recorded from '@/test/recordedAnswers';
import { ApiError } from './problem';
import { userService } from './userService';

interface Sent {
  method: string;
  path: string;
  search: string;
  body: unknown;
}

/** Answers every call with `answer`, as user-service would; records what was sent. */
function network(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
    const call = { method: request.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : undefined };
    sent.push(call);
    return answer(call);
  });
  return sent;
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type, 'x-request-id': 'req-1' } });

describe('userService against answers recorded from user-service', () => {
  it('reads a user page with its cursor, and nulls where the service writes them', async () => {
    const sent = network(() => json(200, recorded.users));
    const page = await userService.users.list({ role: 'AGENT', active: true, limit: 2 });
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/api/users', search: '?role=AGENT&active=true&limit=2' });
    expect(page.items).toHaveLength(recorded.users.items.length);
    expect(page.items[0]!.deactivatedAt).toBeNull();
    expect(typeof page.nextCursor).toBe('string');
  });

  it("takes a user out of their team with an absent teamId (the service's null)", async () => {
    const sent = network(() => json(200, recorded.users.items[0]));
    await userService.users.moveToTeam('u1', null);
    await userService.users.moveToTeam('u1', 't1');
    expect(sent.map((s) => [s.method, s.path, s.body])).toEqual([
      ['PUT', '/api/users/u1/team', {}],
      ['PUT', '/api/users/u1/team', { teamId: 't1' }],
    ]);
  });

  it('sends a partial feature flag update and reads every flag back', async () => {
    const sent = network(() => json(200, recorded.features));
    const flags = await userService.settings.updateFeatures({ roundRobinAssignment: true });
    expect(sent[0]).toMatchObject({ method: 'PUT', path: '/api/settings/features', body: { roundRobinAssignment: true } });
    expect(flags.find((f) => f.key === 'roundRobinAssignment')).toMatchObject({ type: 'BOOLEAN', value: true, overridden: true });
  });

  it('gives no body for 204 answers', async () => {
    network(() => new Response(null, { status: 204 }));
    await expect(userService.users.remove('u1')).resolves.toBeUndefined();
  });

  it("turns the service's 400 into field errors", async () => {
    network(() => json(400, recorded.validation, 'application/problem+json'));
    const error = await userService.users.create({ email: 'x', firstName: '', lastName: '', password: '', roles: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors.map((e) => e.field)).toEqual(['email', 'firstName', 'lastName', 'password', 'roles']);
  });

  it("turns an agent's 403 into a refusal with the service's request id", async () => {
    network(() => json(403, recorded.forbidden, 'application/problem+json'));
    const error = (await userService.settings.audit({}).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.problem).toMatchObject({ type: 'https://chosencrm.dev/problems/forbidden', requestId: recorded.forbidden.requestId });
  });
});
