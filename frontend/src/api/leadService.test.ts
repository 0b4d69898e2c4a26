import { describe, expect, it, vi } from 'vitest';
import * as recorded from '@/test/recordedLeadAnswers';
import { leadImports } from './leadImports';
import { leadService } from './leadService';
import { ApiError, DUPLICATE_LEAD_PROBLEM, describeError } from './problem';

interface Sent {
  method: string;
  path: string;
  search: string;
  body: unknown;
  contentType: string | null;
}

function network(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const contentType = request.headers.get('content-type');
    const text = request.method === 'GET' || request.method === 'DELETE' || contentType?.startsWith('multipart/') ? '' : await request.text();
    const call = { method: request.method, path: url.pathname, search: decodeURIComponent(url.search), body: text ? JSON.parse(text) : undefined, contentType };
    sent.push(call);
    return answer(call);
  });
  return sent;
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type, 'x-request-id': 'req-1' } });

describe('leadService against answers recorded from lead-service', () => {
  it('lists with the filter as flat parameters, as lead-service binds them', async () => {
    const sent = network(() => json(200, recorded.leadPage));
    const page = await leadService.list({ filter: { status: ['New', 'Contacted'], doNotContact: false, tags: ['hot'] }, sort: 'name', limit: 1 });
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/api/leads', search: '?status=New&status=Contacted&doNotContact=false&tags=hot&sort=name&limit=1' });
    expect(page.items[0]!.loanPurpose).toBeNull();
    expect(typeof page.nextCursor).toBe('string');
  });

  it('moves a lead with or without a position', async () => {
    const sent = network(() => json(200, recorded.lead));
    await leadService.changeStatus('l1', 'Contacted', 0);
    await leadService.changeStatus('l1', 'Contacted');
    expect(sent.map((s) => [s.method, s.path, s.body])).toEqual([
      ['PUT', '/api/leads/l1/status', { status: 'Contacted', position: 0 }],
      ['PUT', '/api/leads/l1/status', { status: 'Contacted' }],
    ]);
  });

  it('asks for a duplicate on purpose only when told to', async () => {
    const sent = network(() => json(201, recorded.lead));
    await leadService.create({ firstName: 'Rita' });
    await leadService.create({ firstName: 'Rita' }, true);
    expect(sent.map((s) => s.search)).toEqual(['', '?allowDuplicate=true']);
  });

  it('reads the duplicate-lead 409 with the leads it matched', async () => {
    network(() => json(409, recorded.duplicate, 'application/problem+json'));
    const error = await leadService.create({ firstName: 'Dup', email: 'RITA@example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const problem = (error as ApiError).problem;
    expect(problem.type).toBe(DUPLICATE_LEAD_PROBLEM);
    expect(problem.duplicates).toEqual([{ leadId: recorded.duplicate.duplicates[0]!.leadId, matchedOn: ['EMAIL'] }]);
  });

  it('says a stale version in the service’s words', async () => {
    network(() => json(409, recorded.staleVersion, 'application/problem+json'));
    const error = await leadService.update('l1', { version: 0, customFields: {} }).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/changed by someone else since you loaded it/);
  });

  it('sets do-not-contact with its reason, and clears it without one', async () => {
    const sent = network(() => json(200, recorded.lead));
    await leadService.setDoNotContact('l1', true, 'Asked to stop');
    await leadService.setDoNotContact('l1', false);
    expect(sent.map((s) => s.body)).toEqual([{ doNotContact: true, reason: 'Asked to stop' }, { doNotContact: false }]);
  });

  it('unwraps stages and agents', async () => {
    network((s) => json(200, s.path.endsWith('stages') ? { stages: recorded.stages } : { items: recorded.agents }));
    expect((await leadService.stages()).map((s) => s.name)[0]).toBe('New');
    expect((await leadService.agents())[0]!.paused).toBe(false);
  });
});

describe('leadImports', () => {
  it('uploads the file as multipart form data', async () => {
    const sent = network(() => json(201, recorded.importJob));
    const job = await leadImports.upload(new File(['x'], 'leads.xlsx'));
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/leads/imports' });
    expect(sent[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(job.proposedMapping[7]).toEqual({ column: 7, header: 'Favourite colour', field: null, matchedBy: null });
  });

  it('starts with the mapping and the duplicate policy', async () => {
    const sent = network(() => json(202, { ...recorded.importJob, state: 'QUEUED' }));
    await leadImports.start('imp-1', { mapping: [{ column: 0, field: 'fullName' }], duplicatePolicy: 'UPDATE', saveMapping: true });
    expect(sent[0]).toMatchObject({ path: '/api/leads/imports/imp-1/start', body: { mapping: [{ column: 0, field: 'fullName' }], duplicatePolicy: 'UPDATE', saveMapping: true } });
  });

  it('downloads the error report as a file, and a refusal as a problem', async () => {
    network(() => new Response(new Uint8Array([80, 75, 3, 4]), { status: 200, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }));
    const blob = await leadImports.errorReport('imp-1');
    expect(blob.size).toBe(4);
    network(() => json(404, { type: 'https://chosencrm.dev/problems/not-found', title: 'Not found', status: 404, detail: 'Import imp-2 not found' }, 'application/problem+json'));
    await expect(leadImports.errorReport('imp-2')).rejects.toMatchObject({ status: 404, message: 'Import imp-2 not found' });
  });
});
