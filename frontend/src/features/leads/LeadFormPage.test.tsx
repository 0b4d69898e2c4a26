import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { fakeApi, json } from '@/test/leadApi';
import * as recorded from '@/test/recordedLeadAnswers';
import { renderRoutes, signedInAs } from '@/test/render';

const lead = recorded.lead;
const problem = (status: number, body: object) => json(status, { status, instance: '/api/leads', ...body }, 'application/problem+json');

describe('LeadFormPage', () => {
  it('checks the form before sending, in the service’s words', async () => {
    const calls = fakeApi(() => undefined);
    renderRoutes(routes, { path: '/leads/new', auth: signedInAs(['AGENT']) });
    await userEvent.type(await screen.findByLabelText('Email'), 'rita@');
    await userEvent.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByText('A lead needs a first or a last name')).toBeInTheDocument();
    expect(screen.getByText('Not an email address')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(screen.getByText(/The lead will be assigned to you/)).toBeInTheDocument();
  });

  it('puts the service’s field errors beside their fields', async () => {
    fakeApi(({ url, method }) =>
      url.pathname === '/api/leads' && method === 'POST'
        ? problem(400, { type: 'https://chosencrm.dev/problems/validation', title: 'Validation failed', detail: '2 fields are not valid', errors: [
            { field: 'phone', message: 'Not a valid phone number; US numbers need 10 digits, others a +country code' },
            { field: 'status', message: "Unknown stage 'Gone'" },
          ] })
        : undefined,
    );
    renderRoutes(routes, { path: '/leads/new', auth: signedInAs(['ADMIN']) });
    await userEvent.type(await screen.findByLabelText('First name'), 'Rita');
    await userEvent.type(screen.getByLabelText('Phone'), '214 555 0134');
    await userEvent.click(screen.getByRole('button', { name: 'Create lead' }));
    const phone = screen.getByLabelText('Phone').closest('.MuiFormControl-root') as HTMLElement;
    expect(await within(phone).findByText(/Not a valid phone number/)).toBeInTheDocument();
    expect(screen.getByText("Unknown stage 'Gone'")).toBeInTheDocument();
  });

  it('offers to keep both when the service finds a duplicate', async () => {
    const calls = fakeApi(({ url, method }) =>
      url.pathname === '/api/leads' && method === 'POST'
        ? url.searchParams.get('allowDuplicate') === 'true' ? json(201, lead) : json(409, recorded.duplicate, 'application/problem+json')
        : url.pathname === `/api/leads/${lead.id}` ? json(200, lead) : undefined,
    );
    const { router } = renderRoutes(routes, { path: '/leads/new', auth: signedInAs(['ADMIN']) });
    await userEvent.type(await screen.findByLabelText('First name'), 'Dup');
    await userEvent.type(screen.getByLabelText('Email'), 'RITA@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByText(/A lead with the same email already exists/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save anyway' }));
    await screen.findByRole('heading', { name: 'Rita Recorded' });
    expect(router.state.location.pathname).toBe(`/leads/${lead.id}`);
    expect(calls.filter((c) => c.method === 'POST' && c.url.pathname === '/api/leads').map((c) => c.url.search)).toEqual(['', '?allowDuplicate=true']);
  });

  it('explains a conflicting edit and reloads the lead on request', async () => {
    let version = lead.version;
    const calls = fakeApi(({ url, method }) => {
      if (url.pathname !== `/api/leads/${lead.id}`) return undefined;
      if (method === 'PUT') return json(409, recorded.staleVersion, 'application/problem+json');
      return json(200, { ...lead, version, notes: version === lead.version ? lead.notes : 'Changed by Tom' });
    });
    renderRoutes(routes, { path: `/leads/${lead.id}/edit`, auth: signedInAs(['AGENT']) });
    const notes = await screen.findByLabelText('Notes');
    await userEvent.type(notes, ' today');
    version += 1;
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Someone changed this lead after you opened it/)).toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'PUT')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ version: lead.version, notes: `${lead.notes} today`, consent: lead.consent, tags: lead.tags });
    await userEvent.click(screen.getByRole('button', { name: 'Reload the lead' }));
    expect(await screen.findByDisplayValue('Changed by Tom')).toBeInTheDocument();
    expect(screen.queryByText(/Someone changed this lead/)).not.toBeInTheDocument();
  });
});
