/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the SPA talks to the gateway on the same origin, as it does in production where
// the gateway serves the build: Vite forwards /api and /.well-known to it, in `vite` and in
// `vite preview` (the build). CHOSENCRM_GATEWAY may also name one service, e.g. user-service on
// http://localhost:8081, to try the SPA against it without the gateway; CHOSENCRM_LEAD_SERVICE
// (e.g. http://localhost:8083) then sends /api/leads to lead-service. The first matching prefix wins.
const gateway = process.env.CHOSENCRM_GATEWAY ?? 'http://localhost:8080';
const leadService = process.env.CHOSENCRM_LEAD_SERVICE;
const proxy = {
  ...(leadService ? { '/api/leads': { target: leadService, changeOrigin: false } } : {}),
  '/api': { target: gateway, changeOrigin: false },
  '/.well-known': { target: gateway, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 3000,
    strictPort: true,
    proxy,
  },
  preview: { port: 3000, proxy },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 20_000,
  },
});
