import { register } from 'node:module';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/lib/chromium.mjs';
import { basePath } from './src/site/files.mjs';

// The specs read the chart registry, which reaches the charts' Svelte components: Node loads those as empty modules.
register('./tests/e2e/svelte-hooks.mjs', import.meta.url);

// Browser tests run against the BUILT site (`astro build` first; `npm run test:browser` does it).
// Chromium is the system one (apt `chromium`), never a Playwright download.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// Sub-path publishing: astro.config.mjs reads BASE (default '/').
const base = basePath(process.env.BASE);
// TEST_PORT picks another port when 4321 is taken (e.g. by `astro dev`, which would otherwise be
// reused locally instead of the built site).
const port = Number(process.env.TEST_PORT || 4321);
const origin = `http://127.0.0.1:${port}`;
const baseURL = `${origin}${base}`;
// A reporter's page on another origin, embedding our charts (tests/e2e/fixtures).
const hostPort = port + 1;
export const hostURL = `http://127.0.0.1:${hostPort}/`;
// The built site as a static host serves it, with the headers dist/_headers declares (astro preview sends none of
// them): what WordPress's sandboxed frames need (tests/e2e/wordpress.spec.ts).
const headersPort = port + 2;
export const headersURL = `http://127.0.0.1:${headersPort}${base}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          executablePath,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${port}`,
      url: baseURL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node tests/e2e/fixtures/dist-server.mjs ${headersPort} ${base}`,
      url: headersURL,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `node tests/e2e/fixtures/host-server.mjs ${hostPort} ${baseURL} ${headersURL}`,
      url: hostURL,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
