import { defineConfig } from 'vitest/config';

// Static checks of the BUILT site (tests/site): html-validate, links and fragments, other origins,
// page metadata. They read dist/, so build first: `npm run test:site` expects a build, and
// `npm run test:browser` builds, runs these, then the browser suite. No browser needed.
export default defineConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
