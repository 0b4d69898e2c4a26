import type { Server } from 'node:http';

// With CHOSENCRM_MOCK=1 the browser tests run against e2e/mock-platform.mjs (the built SPA and an
// in-memory user-service) instead of a running platform. Needs `npm run build` first.
let server: Server | undefined;

export async function setup() {
  if (process.env.CHOSENCRM_MOCK !== '1') return;
  const { startMockPlatform } = await import('./mock-platform.mjs');
  const port = Number(process.env.CHOSENCRM_MOCK_PORT ?? 4173);
  server = await startMockPlatform(port);
  process.env.CHOSENCRM_URL = `http://localhost:${port}`;
}

export async function teardown() {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
