// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import { loadData } from './src/lib/data.ts';
import { LOCALES } from './src/lib/schema.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import serviceWorker from './src/integrations/service-worker.ts';

/**
 * Checks data/ before anything is built, so a bad edit fails with one message naming file, record and field.
 * @type {import('astro').AstroIntegration}
 */
const validateData = {
  name: 'sold-numbers:validate-data',
  hooks: {
    'astro:config:setup': ({ logger }) => {
      const data = loadData();
      logger.info(`data/ is valid: ${data.sources.length} sources, ${data.facts.size} facts, ${data.events.size} events`);
    },
  },
};

/**
 * Observable Plot draws the timeline's national panels at build time only: in the browser bundle the
 * module that calls it is a stub, so Plot and its server DOM never reach a reader (the panels are in the HTML,
 * and the island never redraws them: its model and widths do not change after the page is built).
 * @type {import('vite').Plugin}
 */
const plotOnServer = {
  name: 'sold-numbers:plot-on-server',
  enforce: 'pre',
  resolveId(source, _importer, options) {
    if (!options?.ssr && /\/timeline-plot(\.ts)?$/.test(source)) return '\0timeline-plot-stub';
  },
  load(id) {
    // Not empty: Svelte then adopts the server's panels as they are when it hydrates ({@html} content is not compared).
    if (id === '\0timeline-plot-stub') return "export const plotPanels = (model) => model.series.map(() => '<g></g>');";
  },
};

// Publish under a newsroom's sub-path with SITE=https://news.example.com BASE=/graphics/sold-numbers/
const site = process.env.SITE || 'http://localhost:4321';
const base = process.env.BASE || '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  integrations: [validateData, svelte(), securityHeaders(), serviceWorker()],
  // English at the root, other editions under /zh/ and /fr/ (pages in src/pages/[...lang]).
  i18n: { defaultLocale: 'en', locales: [...LOCALES], routing: { prefixDefaultLocale: false } },
  build: { format: 'directory' },
  // Astro hashes its inline scripts and styles into a <meta> CSP; no 'unsafe-inline' anywhere.
  experimental: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  vite: { plugins: [plotOnServer] },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
