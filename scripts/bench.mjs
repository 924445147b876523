#!/usr/bin/env node
// Page-weight and Lighthouse bench, with budgets.
// Usage: npm run bench [-- --no-build] [-- --no-lighthouse]
//   Writes bench/report.json. Exit 1 when a budget fails.
// Bytes (gzip -9) of each built page's client JS, CSS and HTML, plus its images and island props
// (the astro-island props attributes, raw and gzipped):
//   story pages (index.html, <locale>/index.html): client JS <= 30 KB gz, HTML <= 80 KB gz
//   embed pages (embed/<chart>/index.html):         client JS <= 20 KB gz
//   every chart island's props <= 6 KB on every page (as the browser reads them), listed per chart
// Lighthouse 12 (mobile emulation, simulated throttling: Lighthouse defaults) on the story page, and
// embed/resale-flow/ and talk/ when they exist, at the root and in each locale folder, served by
// `astro preview` on a free port:
//   performance >= 0.95; accessibility, best-practices and SEO = 1.00; CLS = 0
// Without Chromium (CHROME_PATH, /usr/bin/chromium, `chromium` on PATH) Lighthouse is skipped loudly,
// and under CI=true that is a failure. Also prints the `astro build` time, per kind of route from Astro's
// per-route timings (scripts/lib/build-time.mjs), and fails when the PNG routes take over a quarter of it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUDGETS,
  ISLAND_PROPS_BUDGET,
  KB,
  LIGHTHOUSE_BUDGETS,
  budgetFailures,
  chartIslandProps,
  extractAssets,
  gz,
  imageRefs,
  islandData,
  islandPropsFailures,
  lighthouseFailures,
  lighthouseTargets,
  pageBudgets,
  pageKind,
  resolveToDist,
  staticImports,
  summarizeLhr,
} from './lib/bench.mjs';
import { PNG_SHARE_BUDGET, buildTimeByKind, buildTimeFailures, pct, routeTimings } from './lib/build-time.mjs';
import { basePath, servedPath, walkFiles } from '../src/site/files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const base = process.env.BASE || '/';
const isCI = process.env.CI === 'true';
const withLighthouse = !process.argv.includes('--no-lighthouse');

/**
 * Runs `astro build`, showing its output as it goes, and returns that output (its per-route timings)
 * and how long it took. Lighthouse serves the build on localhost: without SITE, a preview build.
 * @returns {Promise<{ ms: number, log: string }>}
 */
function timedBuild() {
  const started = performance.now();
  const child = spawn('npx', ['astro', 'build'], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], env: { PREVIEW: '1', ...process.env } });
  let log = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    log += chunk;
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      if (code !== 0) process.exit(code ?? 1);
      resolve({ ms: Math.round(performance.now() - started), log });
    }),
  );
}

/** Prints the build's time per kind of route and the PNG routes' share; returns what fails. @param {ReturnType<typeof buildTimeByKind>} time */
function reportBuildTime(time) {
  const rows = [['kind of route', 'routes', 'seconds', 'share of build']];
  for (const k of time.kinds) rows.push([k.kind, String(k.routes), (k.ms / 1000).toFixed(1), pct(k.share)]);
  rows.push(['PNG (downloads and cards)', String(time.png.routes), (time.png.ms / 1000).toFixed(1), pct(time.png.share)]);
  console.log(
    `\nBuild time per kind of route (Astro's per-route timings; the build took ${(time.buildMs / 1000).toFixed(1)} s, generating routes ${(time.routesMs / 1000).toFixed(1)} s):\n`,
  );
  table(rows, [1, 2, 3]);
  const failures = buildTimeFailures(time);
  console.log(`\nPNG routes' share of the build: ${failures.length ? 'FAIL' : 'PASS'} (${pct(time.png.share)}; budget ${pct(PNG_SHARE_BUDGET)})`);
  return failures;
}

/** @type {number | null} */
let buildMs = null;
/** @type {ReturnType<typeof buildTimeByKind> | null} */
let buildTime = null;
if (!process.argv.includes('--no-build')) {
  console.log('[bench] building the site (npx astro build)…');
  const build = await timedBuild();
  buildMs = build.ms;
  buildTime = buildTimeByKind(routeTimings(build.log), build.ms);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error('[bench] dist/index.html not found: build the site first (drop --no-build).');
  process.exit(1);
}

const files = walkFiles(dist);
const pages = files.filter((f) => f.endsWith('.html')).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));

/** @type {Map<string, {raw: number, gz: number, code: string} | null>} */
const cache = new Map();
const readAsset = (path) => {
  if (!cache.has(path)) {
    const full = join(dist, path);
    const code = existsSync(full) ? readFileSync(full, 'utf8') : null;
    cache.set(path, code === null ? null : { raw: Buffer.byteLength(code), gz: gz(code), code });
  }
  return cache.get(path);
};

const warnings = [];
const failures = [];
const report = [];
for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  const assets = extractAssets(html);
  // Client JS: entry scripts, island components/renderers, modulepreloads, then static imports, recursively.
  const js = new Set();
  const queue = assets.scripts.map((u) => [u, page]);
  while (queue.length) {
    const [url, from] = /** @type {[string, string]} */ (queue.shift());
    const path = resolveToDist(url, from, base);
    if (path === null) {
      if (/^(https?:)?\/\//.test(url)) warnings.push(`${page}: script from another origin: ${url}`);
      continue;
    }
    if (js.has(path)) continue;
    const asset = readAsset(path);
    if (!asset) {
      warnings.push(`${page}: ${url} (from ${from}) not found in dist/`);
      continue;
    }
    js.add(path);
    for (const spec of staticImports(asset.code)) queue.push([spec, path]);
  }
  const chunks = [...js].map((p) => ({ file: p, raw: readAsset(p)?.raw ?? 0, gz: readAsset(p)?.gz ?? 0 }));
  assets.inlineScripts.forEach((code, i) => chunks.push({ file: `${page}#inline-script-${i + 1}`, raw: Buffer.byteLength(code), gz: gz(code) }));
  const css = assets.stylesheets
    .map((u) => resolveToDist(u, page, base))
    .map((p) => (p === null ? 0 : (readAsset(p)?.gz ?? 0)))
    .concat(assets.inlineStyles.map((s) => gz(s)));
  const jsGz = chunks.reduce((s, c) => s + c.gz, 0);
  const largest = chunks.reduce((a, c) => (!a || c.gz > a.gz ? c : a), /** @type {typeof chunks[number] | null} */ (null));
  const pageFailures = budgetFailures(page, jsGz, gz(html));
  failures.push(...pageFailures);
  // Images: raw bytes of each distinct file (images are compressed already). Island data: the
  // astro-island props as written in the HTML, gzipped together (they are part of htmlGz too).
  const images = [];
  for (const url of imageRefs(html)) {
    const path = resolveToDist(url, page, base);
    if (path === null) {
      warnings.push(`${page}: image not served by the site: ${url}`);
      continue;
    }
    const full = join(dist, path);
    if (!existsSync(full)) warnings.push(`${page}: image ${url} not found in dist/`);
    else if (!images.some((i) => i.file === path)) images.push({ file: path, bytes: statSync(full).size });
  }
  const budgets = pageBudgets(page);
  report.push({
    page,
    kind: pageKind(page),
    jsGz,
    cssGz: css.reduce((s, n) => s + n, 0),
    htmlGz: gz(html),
    imageBytes: images.reduce((s, i) => s + i.bytes, 0),
    images,
    islandData: islandData(html),
    largest: largest && { file: largest.file, gz: largest.gz },
    budget: budgets.js,
    htmlBudget: budgets.html,
    pass: pageFailures.length === 0,
    chunks: chunks.sort((a, b) => b.gz - a.gz),
  });
}

const kb = (n) => (n / KB).toFixed(1);
/** Prints rows as a table; columns in `right` are right-aligned. @param {string[][]} rows @param {number[]} right */
function table(rows, right) {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  rows.forEach((r, i) => {
    console.log(
      r
        .map((c, j) => (right.includes(j) ? c.padStart(widths[j] ?? 0) : c.padEnd(widths[j] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

const rows = [['page', 'JS gz KB', 'CSS gz KB', 'HTML gz KB', 'img KB', 'island props KB', 'largest JS chunk (gz KB)', 'budgets (JS, HTML)']];
for (const r of report) {
  const limits = [r.budget && `JS <= ${r.budget / KB}`, r.htmlBudget && `HTML <= ${r.htmlBudget / KB}`].filter(Boolean).join(', ');
  const verdict = limits ? `${r.pass ? 'PASS' : 'FAIL'} (${limits} KB)` : '-';
  const islands = `${kb(r.islandData.raw)} raw, ${kb(r.islandData.gz)} gz (${r.islandData.islands})`;
  rows.push([r.page, kb(r.jsGz), kb(r.cssGz), kb(r.htmlGz), kb(r.imageBytes), islands, r.largest ? `${r.largest.file} (${kb(r.largest.gz)})` : '-', verdict]);
}
console.log(`\nBuild time (npx astro build): ${buildMs === null ? 'not measured (--no-build)' : `${(buildMs / 1000).toFixed(1)} s`}`);
if (buildTime) failures.push(...reportBuildTime(buildTime));
console.log(
  `\nBudgets (KB gz): ${Object.entries(BUDGETS)
    .map(([kind, { js, html }]) => `${kind} page JS <= ${js / KB}${html ? `, HTML <= ${html / KB}` : ''}`)
    .join('; ')}.`,
);
console.log(
  'img KB: raw bytes of the images a page loads (img, picture source, icons). island props: the astro-island props attributes as written in the HTML, raw and gzipped together (islands in brackets; part of the HTML).\n',
);
table(rows, [1, 2, 3, 4, 5]);

/**
 * Island props per chart: what each chart's island carries on each page (its details and step count),
 * the largest per chart over all pages, each page held to ISLAND_PROPS_BUDGET.
 */
function islandPropsByChart() {
  /** @type {Record<string, { raw: number, page: string }>} */
  const largest = {};
  for (const page of pages) {
    const islands = chartIslandProps(readFileSync(join(dist, page), 'utf8'));
    failures.push(...islandPropsFailures(page, islands));
    for (const { chart, raw } of islands) if (!largest[chart] || raw > largest[chart].raw) largest[chart] = { raw, page };
  }
  console.log(`\nIsland props per chart (largest on any page, as the browser reads them; budget ${ISLAND_PROPS_BUDGET / KB} KB):`);
  table(
    [
      ['chart', 'KB', 'page', ''],
      ...Object.entries(largest).map(([chart, { raw, page }]) => [chart, kb(raw), page, raw > ISLAND_PROPS_BUDGET ? 'FAIL' : 'PASS']),
    ],
    [1],
  );
  return largest;
}
const islandPropsPerChart = islandPropsByChart();

/* ------------------------------------------------------------------ */
/* Lighthouse                                                          */
/* ------------------------------------------------------------------ */

/** @type {Record<string, unknown> | null} */
let lighthouse = null;
if (!withLighthouse) {
  console.log('\nLighthouse: skipped (--no-lighthouse).');
} else {
  const { findChromium, freePort, portIsFree, runLighthouse, startPreview } = await import('./lib/lighthouse.mjs');
  const chrome = findChromium();
  if (!chrome) {
    const bar = '!'.repeat(72);
    console.error(
      [
        '',
        bar,
        isCI ? '!!  LIGHTHOUSE FAILED: no Chromium found (CI=true)' : '!!  LIGHTHOUSE SKIPPED: no Chromium found',
        '!!  Looked for: CHROME_PATH, /usr/bin/chromium, `chromium` on PATH',
        '!!  Install it: apt-get update && apt-get install -y chromium   (or: npm run bench -- --no-lighthouse)',
        bar,
        '',
      ].join('\n'),
    );
    if (isCI) failures.push('Lighthouse: no Chromium found');
    lighthouse = { skipped: 'no Chromium found' };
  } else {
    const targets = lighthouseTargets(pages);
    // Serve on the port of SITE when it is a free localhost port, so canonical links and the served
    // page share an origin as they will in production; otherwise on any free port.
    const site = new URL(process.env.SITE || 'http://localhost:4321');
    const localSite = ['localhost', '127.0.0.1'].includes(site.hostname) && site.protocol === 'http:';
    const sitePort = Number(site.port || 80);
    const port = localSite && (await portIsFree(sitePort)) ? sitePort : await freePort();
    const host = localSite ? site.hostname : 'localhost';
    const baseUrl = new URL(basePath(base), `http://${host}:${port}`);
    if (!localSite || port !== sitePort) {
      console.warn(`\n[bench] note: serving on ${baseUrl.origin}, not SITE's origin ${site.origin}: Lighthouse's canonical audit sees another origin.`);
    }
    console.log(`\n[bench] Lighthouse on ${targets.length} page(s) at ${baseUrl.href} (astro preview; Chromium ${chrome}; mobile, simulated throttling)…`);
    const preview = await startPreview({ root, port, url: new URL(basePath(base), `http://127.0.0.1:${port}`).href });
    const stopPreview = () => preview.stop();
    process.once('SIGINT', () => (stopPreview(), process.exit(130)));
    process.once('SIGTERM', () => (stopPreview(), process.exit(143)));
    /** @type {any[]} */
    let results = [];
    try {
      results = await runLighthouse(
        targets.map((p) => new URL(servedPath(p, base), baseUrl).href),
        chrome,
      );
    } catch (e) {
      failures.push(`Lighthouse did not run: ${/** @type {Error} */ (e).message}`);
    } finally {
      stopPreview();
    }
    const audited = results.map((lhr, i) => ({ page: targets[i] ?? '?', ...summarizeLhr(lhr) }));
    const pct = (n) => (n === null || n === undefined ? '-' : n.toFixed(2));
    const lhRows = [['page', 'perf', 'a11y', 'best-pr.', 'SEO', 'LCP ms', 'TBT ms', 'CLS', 'budget']];
    for (const a of audited) {
      const pageFailures = lighthouseFailures(a.page, a);
      failures.push(...pageFailures);
      lhRows.push([
        a.page,
        pct(a.scores.performance),
        pct(a.scores.accessibility),
        pct(a.scores['best-practices']),
        pct(a.scores.seo),
        a.lcpMs === null ? '-' : String(Math.round(a.lcpMs)),
        a.tbtMs === null ? '-' : String(Math.round(a.tbtMs)),
        a.cls === null ? '-' : a.cls.toFixed(3),
        pageFailures.length ? 'FAIL' : 'PASS',
      ]);
    }
    console.log(
      `\nLighthouse ${audited[0]?.lighthouseVersion ?? ''} (${audited[0]?.formFactor ?? 'mobile'}). Budgets: performance >= ${LIGHTHOUSE_BUDGETS.performance}; accessibility, best-practices, SEO = 1.00; CLS = ${LIGHTHOUSE_BUDGETS.cls}.\n`,
    );
    table(lhRows, [1, 2, 3, 4, 5, 6, 7]);
    for (const a of audited) {
      for (const w of a.runWarnings) console.warn(`warning: Lighthouse on ${a.page}: ${w}`);
      const below = a.failedAudits.filter((f) => (a.scores[f.category] ?? 0) < (f.category === 'performance' ? LIGHTHOUSE_BUDGETS.performance : 1));
      if (a.cls !== null && a.cls > LIGHTHOUSE_BUDGETS.cls) {
        console.log(`\nLayout shifts on ${a.page} (CLS ${a.cls.toFixed(4)}; Lighthouse's layout-shifts audit):`);
        for (const shift of a.layoutShifts) console.log(`  ${shift.score === null ? '?' : shift.score.toFixed(4)}  ${shift.node ?? '(unknown element)'}`);
      }
      if (!below.length) continue;
      console.log(`\nAudits below full marks on ${a.page} (in categories under budget):`);
      for (const f of below) {
        const detail = [f.displayValue, f.explanation].filter(Boolean).join(' — ');
        console.log(`  FAIL ${f.category} / ${f.id} (score ${f.score.toFixed(2)}): ${f.title}${detail ? ` — ${detail}` : ''}`);
        for (const item of f.items) console.log(`       ${String(item).replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
    lighthouse = { chrome, servedAt: baseUrl.href, budgets: LIGHTHOUSE_BUDGETS, pages: audited };
  }
}

for (const w of new Set(warnings)) console.warn(`warning: ${w}`);

mkdirSync(join(root, 'bench'), { recursive: true });
const out = {
  generatedAt: new Date().toISOString(),
  base,
  buildMs,
  buildTime,
  budgets: BUDGETS,
  ok: failures.length === 0,
  failures,
  warnings: [...new Set(warnings)],
  pages: report,
  islandPropsPerChart,
  lighthouse,
};
writeFileSync(join(root, 'bench', 'report.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('Report: bench/report.json');

if (failures.length) {
  console.error(`\nBENCH FAILED:\n${failures.map((f) => `  FAIL ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\nBench passed.');
