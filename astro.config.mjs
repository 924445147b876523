// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';

// Publish under a newsroom's sub-path with SITE=https://news.example.com BASE=/graphics/sold-numbers/
const site = process.env.SITE || 'http://localhost:4321';
const base = process.env.BASE || '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  integrations: [svelte()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
