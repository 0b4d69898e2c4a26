import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { fakeApi, json } from '@/test/leadApi';
import * as recorded from '@/test/recordedLeadAnswers';
import { renderRoutes, signedInAs } from '@/test/render';

const [newStage, contacted] = recorded.stages;
const ivy = { ...recorded.leadPage.items[0]!, id: 'ivy', firstName: 'Ivy', lastName: 'Importer', statusId: newStage!.id, status: 'New' };

/** lead-service's board: columns by stage id; a status change answered by `move`, kept if it succeeded. */
function board(move: (body: unknown) => Response) {
  let stageId = newStage!.id;
  return fakeApi(({ url, method, body }) => {
    if (url.pathname === '/api/leads' && method === 'GET') {
      return json(200, { items: url.searchParams.get('status') === stageId ? [ivy] : [], nextCursor: null });
    }
    if (url.pathname === '/api/leads/ivy/status') {
      const answer = move(body);
      if (answer.ok) stageId = (body as { status: string }).status;
      return answer;
    }
    return undefined;
  });
}
const column = (name: string) => screen.getAllByTestId('board-column').find((c) => c.dataset.stage === name)!;

describe('PipelinePage', () => {
  it('shows a column per stage and the leads in board order', async () => {
    const calls = board(() => json(200, ivy));
    renderRoutes(routes, { path: '/pipeline', auth: signedInAs(['AGENT']) });
    expect(await screen.findByText('Ivy Importer')).toBeInTheDocument();
    expect(screen.getAllByTestId('board-column').map((c) => c.dataset.stage)).toEqual(recorded.stages.map((s) => s.name));
    expect(calls.find((c) => c.url.searchParams.get('status') === newStage!.id)!.url.search).toBe(`?status=${newStage!.id}&sort=position&direction=asc&limit=100`);
    expect(screen.queryByRole('button', { name: 'Edit stages' })).not.toBeInTheDocument();
  });

  it('moves a card at once and tells the service', async () => {
    const calls = board(() => json(200, { ...ivy, statusId: contacted!.id, status: 'Contacted' }));
    renderRoutes(routes, { path: '/pipeline', auth: signedInAs(['AGENT']) });
    await userEvent.click(await screen.findByRole('button', { name: 'Move Ivy Importer to another stage' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Contacted' }));
    expect(await within(column('Contacted')).findByText('Ivy Importer')).toBeInTheDocument();
    expect(within(column('New')).queryByText('Ivy Importer')).not.toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname === '/api/leads/ivy/status')!.body).toEqual({ status: contacted!.id, position: 0 });
  });

  it('puts the card back and says why when the move is refused', async () => {
    board(() => json(404, { type: 'https://chosencrm.dev/problems/not-found', title: 'Not found', status: 404, detail: 'Lead ivy not found' }, 'application/problem+json'));
    renderRoutes(routes, { path: '/pipeline', auth: signedInAs(['AGENT']) });
    await userEvent.click(await screen.findByRole('button', { name: 'Move Ivy Importer to another stage' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Contacted' }));
    expect(await screen.findByText('Ivy Importer could not be moved to Contacted. Lead ivy not found')).toBeInTheDocument();
    expect(within(column('New')).getByText('Ivy Importer')).toBeInTheDocument();
    expect(within(column('Contacted')).queryByText('Ivy Importer')).not.toBeInTheDocument();
  });

  it('lets admins edit the stages, checked before saving', async () => {
    const calls = board(() => json(200, ivy));
    renderRoutes(routes, { path: '/pipeline', auth: signedInAs(['ADMIN']) });
    await screen.findByText('Ivy Importer');
    await userEvent.click(screen.getByRole('button', { name: 'Edit stages' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.clear(within(dialog).getByLabelText('Stage 2'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save stages' }));
    expect(within(dialog).getByText('A stage needs a name')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT' && c.url.pathname === '/api/leads/pipeline/stages')).toBe(false);
  });
});
