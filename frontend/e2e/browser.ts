import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const BASE_URL = (process.env.CHOSENCRM_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

// Debian's Chromium, never a browser download of a test tool's own (it cannot be fetched here).
// Without the background-networking flags Chromium keeps calling home, and this machine's closed
// network refuses every attempt.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 390, height: 844 };

/** Keeps a picture of the screen as test output (e2e/screenshots/, git-ignored). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Calls the API directly, as a script would: to check that the server refuses too. */
export async function apiCall(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type')?.split(';')[0] ?? null,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}
