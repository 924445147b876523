// Pure helpers for scripts/bench.mjs (no file system access here; unit-tested in tests/scripts).
import { gzipSync } from 'node:zlib';

export const KB = 1024;
export const BUDGETS = { storyJs: 40 * KB, embedJs: 25 * KB };

/**
 * Strings that only Observable Plot's code contains. Checked against
 * @observablehq/plot@0.6.17 (dist/plot.umd.min.js and src/): 'plot-d6a7b5' is the
 * default class name returned by maybeClassName(); the error message comes from
 * legendSwatches(); both are runtime string literals, so they survive minification.
 * '@observablehq/plot' only survives in unminified/dev builds (header comments).
 * ('plot-swatch' is NOT a usable marker: Plot builds it as `${className}-swatch`.)
 */
export const PLOT_MARKERS = ['plot-d6a7b5', 'swatches legend requires ordinal or threshold color scale', '@observablehq/plot'];

/** @param {string | Uint8Array} data @returns {number} gzip -9 size in bytes */
export const gz = (data) => gzipSync(data, { level: 9 }).length;

/** @param {string} attrs @param {string} name @returns {string | null} */
export function attr(attrs, name) {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  if (!m) return new RegExp(`(?:^|\\s)${name}(?=\\s|$|/)`, 'i').test(attrs) ? '' : null;
  return (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&').replace(/&#38;/g, '&');
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/**
 * The assets an HTML page loads.
 * @param {string} html
 * @returns {{ scripts: string[], inlineScripts: string[], stylesheets: string[], inlineStyles: string[] }}
 */
export function extractAssets(html) {
  const scripts = new Set();
  const inlineScripts = [];
  for (const [, attrs = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!JS_TYPES.has((attr(attrs, 'type') ?? '').trim().toLowerCase())) continue; // JSON data, templates
    const src = attr(attrs, 'src');
    if (src) scripts.add(src);
    else if (body.trim()) inlineScripts.push(body);
  }
  for (const [, attrs = ''] of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = attr(attrs, name);
      if (url) scripts.add(url);
    }
  }
  const stylesheets = new Set();
  for (const [tag = ''] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag.slice(5), 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag.slice(5), 'href');
    if (!href) continue;
    if (rel.includes('modulepreload')) scripts.add(href);
    if (rel.includes('stylesheet')) stylesheets.add(href);
  }
  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1] ?? '');
  return { scripts: [...scripts], inlineScripts, stylesheets: [...stylesheets], inlineStyles };
}

/**
 * Specifiers of static `import … from "x"`, `import "x"` and `export … from "x"`
 * (dynamic `import("x")` is loaded on demand and is not followed).
 * @param {string} code @returns {string[]}
 */
export function staticImports(code) {
  const out = new Set();
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$\s{},*]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const m of code.matchAll(re)) if (m[2]) out.add(m[2]);
  return [...out];
}

/**
 * Map a URL found in a page or chunk to a path relative to dist/, or null when it is
 * not served from the site (another origin, data:, bare specifier).
 * @param {string} url @param {string} fromFile dist-relative path of the referring file
 * @param {string} base site base path, e.g. '/' or '/graphics/sold-numbers/'
 */
export function resolveToDist(url, fromFile, base = '/') {
  const clean = url.split(/[?#]/)[0] ?? '';
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('//')) return null;
  let path;
  if (clean.startsWith('/')) {
    const b = base.endsWith('/') ? base : `${base}/`;
    path = clean.startsWith(b) ? clean.slice(b.length) : clean.slice(1);
  } else if (clean.startsWith('./') || clean.startsWith('../')) {
    const parts = fromFile.split('/').slice(0, -1);
    for (const seg of clean.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    path = parts.join('/');
  } else return null; // bare specifier: not loadable by a browser without an import map
  return decodeURIComponent(path.replace(/\/+/g, '/'));
}

/**
 * What kind of page a dist-relative HTML path is, for budgets.
 * @param {string} page e.g. 'index.html', 'zh/index.html', 'embed/timeline/index.html'
 * @returns {'story' | 'embed' | 'other'}
 */
export function pageKind(page) {
  const locale = '(?:[a-z]{2}(?:-[A-Za-z0-9]{2,8})?/)?'; // 'zh/', 'zh-hant/'
  if (new RegExp(`^${locale}index\\.html$`).test(page)) return 'story';
  if (new RegExp(`^${locale}embed/[^/]+/index\\.html$`).test(page)) return 'embed';
  return 'other';
}

/** @param {string} code @returns {string | null} the first Plot marker found */
export function findPlotMarker(code) {
  return PLOT_MARKERS.find((m) => code.includes(m)) ?? null;
}

/**
 * Budget failures for one page.
 * @param {string} page @param {number} jsGz total gzip bytes of the page's client JS
 * @returns {string[]}
 */
export function budgetFailures(page, jsGz) {
  const kind = pageKind(page);
  const limit = kind === 'story' ? BUDGETS.storyJs : kind === 'embed' ? BUDGETS.embedJs : null;
  if (limit === null || jsGz <= limit) return [];
  return [`${page}: client JS ${(jsGz / KB).toFixed(1)} KB gz > ${kind} budget ${limit / KB} KB`];
}
