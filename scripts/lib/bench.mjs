// Pure helpers for scripts/bench.mjs (no file system access here; unit-tested in tests/scripts).
import { gzipSync } from 'node:zlib';
import { basePath } from '../../src/site/files.mjs';

export const KB = 1024;
/**
 * Gzip budgets by kind of page: its client JS, and its HTML (SVG charts at three widths and island props
 * included; null where none applies). The talk carries every chart slide's artboards, so its HTML is the
 * heaviest; its budget keeps it from growing unnoticed.
 */
export const BUDGETS = {
  story: { js: 30 * KB, html: 80 * KB },
  embed: { js: 20 * KB, html: null },
  talk: { js: 25 * KB, html: 120 * KB },
};

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
    const b = basePath(base);
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
 * @param {string} page e.g. 'index.html', 'zh/index.html', 'embed/timeline/index.html', 'fr/talk/index.html'
 * @returns {'story' | 'embed' | 'talk' | 'other'}
 */
export function pageKind(page) {
  const locale = '(?:[a-z]{2}(?:-[A-Za-z0-9]{2,8})?/)?'; // 'zh/', 'zh-hant/'
  if (new RegExp(`^${locale}index\\.html$`).test(page)) return 'story';
  if (new RegExp(`^${locale}embed/[^/]+/index\\.html$`).test(page)) return 'embed';
  if (new RegExp(`^${locale}talk/index\\.html$`).test(page)) return 'talk';
  return 'other';
}

/**
 * The budgets of a page, by its kind.
 * @param {string} page @returns {{ js: number | null, html: number | null }}
 */
export function pageBudgets(page) {
  const kind = pageKind(page);
  return kind === 'other' ? { js: null, html: null } : BUDGETS[kind];
}

/**
 * Budget failures for one page.
 * @param {string} page @param {number} jsGz total gzip bytes of the page's client JS @param {number} [htmlGz] of its HTML
 * @returns {string[]}
 */
export function budgetFailures(page, jsGz, htmlGz = 0) {
  const kind = pageKind(page);
  const { js, html } = pageBudgets(page);
  const failures = [];
  if (js !== null && jsGz > js) failures.push(`${page}: client JS ${(jsGz / KB).toFixed(1)} KB gz > ${kind} budget ${js / KB} KB`);
  if (html !== null && htmlGz > html) failures.push(`${page}: HTML ${(htmlGz / KB).toFixed(1)} KB gz > ${kind} budget ${html / KB} KB`);
  return failures;
}

/* ------------------------------------------------------------------ */
/* Image and data bytes                                                */
/* ------------------------------------------------------------------ */

/**
 * Images a page loads from its HTML: <img> (src and srcset), <source srcset> (in <picture>), <video poster>,
 * SVG <image href>, and <link rel="icon" / "apple-touch-icon">. CSS background images are not counted.
 * @param {string} html @returns {string[]} URLs, deduplicated
 */
export function imageRefs(html) {
  const out = new Set();
  const srcset = (v) =>
    (v ?? '')
      .split(',')
      .map((c) => c.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
  for (const [, tag = '', attrs = ''] of html.matchAll(/<(img|source|video|image|link)\b([^>]*)>/gi)) {
    const name = tag.toLowerCase();
    if (name === 'img') {
      const src = attr(attrs, 'src');
      if (src) out.add(src);
      srcset(attr(attrs, 'srcset')).forEach((u) => out.add(u));
    } else if (name === 'source') {
      const type = (attr(attrs, 'type') ?? '').toLowerCase();
      if (!type || type.startsWith('image/')) srcset(attr(attrs, 'srcset')).forEach((u) => out.add(u));
    } else if (name === 'video') {
      const poster = attr(attrs, 'poster');
      if (poster) out.add(poster);
    } else if (name === 'image') {
      const href = attr(attrs, 'href') ?? attr(attrs, 'xlink:href');
      if (href) out.add(href);
    } else {
      const rel = (attr(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(attrs, 'href');
      if (href && (rel.includes('icon') || rel.includes('apple-touch-icon'))) out.add(href);
    }
  }
  return [...out];
}

/**
 * The `props` attributes of a page's astro-islands, as written in the HTML (entity-encoded JSON):
 * the data each island ships to the browser. The site fetches no JSON client-side.
 * @param {string} html @returns {string[]}
 */
export function islandProps(html) {
  return [...html.matchAll(/<astro-island\b([^>]*)>/gi)].map(([, attrs = '']) => attr(attrs, 'props') ?? '').filter(Boolean);
}

/**
 * What a page's islands carry as props: how many islands have them, and their bytes as written in the
 * HTML, raw and gzipped together (they are part of the HTML's size; what the HTML's markup holds already,
 * the props should not repeat).
 * @param {string} html @returns {{ islands: number, raw: number, gz: number }}
 */
export function islandData(html) {
  const props = islandProps(html);
  return { islands: props.length, raw: props.reduce((s, p) => s + Buffer.byteLength(p), 0), gz: props.length ? gz(props.join('')) : 0 };
}

/** The most a chart's island may carry as props on any page, as the browser reads them: each mark's detail and the step count. */
export const ISLAND_PROPS_BUDGET = 6 * KB;

const ENTITIES = { quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&', '#38': '&' };

/**
 * Each chart island on a page: its chart (the data-chart of the one figure it holds) and the bytes of its props
 * as the browser reads them (the attribute's JSON, entities decoded).
 * @param {string} html @returns {{ chart: string, raw: number }[]}
 */
export function chartIslandProps(html) {
  return [...html.matchAll(/<astro-island\b([^>]*)>/gi)].flatMap((m) => {
    const props = /\sprops="([^"]*)"/.exec(m[1] ?? '')?.[1];
    const inside = html.slice(m.index, html.indexOf('</astro-island>', m.index));
    // A chart's island holds one chart; one holding several (talk mode's deck) is not a chart's.
    const charts = [...inside.matchAll(/\bdata-chart="([^"]+)"/g)].map((c) => c[1]);
    const chart = charts.length === 1 ? charts[0] : undefined;
    if (props === undefined || !chart) return [];
    const json = props.replace(/&(quot|#39|lt|gt|amp|#38);/g, (_, e) => ENTITIES[/** @type {keyof typeof ENTITIES} */ (e)]);
    return [{ chart, raw: Buffer.byteLength(json) }];
  });
}

/** @param {string} page @param {{ chart: string, raw: number }[]} islands @returns {string[]} */
export function islandPropsFailures(page, islands) {
  return islands
    .filter((i) => i.raw > ISLAND_PROPS_BUDGET)
    .map((i) => `${page}: the ${i.chart} island's props ${(i.raw / KB).toFixed(1)} KB > ${ISLAND_PROPS_BUDGET / KB} KB`);
}

/* ------------------------------------------------------------------ */
/* Lighthouse                                                          */
/* ------------------------------------------------------------------ */

/** Score budgets (0..1) per Lighthouse category, and the CLS budget. */
export const LIGHTHOUSE_BUDGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1, cls: 0 };
export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * The pages Lighthouse audits, from the built pages present: the story, one embed
 * (embed/resale-flow/) and talk/, at the root and in each locale folder (zh/, fr/, …).
 * @param {string[]} pages dist-relative HTML paths
 * @returns {string[]} dist-relative HTML paths, root first
 */
export function lighthouseTargets(pages) {
  const present = new Set(pages);
  const locales = [...new Set(pages.map((p) => /^([a-z]{2}(?:-[a-z0-9]{2,8})?)\/index\.html$/i.exec(p)?.[1]).filter(Boolean))].sort();
  const prefixes = ['', ...locales.map((l) => `${l}/`)];
  return prefixes.flatMap((prefix) =>
    ['index.html', 'embed/resale-flow/index.html', 'talk/index.html'].map((p) => `${prefix}${p}`).filter((p) => present.has(p)),
  );
}

/**
 * What the bench keeps of a Lighthouse result: category scores, LCP, TBT, CLS, and every scored
 * audit (weight > 0) that did not get full marks, with Lighthouse's own explanation.
 * @param {any} lhr Lighthouse result (LH.Result)
 */
export function summarizeLhr(lhr) {
  /** @type {Record<string, number | null>} */
  const scores = {};
  const failedAudits = [];
  for (const id of LIGHTHOUSE_CATEGORIES) {
    const category = lhr.categories?.[id];
    scores[id] = category?.score ?? null;
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits?.[ref.id];
      if (!audit || ref.weight <= 0 || audit.score === null || audit.score >= 1) continue;
      failedAudits.push({
        category: id,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue ?? null,
        explanation: audit.explanation ?? null,
        items: (audit.details?.items ?? [])
          .slice(0, 5)
          .map((item) => item?.node?.snippet ?? item?.source?.snippet ?? item?.node?.selector ?? item?.url ?? item?.source?.url ?? item?.description ?? null)
          .filter(Boolean),
      });
    }
  }
  const num = (id) => lhr.audits?.[id]?.numericValue ?? null;
  // What moved, when CLS is not 0: Lighthouse's layout-shifts audit names the elements.
  const layoutShifts = (lhr.audits?.['layout-shifts']?.details?.items ?? []).slice(0, 5).map((item) => ({
    score: item?.score ?? null,
    node: item?.node?.selector ?? item?.node?.snippet ?? null,
    snippet: item?.node?.snippet ?? null,
  }));
  return {
    url: lhr.finalDisplayedUrl ?? lhr.requestedUrl ?? null,
    lighthouseVersion: lhr.lighthouseVersion ?? null,
    formFactor: lhr.configSettings?.formFactor ?? null,
    scores,
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    runtimeError: lhr.runtimeError?.message ?? null,
    runWarnings: lhr.runWarnings ?? [],
    failedAudits,
    layoutShifts,
  };
}

/** SEO audits an embed page fails on purpose: it is noindex, and its canonical is the story's anchor. */
export const EMBED_SEO_BY_DESIGN = ['is-crawlable', 'canonical'];
const isEmbed = (page) => /(^|\/)embed\//.test(page);

/**
 * Budget failures for one audited page.
 * @param {string} page @param {ReturnType<typeof summarizeLhr>} s @returns {string[]}
 */
export function lighthouseFailures(page, s) {
  if (s.runtimeError) return [`${page}: Lighthouse could not audit the page: ${s.runtimeError}`];
  const out = [];
  for (const id of LIGHTHOUSE_CATEGORIES) {
    const score = s.scores[id];
    const min = LIGHTHOUSE_BUDGETS[/** @type {'performance'} */ (id)];
    if (id === 'seo' && isEmbed(page)) {
      // Embeds are noindex with a canonical link to the story by design; every other SEO audit must pass.
      const other = s.failedAudits.filter((a) => a.category === 'seo' && !EMBED_SEO_BY_DESIGN.includes(a.id));
      for (const a of other) out.push(`${page}: Lighthouse seo audit ${a.id} failed`);
    } else if (score === null || score === undefined) out.push(`${page}: Lighthouse ${id} has no score`);
    else if (score < min) out.push(`${page}: Lighthouse ${id} ${score.toFixed(2)} < ${min.toFixed(2)}`);
  }
  if (s.cls === null) out.push(`${page}: no CLS measured`);
  else if (s.cls > LIGHTHOUSE_BUDGETS.cls) out.push(`${page}: CLS ${s.cls.toFixed(4)} > ${LIGHTHOUSE_BUDGETS.cls}`);
  return out;
}
