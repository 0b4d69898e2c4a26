import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, BASE_URL, DESKTOP, launchChromium, PHONE, screenshot } from './browser';
import { xlsx } from './xlsx';

/**
 * Leads through the browser against the running platform (user-service and lead-service behind
 * one origin): an admin imports a small workbook through the wizard and sees the leads, drags one
 * to another stage on the pipeline and finds the move in its history, merges a duplicate into a
 * lead, an agent sees only the leads assigned to them, and the admin hands that agent's leads to
 * another one. A fresh tenant is made through the API first; the rest is the browser.
 */
const run = Date.now().toString(36);
const password = 'Pipeline2026go';
const admin = { firstName: 'Irma', lastName: 'Importer', email: `leads-admin.${run}@e2e.chosencrm.test` };
const agent = { firstName: 'Theo', lastName: 'Agent', email: `leads-agent.${run}@e2e.chosencrm.test` };
// The workbook: three good rows (two for the agent by the "Assigned to" column), one bad one.
const leads = {
  ivy: { first: 'Ivy', last: `Importer${run}` },
  oscar: { first: 'Oscar', last: `Onrow${run}` },
  nora: { first: 'Nora', last: `Nobody${run}` },
  bad: { first: 'Bad', last: `Row${run}` },
};
const full = (l: { first: string; last: string }) => `${l.first} ${l.last}`;

let browser: Browser;
let adminContext: BrowserContext;
let page: Page;
let adminToken = '';
const pageErrors: string[] = [];

async function newPage(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: BASE_URL, acceptDownloads: true });
  const p = await context.newPage();
  p.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page: p };
}

async function signIn(p: Page, email: string) {
  await p.goto('/login');
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByTestId('tenant-name').waitFor();
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

// The mock platform answers user-service only: these need the real lead-service.
describe.skipIf(process.env.CHOSENCRM_MOCK === '1')(`Leads in the browser at ${BASE_URL}`, () => {
  beforeAll(async () => {
    const registered = await apiCall('/api/auth/register', {
      method: 'POST',
      body: { companyName: `E2E Leads ${run}`, firstName: admin.firstName, lastName: admin.lastName, email: admin.email, password },
    });
    expect(registered.status).toBe(201);
    adminToken = registered.body!.accessToken as string;
    const created = await apiCall('/api/users', {
      method: 'POST',
      token: adminToken,
      body: { ...agent, password, roles: ['AGENT'] },
    });
    expect(created.status).toBe(201);
    // lead-service learns about users from user-service's events; the import assigns by email.
    await until('lead-service to know the agent', async () => {
      const agents = await apiCall('/api/leads/assignment/agents', { token: adminToken });
      return (agents.body?.items as { email: string }[] | undefined)?.some((a) => a.email === agent.email) ? true : undefined;
    });
    browser = await launchChromium();
    ({ context: adminContext, page } = await newPage());
    await signIn(page, admin.email);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports a small workbook through the wizard and shows the leads', async () => {
    await page.goto('/import');
    await page.getByRole('heading', { name: 'Import leads' }).waitFor();
    const workbook = xlsx([
      ['First name', 'Last name', 'Email', 'Phone', 'Lead source', 'Loan amount', 'State', 'Assigned to', 'Favourite colour'],
      [leads.ivy.first, leads.ivy.last, `ivy.${run}@example.com`, '214-555-0101', 'Zillow', 350000, 'TX', agent.email, 'Blue'],
      [leads.oscar.first, leads.oscar.last, `oscar.${run}@example.com`, '214-555-0102', 'Referral', 200000, 'CA', agent.email, 'Red'],
      [leads.nora.first, leads.nora.last, `nora.${run}@example.com`, '214-555-0103', 'Website', 500000, 'FL', '', 'Green'],
      [leads.bad.first, leads.bad.last, 'not-an-email', '12', 'Zillow', 100000, 'ZZ', '', 'Grey'],
    ]);
    await page.getByTestId('import-file').setInputFiles({
      name: `leads-${run}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(workbook),
    });

    // The service's proposal: known headings matched, the unknown one left out.
    await page.getByRole('heading', { name: 'Which lead field does each column fill?' }).waitFor();
    expect(page.url()).toMatch(/\/import\/[0-9a-f-]{36}$/);
    const rows = page.getByTestId('mapping-row');
    await expect.poll(() => rows.count()).toBe(9);
    expect(await rows.filter({ hasText: 'Lead source' }).textContent()).toContain('Source');
    expect(await rows.filter({ hasText: 'Assigned to' }).textContent()).toContain('Assignee (email)');
    expect(await rows.filter({ hasText: 'Favourite colour' }).textContent()).toContain('Don’t import');
    await screenshot(page, 'leads-01-import-mapping', true);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: /Skip them/ }).check();
    await screenshot(page, 'leads-02-import-options');
    const started = page.waitForResponse((r) => /\/api\/leads\/imports\/[^/]+\/start$/.test(r.url()));
    await page.getByRole('button', { name: 'Start import' }).click();
    expect((await started).status()).toBe(202);

    // Progress is polled until the summary.
    await page.getByText('Import finished').waitFor({ timeout: 60_000 });
    const counts = page.getByTestId('import-counts');
    expect(await counts.textContent()).toContain('Created: 3');
    expect(await counts.textContent()).toContain('Failed: 1');
    await screenshot(page, 'leads-03-import-summary');

    // The error report: a workbook naming the refused row.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download error report' }).click();
    const report = readFileSync((await (await downloading).path())!);
    const parts = unzipSync(new Uint8Array(report));
    const text = Object.entries(parts).filter(([name]) => name.startsWith('xl/')).map(([, data]) => strFromU8(data)).join(' ');
    expect(text).toContain('not-an-email');

    await page.getByRole('link', { name: 'See the imported leads' }).click();
    await page.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
    await page.getByText('Showing the leads created by one import.').waitFor();
    const leadRows = page.getByTestId('lead-row');
    await expect.poll(() => leadRows.count()).toBe(3);
    for (const l of [leads.ivy, leads.oscar, leads.nora]) await leadRows.filter({ hasText: full(l) }).waitFor();
    expect(await leadRows.filter({ hasText: full(leads.ivy) }).textContent()).toContain(`${agent.firstName} ${agent.lastName}`);
    expect(await page.getByText(full(leads.bad)).count()).toBe(0);
    await screenshot(page, 'leads-04-imported-leads');
  });

  it('undoes an import', async () => {
    await page.goto('/import');
    await page.getByTestId('import-file').setInputFiles({
      name: `undo-${run}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(xlsx([['Name', 'Email'], [`Una Undone${run}`, `una.${run}@example.com`]])),
    });
    await page.getByRole('button', { name: 'Next' }).click();
    const importId = /\/import\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByText('Import finished').waitFor({ timeout: 60_000 });
    expect((await apiCall(`/api/leads?importId=${importId}`, { token: adminToken })).body!.items).toHaveLength(1);
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => page.getByTestId('undo-result').first().textContent()).toContain('1 lead removed');
    await screenshot(page, 'leads-04b-import-undone');
    expect((await apiCall(`/api/leads?importId=${importId}`, { token: adminToken })).body!.items).toEqual([]);
  });

  it('drags a lead to another stage and shows the move in its history', async () => {
    await page.goto('/pipeline');
    const newColumn = page.locator('[data-testid="board-column"][data-stage="New"]');
    const contacted = page.locator('[data-testid="board-column"][data-stage="Contacted"]');
    const card = newColumn.getByTestId('board-card').filter({ hasText: full(leads.ivy) });
    await card.waitFor();
    await screenshot(page, 'leads-05-pipeline');

    // A real drag: press on the card, move in steps onto the other column, release.
    const from = (await card.boundingBox())!;
    const to = (await contacted.boundingBox())!;
    const moved = page.waitForResponse((r) => /\/api\/leads\/[^/]+\/status$/.test(r.url()) && r.request().method() === 'PUT');
    await page.mouse.move(from.x + 12, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + from.height / 2, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
    await page.mouse.up();
    expect((await moved).status()).toBe(200);
    await contacted.getByTestId('board-card').filter({ hasText: full(leads.ivy) }).waitFor();
    expect(await newColumn.getByTestId('board-card').filter({ hasText: full(leads.ivy) }).count()).toBe(0);
    await screenshot(page, 'leads-06-pipeline-moved');

    // The server has it: after a reload the card is still there.
    await page.reload();
    await contacted.getByTestId('board-card').filter({ hasText: full(leads.ivy) }).waitFor();

    // With the keyboard: Space picks the card up, an arrow moves it to the next stage, Space drops it.
    const oscar = newColumn.getByTestId('board-card').filter({ hasText: full(leads.oscar) });
    await oscar.focus();
    const keyed = page.waitForResponse((r) => /\/api\/leads\/[^/]+\/status$/.test(r.url()) && r.request().method() === 'PUT');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.getByText(`${full(leads.oscar)} is over Contacted.`).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    expect((await keyed).status()).toBe(200);
    await contacted.getByTestId('board-card').filter({ hasText: full(leads.oscar) }).waitFor();

    await contacted.getByRole('link', { name: full(leads.ivy) }).click();
    await page.getByRole('heading', { name: full(leads.ivy) }).waitFor();
    const history = page.getByTestId('history-entry');
    await history.filter({ hasText: 'You moved the lead from New to Contacted' }).waitFor();
    await screenshot(page, 'leads-07-lead-detail', true);
  });

  it('offers a duplicate on the lead and merges it in', async () => {
    // The same person entered twice: same email, another spelling of the name.
    const twin = { first: 'Nora', last: `Twin${run}` };
    const created = await apiCall('/api/leads?allowDuplicate=true', {
      method: 'POST',
      token: adminToken,
      body: { firstName: twin.first, lastName: twin.last, email: `NORA.${run}@example.com`, tags: ['twin'] },
    });
    expect(created.status).toBe(201);
    const twinId = created.body!.id as string;

    await page.goto(`/leads?q=${encodeURIComponent(leads.nora.last)}`);
    await page.getByRole('link', { name: full(leads.nora) }).click();
    await page.getByRole('heading', { name: full(leads.nora) }).waitFor();
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    await duplicates.getByTestId('duplicate').filter({ hasText: full(twin) }).waitFor();
    expect(await duplicates.textContent()).toContain('Same email');
    await screenshot(page, 'leads-08-duplicates', true);

    await duplicates.getByRole('button', { name: 'Merge into this lead' }).click();
    const dialog = page.getByRole('dialog', { name: `Merge ${full(twin)} into ${full(leads.nora)}?` });
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('history-entry').filter({ hasText: `${full(twin)} merged into this lead` }).waitFor();
    // The card goes once the duplicates are asked again: the twin no longer counts.
    await duplicates.waitFor({ state: 'detached' });
    expect(await page.getByRole('region', { name: 'Details' }).textContent()).toContain('twin');
    // The twin is gone from the lists, pointing at the lead it went into.
    const gone = await apiCall(`/api/leads/${twinId}`, { token: adminToken });
    expect(gone.body!.mergedIntoId).toBe(page.url().split('/').pop());
  });

  it('shows an agent only their own leads', async () => {
    const { context, page: agentPage } = await newPage();
    await signIn(agentPage, agent.email);
    const nav = agentPage.getByRole('navigation', { name: 'Main' });
    expect(await nav.textContent()).toContain('Leads');
    expect(await nav.textContent()).not.toContain('Import');
    expect(await nav.textContent()).not.toContain('Assignment rules');

    await agentPage.goto('/leads');
    const rows = agentPage.getByTestId('lead-row');
    await rows.first().waitFor();
    const names = await rows.locator('a').allTextContents();
    expect(names.sort()).toEqual([full(leads.ivy), full(leads.oscar)].sort());
    expect(await agentPage.getByRole('checkbox', { name: /^Select/ }).count()).toBe(0); // no bulk actions
    await screenshot(agentPage, 'leads-09-agent-leads');

    await agentPage.goto('/pipeline');
    await agentPage.getByTestId('board-card').first().waitFor();
    expect((await agentPage.getByTestId('board-card').allTextContents()).some((t) => t.includes(leads.nora.last))).toBe(false);
    expect(await agentPage.getByTestId('board-card').count()).toBe(2);

    // Someone else's lead is "not found", in the SPA and in the API.
    const others = await apiCall(`/api/leads/search?q=${encodeURIComponent(leads.nora.last)}`, { token: adminToken });
    const noraId = (others.body!.items as { id: string }[])[0]!.id;
    await agentPage.goto(`/leads/${noraId}`);
    await agentPage.getByRole('heading', { name: 'Lead not found' }).waitFor();
    await agentPage.goto('/import');
    await agentPage.getByRole('heading', { name: 'Not allowed', exact: true }).waitFor();

    const login = await apiCall('/api/auth/login', { method: 'POST', body: { email: agent.email, password } });
    const token = login.body!.accessToken as string;
    const list = await apiCall('/api/leads?limit=200', { token });
    expect((list.body!.items as { lastName: string }[]).map((l) => l.lastName).sort()).toEqual([leads.ivy.last, leads.oscar.last].sort());
    expect((await apiCall(`/api/leads/${noraId}`, { token })).status).toBe(404);

    // The same on a phone: the list fits, the board scrolls sideways.
    const phone = await newPage(PHONE);
    await signIn(phone.page, agent.email);
    await phone.page.goto('/leads');
    await phone.page.getByTestId('lead-row').first().waitFor();
    await screenshot(phone.page, 'leads-10-phone-leads');
    await phone.page.goto('/pipeline');
    await phone.page.getByTestId('board-card').first().waitFor();
    const board = phone.page.getByRole('region', { name: 'Pipeline board' });
    const scroll = await board.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
    await screenshot(phone.page, 'leads-11-phone-pipeline');
    await phone.context.close();
    await context.close();
  });

  it('hands the leads of an agent who leaves to another one', async () => {
    const next = { firstName: 'Nia', lastName: 'Next', email: `leads-next.${run}@e2e.chosencrm.test` };
    const created = await apiCall('/api/users', { method: 'POST', token: adminToken, body: { ...next, password, roles: ['AGENT'] } });
    expect(created.status).toBe(201);
    await until('lead-service to know the new agent', async () => {
      const agents = await apiCall('/api/leads/assignment/agents', { token: adminToken });
      return (agents.body?.items as { email: string }[] | undefined)?.some((a) => a.email === next.email) ? true : undefined;
    });

    await page.goto('/admin/assignment');
    await page.getByRole('button', { name: `Reassign ${agent.firstName} ${agent.lastName}’s leads` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Move them to' }).click();
    await page.getByRole('option', { name: `${next.firstName} ${next.lastName}` }).click();
    await dialog.getByLabel('Reason').fill('Theo left the company');
    await dialog.getByRole('button', { name: 'Reassign all' }).click();
    await dialog.getByText('2 leads reassigned.').waitFor();
    await screenshot(page, 'leads-12-reassigned-all');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const login = await apiCall('/api/auth/login', { method: 'POST', body: { email: next.email, password } });
    const theirs = await apiCall('/api/leads?limit=200', { token: login.body!.accessToken as string });
    expect((theirs.body!.items as { lastName: string }[]).map((l) => l.lastName).sort()).toEqual([leads.ivy.last, leads.oscar.last].sort());
  });

  it('raised no errors in the pages', async () => {
    await adminContext.close();
    expect(pageErrors).toEqual([]);
  });
});
