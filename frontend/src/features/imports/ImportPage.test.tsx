import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { fakeApi, json } from '@/test/leadApi';
import * as recorded from '@/test/recordedLeadAnswers';
import { renderRoutes, signedInAs } from '@/test/render';

const job = recorded.importJob;
const waiting = { ...job, state: 'MAPPING', mapping: null, duplicatePolicy: null, progress: { ...job.progress, rowsRead: 0, created: 0, failed: 0, percent: 0 }, errorReport: null, startedAt: null, finishedAt: null };

describe('ImportPage', () => {
  it('uploads the chosen file and goes to the mapping', async () => {
    const calls = fakeApi(({ url, method }) =>
      url.pathname === '/api/leads/imports' && method === 'POST' ? json(201, waiting) : url.pathname === '/api/leads/imports' ? json(200, { items: [], nextCursor: null }) : undefined,
    );
    const { router } = renderRoutes(routes, { path: '/import', auth: signedInAs(['SUPERVISOR']) });
    await userEvent.upload(await screen.findByTestId('import-file'), new File(['PK'], 'leads.xlsx'));
    expect(await screen.findByText('Which lead field does each column fill?')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/import/${job.id}`);
    expect(calls.find((c) => c.method === 'POST')).toBeDefined();
  });

  it('starts with the mapping as edited and the duplicate policy chosen, then shows the summary', async () => {
    let started = false;
    const calls = fakeApi(({ url, method }) => {
      if (url.pathname === `/api/leads/imports/${job.id}/start` && method === 'POST') {
        started = true;
        return json(202, { ...waiting, state: 'QUEUED' });
      }
      if (url.pathname === `/api/leads/imports/${job.id}`) return json(200, started ? job : waiting);
      return undefined;
    });
    renderRoutes(routes, { path: `/import/${job.id}`, auth: signedInAs(['ADMIN']) });
    const rows = await screen.findAllByTestId('mapping-row');
    expect(rows).toHaveLength(job.headers.length);
    // Move "Source" to the last column: the column that had it is no longer imported.
    await userEvent.click(within(rows[7]!).getByLabelText(/Field for column H/));
    await userEvent.click(await screen.findByRole('option', { name: 'Source (moves here)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('radio', { name: /Update the existing lead/ }));
    expect(screen.getByText('Not imported: Lead source.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start import' }));
    expect(await screen.findByText('Import finished', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('import-counts')).toHaveTextContent('Created: 2');
    expect(screen.getByRole('link', { name: 'See the imported leads' })).toHaveAttribute('href', `/leads?importId=${job.id}`);
    expect(screen.getByRole('button', { name: 'Download error report' })).toBeInTheDocument();
    const body = calls.find((c) => c.url.pathname.endsWith('/start'))!.body as { mapping: { column: number; field: string }[]; duplicatePolicy: string };
    expect(body.duplicatePolicy).toBe('UPDATE');
    expect(body.mapping.find((m) => m.field === 'source')).toEqual({ column: 7, field: 'source' });
    expect(body.mapping.some((m) => m.column === 4)).toBe(false);
  });

  it('starts no import while the tenant has imports switched off', async () => {
    fakeApi(({ url }) =>
      url.pathname === '/api/settings/features'
        ? json(200, [{ key: 'leadImport', type: 'BOOLEAN', value: false, defaultValue: true, description: '', overridden: true, minimum: null, maximum: null, allowedValues: null }])
        : url.pathname === '/api/leads/imports' ? json(200, { items: [], nextCursor: null }) : undefined,
    );
    renderRoutes(routes, { path: '/import', auth: signedInAs(['SUPERVISOR']) });
    expect(await screen.findByText(/Importing leads is switched off for your company/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose a file' })).toBeDisabled();
  });

  it('keeps agents out', async () => {
    fakeApi(() => undefined);
    renderRoutes(routes, { path: '/import', auth: signedInAs(['AGENT']) });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
  });
});
