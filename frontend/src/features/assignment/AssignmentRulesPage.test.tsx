import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { fakeApi, json } from '@/test/leadApi';
import * as recorded from '@/test/recordedLeadAnswers';
import { renderRoutes, signedInAs } from '@/test/render';

const tom = recorded.agents.find((a) => a.name === 'Tom Becker')!;
const ana = recorded.agents.find((a) => a.name === 'Ana Lopez')!;

function page(reassign: (body: unknown) => Response) {
  return fakeApi(({ url, method, body }) => {
    if (url.pathname === '/api/leads/assignment/rules') return json(200, { timeZone: 'America/New_York', rules: [] });
    if (url.pathname === '/api/leads/assignment/reassign-all' && method === 'POST') return reassign(body);
    return undefined;
  });
}

describe('AssignmentRulesPage, agents', () => {
  it('hands every lead of someone who leaves to another agent, with a reason', async () => {
    const calls = page(() => json(200, { reassigned: 42 }));
    renderRoutes(routes, { path: '/admin/assignment', auth: signedInAs(['ADMIN']) });
    await userEvent.click(await screen.findByRole('button', { name: 'Reassign Tom Becker’s leads' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reassign Tom Becker’s leads' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reassign all' }));
    expect(within(dialog).getByText('Choose who gets the leads')).toBeInTheDocument();
    expect(within(dialog).getByText('Say why the leads change hands')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname.endsWith('/reassign-all'))).toBe(false);

    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Move them to' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).not.toContain('Tom Becker');
    await userEvent.click(screen.getByRole('option', { name: 'Ana Lopez' }));
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Tom left the company');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reassign all' }));
    expect(await within(dialog).findByText('42 leads reassigned.')).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname.endsWith('/reassign-all'))!.body).toEqual({
      fromUserId: tom.userId,
      toUserId: ana.userId,
      reason: 'Tom left the company',
    });
  });

  it('shows what the service refused', async () => {
    page(() =>
      json(
        422,
        { type: 'https://chosencrm.dev/problems/unprocessable', title: 'Unprocessable', status: 422, detail: 'Nobody in that team is available' },
        'application/problem+json',
      ),
    );
    renderRoutes(routes, { path: '/admin/assignment', auth: signedInAs(['ADMIN']) });
    await userEvent.click(await screen.findByRole('button', { name: 'Reassign Tom Becker’s leads' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Move them to' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Ana Lopez' }));
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Leaving');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reassign all' }));
    expect(await within(dialog).findByText(/Nobody in that team is available/)).toBeInTheDocument();
  });
});
