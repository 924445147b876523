// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import { loadData } from './src/data/load.ts';
import { LOCALES } from './src/i18n/locale.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import serviceWorker from './src/integrations/service-worker.ts';
import { dirname, join } from 'node:path';

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
 * The charts are drawn at build time only: each chart's `render.ts` is the module that draws it, and in
 * the browser bundle it is a stub, so neither the layouts nor the words and shapes can reach a reader, even if a
 * browser module came to import one (the drawing is in the HTML, the island's static content, and the
 * island never redraws it).
 */
const RENDER_STUB = '\0server-only:render';
/** @type {import('vite').Plugin} */
const drawOnServer = {
  name: 'sold-numbers:draw-on-server',
  enforce: 'pre',
  resolveId(source, importer, options) {
    if (options?.ssr || !importer) return;
    const target = source.startsWith('.') ? join(dirname(importer), source) : source;
    if (/\/charts\/[\w-]+\/render(\.ts)?$/.test(target)) return RENDER_STUB;
  },
  load(id) {
    if (id === RENDER_STUB) return "export const render = () => '';";
  },
};

/**
 * The public address, in one place: SITE (origin) and BASE (sub-path), e.g.
 * SITE=https://news.example.com BASE=/graphics/sold-numbers/. Every printed address, QR code, canonical
 * and share link is built from them. A published build must name its address: `astro build` without
 * SITE stops here, unless PREVIEW=1 (what `npm start` sets) asks for a local preview at
 * http://localhost:4321, whose pages say they are a preview and print no QR code (src/site/paths.ts).
 */
const PREVIEW_SITE = 'http://localhost:4321';
const building = process.argv.slice(2).includes('build');
if (building && !process.env.SITE && process.env.PREVIEW !== '1') {
  console.error(
    [
      '',
      'SITE is not set: the build would print http://localhost addresses (and QR codes) on the handout, the slides and every share link.',
      'Set the public address the site will be served at, for example:',
      '  SITE=https://news.example.com BASE=/graphics/sold-numbers/ npm run build',
      'For a local preview only, run `npm start` (or PREVIEW=1 npm run build).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const site = process.env.SITE || PREVIEW_SITE;
if (!/^https?:\/\/[^/]/.test(site)) {
  console.error(`SITE must be an absolute http(s) address such as https://news.example.com, not "${site}".`);
  process.exit(1);
}
const base = process.env.BASE || '/';
if (building && !process.env.SITE)
  console.warn(`PREVIEW build: addresses point at ${PREVIEW_SITE}; pages are marked as a preview and carry no QR code. Not for publishing.`);

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
  vite: { plugins: [drawOnServer] },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
