import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Static checks of the BUILT site (tests/build): html-validate, links and fragments, other origins,
// page metadata. They read dist/, so build first: `npm run test:site` expects a build, and
// `npm run test:browser` builds, runs these, then the browser suite. No browser needed.
export default defineConfig({
  // The tsconfig.json import alias (`~/lib/...`), which Astro's Vite config would otherwise supply.
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
