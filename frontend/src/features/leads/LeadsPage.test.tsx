import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { fakeApi, json } from '@/test/leadApi';
import * as recorded from '@/test/recordedLeadAnswers';
import { renderRoutes, signedInAs } from '@/test/render';

const page = { items: [recorded.lead, recorded.leadPage.items[0]], nextCursor: null };

describe('LeadsPage', () => {
  it('lists the leads with their stage and assignee', async () => {
    fakeApi(({ url }) => (url.pathname === '/api/leads' ? json(200, page) : undefined));
    renderRoutes(routes, { path: '/leads', auth: signedInAs(['ADMIN']) });
    const rows = await screen.findAllByTestId('lead-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Rita Recorded')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Contacted')).toBeInTheDocument();
    expect(within(rows[0]!).getByLabelText('Do not contact')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Unassigned')).toBeInTheDocument();
    expect(screen.getByTestId('lead-count')).toHaveTextContent('2 leads shown');
  });

  it('asks the service for the filters in the address, and loads more with its cursor', async () => {
    const calls = fakeApi(({ url }) =>
      url.pathname === '/api/leads'
        ? json(200, url.searchParams.get('cursor') ? { items: [recorded.leadPage.items[0]], nextCursor: null } : { items: [recorded.lead], nextCursor: 'c2' })
        : undefined,
    );
    renderRoutes(routes, { path: '/leads?status=New&status=Contacted&tags=hot&sort=name', auth: signedInAs(['SUPERVISOR']) });
    await screen.findByText('Rita Recorded');
    const list = calls.filter((c) => c.url.pathname === '/api/leads');
    expect(list[0]!.url.search).toBe('?status=New&status=Contacted&tags=hot&sort=name&limit=50');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findAllByTestId('lead-row')).toHaveLength(2);
    expect(calls.filter((c) => c.url.pathname === '/api/leads').at(-1)!.url.searchParams.get('cursor')).toBe('c2');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it("lets an admin narrow the list to one team's leads", async () => {
    const calls = fakeApi(({ url }) =>
      url.pathname === '/api/leads'
        ? json(200, page)
        : url.pathname === '/api/teams'
          ? json(200, [{ id: 't-purchase', name: 'Purchase Team', supervisorId: null, memberCount: 3, createdAt: '', updatedAt: '' }])
          : undefined,
    );
    const { router } = renderRoutes(routes, { path: '/leads', auth: signedInAs(['ADMIN']) });
    await screen.findAllByTestId('lead-row');
    await userEvent.click(screen.getByRole('button', { name: /Filters/ }));
    await userEvent.click(await screen.findByRole('combobox', { name: 'Team' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Purchase Team' }));
    await vi.waitFor(() => expect(calls.filter((c) => c.url.pathname === '/api/leads').at(-1)!.url.searchParams.get('teamId')).toBe('t-purchase'));
    expect(router.state.location.search).toContain('teamId=t-purchase');
  });

  it('offers supervisors no team filter: their list is their team', async () => {
    fakeApi(({ url }) => (url.pathname === '/api/leads' ? json(200, page) : undefined));
    renderRoutes(routes, { path: '/leads', auth: signedInAs(['SUPERVISOR']) });
    await screen.findAllByTestId('lead-row');
    await userEvent.click(screen.getByRole('button', { name: /Filters/ }));
    await screen.findByRole('region', { name: 'Filters' });
    expect(screen.queryByRole('combobox', { name: 'Team' })).not.toBeInTheDocument();
  });

  it('searches through the search endpoint', async () => {
    const calls = fakeApi(({ url }) =>
      url.pathname === '/api/leads' ? json(200, page) : url.pathname === '/api/leads/search' ? json(200, { items: [], nextCursor: null }) : undefined,
    );
    renderRoutes(routes, { path: '/leads', auth: signedInAs(['AGENT']) });
    await screen.findByText('Rita Recorded');
    await userEvent.type(screen.getByLabelText('Search'), 'ritta');
    expect(await screen.findByText('No leads match your search', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname === '/api/leads/search')!.url.searchParams.get('q')).toBe('ritta');
  });

  it('searches within the filters', async () => {
    const calls = fakeApi(({ url }) =>
      url.pathname === '/api/leads' ? json(200, page) : url.pathname === '/api/leads/search' ? json(200, { items: [], nextCursor: null }) : undefined,
    );
    renderRoutes(routes, { path: '/leads?status=New&sort=name', auth: signedInAs(['AGENT']) });
    await screen.findByText('Rita Recorded');
    await userEvent.type(screen.getByLabelText('Search'), 'ritta');
    await screen.findByText('No leads match your search', {}, { timeout: 3000 });
    const search = calls.find((c) => c.url.pathname === '/api/leads/search')!.url.searchParams;
    expect(search.get('q')).toBe('ritta');
    expect(search.getAll('status')).toEqual(['New']);
    expect(search.get('sort')).toBeNull();
    expect(search.get('limit')).toBe('25');
  });

  it('gives agents no bulk selection', async () => {
    fakeApi(({ url }) => (url.pathname === '/api/leads' ? json(200, page) : undefined));
    renderRoutes(routes, { path: '/leads', auth: signedInAs(['AGENT']) });
    await screen.findByText('Rita Recorded');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByText('The leads assigned to you.')).toBeInTheDocument();
  });

  it('tags the selected leads after confirming, and says what the service did', async () => {
    const calls = fakeApi(({ url, method }) =>
      url.pathname === '/api/leads' ? json(200, page) : url.pathname === '/api/leads/bulk' && method === 'POST' ? json(200, { action: 'ADD_TAGS', matched: 1, changed: 1 }) : undefined,
    );
    renderRoutes(routes, { path: '/leads', auth: signedInAs(['ADMIN']) });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Rita Recorded' }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Add tags…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/the 1 lead you selected/)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Tags'), 'VIP{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add tags' }));
    expect(await screen.findByText('Done: 1 lead tagged.')).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname === '/api/leads/bulk')!.body).toEqual({ action: 'ADD_TAGS', ids: [recorded.lead.id], tags: ['vip'] });
  });

  it('applies a bulk action to every matching lead by the filter', async () => {
    const calls = fakeApi(({ url, method }) =>
      url.pathname === '/api/leads' ? json(200, page) : url.pathname === '/api/leads/bulk' && method === 'POST' ? json(200, { action: 'DELETE', matched: 2, changed: 2 }) : undefined,
    );
    renderRoutes(routes, { path: '/leads?source=Zillow', auth: signedInAs(['ADMIN']) });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select all shown leads' }));
    await userEvent.click(screen.getByRole('button', { name: 'Select all 2 matching leads' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Done: 2 leads deleted.')).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname === '/api/leads/bulk')!.body).toEqual({ action: 'DELETE', filter: { source: ['Zillow'] } });
  });

  it('shows a failed load in words, with a retry', async () => {
    fakeApi(({ url }) =>
      url.pathname === '/api/leads' ? json(500, { type: 'about:blank', title: 'Internal Server Error', status: 500, requestId: 'r-9' }, 'application/problem+json') : undefined,
    );
    renderRoutes(routes, { path: '/leads', auth: signedInAs(['ADMIN']) });
    expect(await screen.findByText(/Something went wrong on our side \(reference r-9\)/, {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    vi.unstubAllGlobals();
  });
});
