import { vi } from 'vitest';
import * as recorded from './recordedLeadAnswers';

export const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

export interface Call {
  method: string;
  url: URL;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response> | undefined;

/**
 * A fake platform for screen tests: `handler` answers what the test is about; stages, custom
 * fields, agents and teams get recorded answers; anything else never answers. Every call is kept.
 */
export function fakeApi(handler: Handler) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const multipart = request.headers.get('content-type')?.startsWith('multipart/') ?? false;
    const text = request.method === 'GET' || multipart ? '' : await request.text();
    const call = { method: request.method, url, body: text ? JSON.parse(text) : undefined };
    calls.push(call);
    const answer = await handler(call);
    if (answer) return answer;
    if (url.pathname === '/api/leads/pipeline/stages') return json(200, { stages: recorded.stages });
    if (url.pathname === '/api/settings/custom-fields') return json(200, []);
    if (url.pathname === '/api/leads/assignment/agents') return json(200, { items: recorded.agents });
    if (url.pathname === '/api/teams') return json(200, []);
    return new Promise<Response>(() => undefined);
  });
  return calls;
}
