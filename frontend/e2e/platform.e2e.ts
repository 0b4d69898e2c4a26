import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, BASE_URL, DESKTOP, launchChromium, PHONE, screenshot } from './browser';

/**
 * One tenant's first day, through the browser against the running platform: sign up, sign in,
 * add a supervisor and an agent, switch a feature on, and see that the agent is kept out of the
 * admin screens (by the SPA and by the API). Each step builds on the one before.
 */
const run = Date.now().toString(36);
const company = `E2E Mortgage ${run}`;
const password = 'Pipeline2026go';
const admin = { firstName: 'Avery', lastName: 'Admin', email: `owner.${run}@e2e.chosencrm.test` };
const supervisor = { firstName: 'Sky', lastName: 'Supervisor', email: `lead.${run}@e2e.chosencrm.test` };
const agent = { firstName: 'Alex', lastName: 'Agent', email: `officer.${run}@e2e.chosencrm.test` };

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function newPage(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport, baseURL: BASE_URL });
  const p = await ctx.newPage();
  p.on('pageerror', (error) => pageErrors.push(error.message));
  return { context: ctx, page: p };
}

async function signIn(p: Page, email: string) {
  await p.goto('/login');
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  // The header, not the sidebar: on a phone the sidebar is a closed drawer.
  await p.getByTestId('tenant-name').waitFor();
}

async function signOut(p: Page, who: { firstName: string; lastName: string }) {
  await p.getByRole('button', { name: `Account menu for ${who.firstName} ${who.lastName}` }).click();
  await p.getByRole('menuitem', { name: 'Sign out' }).click();
  await p.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
}

async function addUser(p: Page, user: typeof agent, role: 'Supervisor' | 'Agent') {
  await p.getByRole('button', { name: 'Add user' }).click();
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('First name').fill(user.firstName);
  await dialog.getByLabel('Last name').fill(user.lastName);
  await dialog.getByLabel('Email').fill(user.email);
  await dialog.getByLabel('Initial password').fill(password);
  if (role === 'Supervisor') {
    await dialog.getByRole('checkbox', { name: /^Agent/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /^Supervisor/ }).check();
  }
  const created = p.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  expect((await created).status()).toBe(201);
  await dialog.waitFor({ state: 'detached' });
  await p.getByTestId('user-row').filter({ hasText: user.email }).waitFor();
}

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, page } = await newPage());
});

afterAll(async () => {
  await browser?.close();
});

describe(`ChosenCRM in the browser at ${BASE_URL}`, () => {
  it('signs up a new tenant and lands in its workspace', async () => {
    await page.goto('/signup');
    await screenshot(page, '01-sign-up');
    await page.getByLabel('Company name').fill(company);
    await page.getByLabel('First name').fill(admin.firstName);
    await page.getByLabel('Last name').fill(admin.lastName);
    await page.getByLabel('Work email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(company);
    expect(page.url()).toBe(`${BASE_URL}/`);
    await screenshot(page, '02-home-admin');
  });

  it('signs out, and signs in again', async () => {
    await signOut(page, admin);
    expect(await page.getByText('You have signed out.').isVisible()).toBe(true);
    await screenshot(page, '03-login');

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await screenshot(page, '04-login-refused');

    await signIn(page, admin.email);
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(company);
  });

  it('keeps the session across a reload (refresh token in sessionStorage)', async () => {
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    expect(page.url()).toBe(`${BASE_URL}/admin/users`);
  });

  it('creates a supervisor and an agent', async () => {
    await addUser(page, supervisor, 'Supervisor');
    await addUser(page, agent, 'Agent');
    const rows = page.getByTestId('user-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.filter({ hasText: supervisor.email }).textContent()).toContain('Supervisor');
    expect(await rows.filter({ hasText: agent.email }).textContent()).toContain('Agent');
    await screenshot(page, '05-users');
  });

  it('switches a feature flag on, and it stays on', async () => {
    await page.goto('/admin/features');
    const toggle = page.getByTestId('flag-roundRobinAssignment').locator('input[type="checkbox"]');
    await toggle.waitFor();
    const before = await toggle.isChecked();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings/features') && r.request().method() === 'PUT');
    await toggle.click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => toggle.isChecked()).toBe(!before);

    await page.reload();
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(!before);
    await screenshot(page, '06-feature-flags', true);
  });

  it('saves the company profile, and clears a field left blank', async () => {
    await page.goto('/admin/settings');
    const legalName = page.getByLabel('Legal name');
    await legalName.waitFor();
    await legalName.fill(`${company} LLC`);
    await page.getByLabel('City').fill('Dallas');
    await page.getByLabel('State').fill('tx');
    const save = async () => {
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings/tenant') && r.request().method() === 'PUT');
      await page.getByRole('button', { name: 'Save settings' }).click();
      expect((await saved).status()).toBe(200);
      await page.getByText('Settings saved.').waitFor();
    };
    await save();

    await page.reload();
    await legalName.waitFor();
    expect(await legalName.inputValue()).toBe(`${company} LLC`);
    expect(await page.getByLabel('State').inputValue()).toBe('TX'); // upper-cased by the service

    await legalName.fill('');
    await save();
    await page.reload();
    await legalName.waitFor();
    expect(await legalName.inputValue()).toBe('');
    expect(await page.getByLabel('City').inputValue()).toBe('Dallas');
  });

  it('shows the other admin screens (screenshots for review)', async () => {
    for (const [path, heading, name] of [
      ['/admin/teams', 'Teams', '07-teams'],
      ['/admin/settings', 'Company settings', '08-company-settings'],
      ['/admin/custom-fields', 'Custom fields', '09-custom-fields'],
      ['/admin/audit', 'Audit log', '10-audit-log'],
      ['/account', 'My account', '11-my-account'],
      ['/no/such/page', 'Page not found', '12-not-found'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, name);
    }
    const phone = await newPage(PHONE);
    await phone.page.goto('/login');
    await screenshot(phone.page, '13-phone-login');
    await signIn(phone.page, admin.email);
    await phone.page.goto('/admin/users');
    await phone.page.getByTestId('user-row').first().waitFor();
    await screenshot(phone.page, '14-phone-users');
    await phone.page.getByRole('button', { name: 'Open navigation' }).click();
    await phone.page.getByRole('navigation', { name: 'Main' }).waitFor();
    await phone.page.waitForTimeout(500); // the drawer's slide-in, for the picture only
    await screenshot(phone.page, '15-phone-navigation');
    await phone.context.close();
  });

  it('keeps an agent out of the admin screens', async () => {
    await signOut(page, admin);
    await context.close();
    ({ context, page } = await newPage());
    await signIn(page, agent.email);

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.textContent()).not.toContain('Users');
    expect(await nav.textContent()).not.toContain('Feature flags');
    await screenshot(page, '16-home-agent');

    for (const path of ['/admin/users', '/admin/features', '/admin/settings', '/admin/audit']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Not allowed', exact: true }).waitFor();
    }
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(company);
    await screenshot(page, '17-agent-not-allowed');
  });

  it('has the API refuse the agent too', async () => {
    const login = await apiCall('/api/auth/login', { method: 'POST', body: { email: agent.email, password } });
    expect(login.status).toBe(200);
    const token = login.body!.accessToken as string;

    // Each refusal is the platform's problem+json, the same whichever admin endpoint is asked.
    const forbidden = { type: 'https://chosencrm.dev/problems/forbidden', status: 403 };
    const audit = await apiCall('/api/settings/audit', { token });
    expect(audit).toMatchObject({ status: 403, contentType: 'application/problem+json', body: forbidden });
    expect(typeof audit.body!.requestId).toBe('string');
    const flags = await apiCall('/api/settings/features', { method: 'PUT', token, body: { roundRobinAssignment: false } });
    expect(flags).toMatchObject({ status: 403, body: forbidden });
    const create = await apiCall('/api/users', {
      method: 'POST',
      token,
      body: { email: `x.${run}@e2e.chosencrm.test`, firstName: 'X', lastName: 'Y', password, roles: ['ADMIN'] },
    });
    expect(create).toMatchObject({ status: 403, body: forbidden });
    // Reading is allowed: the agent sees only themself.
    const users = await apiCall('/api/users', { token });
    expect(users.status).toBe(200);
    expect((users.body!.items as { email: string }[]).map((u) => u.email)).toEqual([agent.email]);
  });

  it('signs the agent out', async () => {
    await signOut(page, agent);
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(pageErrors).toEqual([]);
  });
});
