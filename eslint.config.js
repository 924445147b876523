// ESLint 10 flat config: JavaScript and TypeScript everywhere, plus the Svelte and Astro plugins.
// Formatting is prettier's job (`npm run format`), so the "prettier" presets turn off style rules.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import svelteConfig from './svelte.config.js';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'bench/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  svelte.configs.prettier,
  astro.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    rules: {
      // TypeScript (astro check) already reports undefined names, with the right globals per file.
      'no-undef': 'off',
      // `_`-prefixed names are deliberately unused (tuple holes, required parameters).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chart marks are drawn from a model and never reordered in place: a key would add nothing.
      'svelte/require-each-key': 'off',
      // Svelte 5 drops whitespace-only text between SVG elements, so `{' '}` is how a chart keeps the space
      // between its <text> lines that assistive tech reads the words apart by (ResaleFlow, NetworkMap).
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // Tests build malformed and hostile input on purpose.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Markup made at build time from our own data, never reader input: the story's Markdown (src/edition/story.ts),
    // the charts' server-rendered figures (src/charts/<chart>/figure.ts) with the timeline's Plot panels, and a
    // detail's words escaped by detailHtml() (src/charts/shared/frame.ts).
    files: [
      'src/components/StorySection.svelte',
      'src/charts/shared/ChartIsland.svelte',
      'src/charts/shared/ChartTooltip.svelte',
      'src/charts/timeline/TimelineArtboards.svelte',
    ],
    rules: { 'svelte/no-at-html-tags': 'off' },
  },
);
