import { getViteConfig } from 'astro/config';
import { configDefaults } from 'vitest/config';

// Astro's Vite config gives the tests the same Svelte compiler the site uses.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/build checks the BUILT site in dist/: it has its own config (vitest.site.config.ts) and
    // runs after the build, from `npm run test:browser` or `npm run test:site`.
    exclude: [...configDefaults.exclude, 'tests/build/**'],
    environment: 'node',
    // One module graph per worker, not per file: the suite runs in about half the time. Safe because no
    // test mocks a module, stubs a global or the environment, or fakes timers (none calls vi.mock,
    // vi.stubGlobal, vi.stubEnv or vi.useFakeTimers); a test that must should run in its own project.
    isolate: false,
  },
});
