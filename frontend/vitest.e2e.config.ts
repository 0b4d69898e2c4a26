import { defineConfig } from 'vitest/config';

// Browser tests: Playwright (playwright-core) drives Debian's Chromium against a running platform
// at CHOSENCRM_URL (default http://localhost:8080), or against e2e/mock-platform.mjs when
// CHOSENCRM_MOCK=1. The steps of a file run in order, as one user story.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
