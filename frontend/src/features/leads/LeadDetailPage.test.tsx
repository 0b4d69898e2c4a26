import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Lead } from '@/api/leadService';
import { routes } from '@/app/routes';
import { fakeApi, json } from '@/test/leadApi';
import * as recorded from '@/test/recordedLeadAnswers';
import { renderRoutes, signedInAs } from '@/test/render';

const lead = recorded.lead;
const fields = [
  { id: 'f1', entity: 'LEAD', key: 'referralPartner', label: 'Referral partner', type: 'TEXT', options: [], required: false, position: 0, createdAt: '', updatedAt: '' },
  { id: 'f2', entity: 'LEAD', key: 'propertyType', label: 'Property type', type: 'SELECT', options: ['Single family', 'Condo'], required: false, position: 1, createdAt: '', updatedAt: '' },
];

/** The lead's screen's calls; `current` is what the service has now. */
function detail(extra: Parameters<typeof fakeApi>[0] = () => undefined, current: () => Lead = () => lead as Lead) {
  return fakeApi((call) => {
    const { url } = call;
    if (url.pathname === `/api/leads/${lead.id}` && call.method === 'GET') return json(200, current());
    if (url.pathname === `/api/leads/${lead.id}/history`) return json(200, recorded.history);
    if (url.pathname === '/api/settings/custom-fields') return json(200, fields);
    return extra(call);
  });
}

describe('LeadDetailPage', () => {
  it('shows the lead, its custom fields by their labels, consent and history in words', async () => {
    detail();
    renderRoutes(routes, { path: `/leads/${lead.id}`, auth: signedInAs(['ADMIN']) });
    expect(await screen.findByRole('heading', { name: 'Rita Recorded' })).toBeInTheDocument();
    const more = screen.getByRole('region', { name: 'More details' });
    expect(within(more).getByText('Referral partner')).toBeInTheDocument();
    expect(within(more).getByText('Keller')).toBeInTheDocument();
    expect(screen.getByText(`“${lead.consent!.text}”`)).toBeInTheDocument();
    expect(screen.getByText(lead.doNotContactReason!)).toBeInTheDocument();
    const entries = await screen.findAllByTestId('history-entry');
    expect(entries.length).toBe(recorded.history.items.length);
    expect(entries[0]).toHaveTextContent('Property type: “Condo” → “Single family”');
    expect(screen.getByRole('button', { name: 'Show older' })).toBeInTheDocument();
  });

  it('asks a reason to reassign, and sends it', async () => {
    let now = lead as Lead;
    const calls = detail(
      ({ url }) => (url.pathname === `/api/leads/${lead.id}/reassign` ? json(200, (now = { ...(lead as Lead), assigneeName: 'Ana Lopez' })) : undefined),
      () => now,
    );
    renderRoutes(routes, { path: `/leads/${lead.id}`, auth: signedInAs(['SUPERVISOR']) });
    await userEvent.click(await screen.findByRole('button', { name: 'Reassign' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Assign to' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Ana Lopez' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    expect(within(dialog).getByText('Say why the lead changes hands')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Tom is out');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    expect(await screen.findByTestId('assignee')).toHaveTextContent('Ana Lopez');
    const ana = recorded.agents.find((a) => a.name === 'Ana Lopez')!;
    expect(calls.find((c) => c.url.pathname.endsWith('/reassign'))!.body).toEqual({ userId: ana.userId, reason: 'Tom is out' });
  });

  it('lets an agent set do-not-contact but not clear it', async () => {
    detail();
    renderRoutes(routes, { path: `/leads/${lead.id}`, auth: signedInAs(['AGENT']) });
    await screen.findByRole('heading', { name: 'Rita Recorded' });
    const dnc = screen.getByRole('region', { name: 'Do not contact' });
    expect(within(dnc).queryByRole('button')).not.toBeInTheDocument();
    expect(within(dnc).getByText('Only a supervisor or an admin can clear it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reassign' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('lets an admin restore a deleted lead', async () => {
    let now: Lead = { ...(lead as Lead), deletedAt: '2026-11-21T10:00:00Z' };
    const calls = detail(
      ({ url, method }) => (url.pathname === `/api/leads/${lead.id}/restore` && method === 'POST' ? json(200, (now = { ...(lead as Lead), deletedAt: null })) : undefined),
      () => now,
    );
    renderRoutes(routes, { path: `/leads/${lead.id}`, auth: signedInAs(['ADMIN']) });
    expect(await screen.findByText(/This lead was deleted on/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('link', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByText(/This lead was deleted on/)).not.toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname.endsWith('/restore'))).toBe(true);
  });

  it('offers the other leads with the same email or phone, and merges one into this lead', async () => {
    const twin: Lead = { ...(lead as Lead), id: 'twin-1', firstName: 'Rita', lastName: 'Twin', assigneeName: 'Ana Lopez', createdAt: '2026-10-01T09:00:00Z' };
    let merged = false;
    const calls = detail(({ url, method }) => {
      if (url.pathname === '/api/leads/duplicates/check') {
        // The lead itself, a duplicate the user can open, one they cannot.
        const duplicates = [
          { leadId: lead.id, matchedOn: ['EMAIL', 'PHONE'] },
          ...(merged ? [] : [{ leadId: twin.id, matchedOn: ['EMAIL'] }]),
          { leadId: 'hidden-1', matchedOn: ['PHONE'] },
        ];
        return json(200, { results: [{ index: 0, duplicates }] });
      }
      if (url.pathname === `/api/leads/${twin.id}`) return json(200, twin);
      if (url.pathname === '/api/leads/hidden-1') {
        return json(404, { type: 'https://chosencrm.dev/problems/not-found', title: 'Not found', status: 404, detail: 'Lead hidden-1 not found' }, 'application/problem+json');
      }
      if (url.pathname === `/api/leads/${lead.id}/merge` && method === 'POST') {
        merged = true;
        return json(200, lead);
      }
      return undefined;
    });
    renderRoutes(routes, { path: `/leads/${lead.id}`, auth: signedInAs(['SUPERVISOR']) });
    const card = await screen.findByRole('region', { name: 'Possible duplicates' });
    const offered = await within(card).findAllByTestId('duplicate');
    expect(offered).toHaveLength(1);
    expect(offered[0]).toHaveTextContent('Rita Twin');
    expect(offered[0]).toHaveTextContent('Same email · Ana Lopez');
    expect(calls.find((c) => c.url.pathname === '/api/leads/duplicates/check')!.body).toEqual({
      candidates: [{ email: lead.email, phone: lead.phoneE164 }],
    });

    await userEvent.click(within(card).getByRole('button', { name: 'Merge into this lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge Rita Twin into Rita Recorded?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Possible duplicates' })).not.toBeInTheDocument());
    expect(calls.find((c) => c.url.pathname.endsWith('/merge'))!.body).toEqual({ duplicateId: twin.id });
  });

  it('looks up only the first ten possible duplicates and counts the rest', async () => {
    const matches = Array.from({ length: 13 }, (_, i) => ({ leadId: `same-${i}`, matchedOn: ['PHONE'] }));
    const calls = detail(({ url }) => {
      if (url.pathname === '/api/leads/duplicates/check') return json(200, { results: [{ index: 0, duplicates: matches }] });
      const other = /^\/api\/leads\/(same-\d+)$/.exec(url.pathname);
      if (other) return json(200, { ...(lead as Lead), id: other[1], lastName: other[1] });
      return undefined;
    });
    renderRoutes(routes, { path: `/leads/${lead.id}`, auth: signedInAs(['ADMIN']) });
    const card = await screen.findByRole('region', { name: 'Possible duplicates' });
    expect(await within(card).findAllByTestId('duplicate')).toHaveLength(10);
    expect(within(card).getByText('3 more leads share this email or phone number.')).toBeInTheDocument();
    expect(calls.filter((c) => c.url.pathname.startsWith('/api/leads/same-'))).toHaveLength(10);
  });

  it('shows an agent the duplicates without a merge', async () => {
    const twin: Lead = { ...(lead as Lead), id: 'twin-1', lastName: 'Twin' };
    detail(({ url }) => {
      if (url.pathname === '/api/leads/duplicates/check') return json(200, { results: [{ index: 0, duplicates: [{ leadId: twin.id, matchedOn: ['PHONE'] }] }] });
      if (url.pathname === `/api/leads/${twin.id}`) return json(200, twin);
      return undefined;
    });
    renderRoutes(routes, { path: `/leads/${lead.id}`, auth: signedInAs(['AGENT']) });
    const card = await screen.findByRole('region', { name: 'Possible duplicates' });
    expect(await within(card).findByText(/Same phone number/)).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says a lead the user cannot see is not found', async () => {
    fakeApi(({ url }) => (url.pathname === '/api/leads/nope' ? json(404, { type: 'https://chosencrm.dev/problems/not-found', title: 'Not found', status: 404, detail: 'Lead nope not found' }, 'application/problem+json') : undefined));
    renderRoutes(routes, { path: '/leads/nope', auth: signedInAs(['AGENT']) });
    expect(await screen.findByRole('heading', { name: 'Lead not found' })).toBeInTheDocument();
  });
});
