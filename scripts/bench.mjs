#!/usr/bin/env node
// Page-weight bench: gzip -9 sizes of each built page's client JS, CSS and HTML, with budgets.
// Usage: npm run bench [-- --no-build]     Writes bench/report.json. Exit 1 when a budget fails.
//   story pages (index.html, <locale>/index.html): client JS <= 40 KB gz
//   embed pages (embed/<chart>/index.html):         client JS <= 25 KB gz
//   no client JS chunk anywhere in dist/ may contain Observable Plot code
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, KB, budgetFailures, extractAssets, findPlotMarker, gz, pageKind, resolveToDist, staticImports } from './lib/bench.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const base = process.env.BASE || '/';

if (!process.argv.includes('--no-build')) {
  console.log('[bench] building the site (npx astro build)…');
  const r = spawnSync('npx', ['astro', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error('[bench] dist/index.html not found: build the site first (drop --no-build).');
  process.exit(1);
}

/** @param {string} dir @returns {string[]} dist-relative posix paths of all files */
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [relative(dist, join(dir, e.name)).split(sep).join('/')],
  );
const files = walk(dist);
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
  const pageFailures = budgetFailures(page, jsGz);
  failures.push(...pageFailures);
  report.push({
    page,
    kind: pageKind(page),
    jsGz,
    cssGz: css.reduce((s, n) => s + n, 0),
    htmlGz: gz(html),
    largest: largest && { file: largest.file, gz: largest.gz },
    budget: pageKind(page) === 'story' ? BUDGETS.storyJs : pageKind(page) === 'embed' ? BUDGETS.embedJs : null,
    pass: pageFailures.length === 0,
    chunks: chunks.sort((a, b) => b.gz - a.gz),
  });
  for (const [i, code] of assets.inlineScripts.entries()) {
    const marker = findPlotMarker(code);
    if (marker) failures.push(`${page}#inline-script-${i + 1}: contains Observable Plot code (found "${marker}")`);
  }
}

// Plot check covers every client JS chunk in dist/, including lazily imported ones.
const plotChunks = [];
for (const f of files.filter((f) => /\.m?js$/.test(f))) {
  const marker = findPlotMarker(readAsset(f)?.code ?? '');
  if (marker) plotChunks.push({ file: f, marker });
}
for (const { file, marker } of plotChunks) failures.push(`${file}: contains Observable Plot code (found "${marker}")`);

const kb = (n) => (n / KB).toFixed(1);
const rows = [['page', 'JS gz KB', 'CSS gz KB', 'HTML gz KB', 'largest JS chunk (gz KB)', 'JS budget']];
for (const r of report) {
  const verdict = r.budget === null ? '-' : `${r.pass ? 'PASS' : 'FAIL'} (<= ${r.budget / KB} KB)`;
  rows.push([r.page, kb(r.jsGz), kb(r.cssGz), kb(r.htmlGz), r.largest ? `${r.largest.file} (${kb(r.largest.gz)})` : '-', verdict]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`\nBudgets: story page JS <= ${BUDGETS.storyJs / KB} KB gz; embed page JS <= ${BUDGETS.embedJs / KB} KB gz; no Observable Plot in client JS.\n`);
rows.forEach((r, i) => {
  console.log(r.map((c, j) => (j >= 1 && j <= 3 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
});
console.log(`\nObservable Plot in client JS: ${plotChunks.length ? `FAIL (${plotChunks.map((p) => p.file).join(', ')})` : 'PASS (none found)'}`);
for (const w of new Set(warnings)) console.warn(`warning: ${w}`);

mkdirSync(join(root, 'bench'), { recursive: true });
const out = { generatedAt: new Date().toISOString(), base, budgets: BUDGETS, ok: failures.length === 0, failures, plotChunks, warnings: [...new Set(warnings)], pages: report };
writeFileSync(join(root, 'bench', 'report.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('Report: bench/report.json');

if (failures.length) {
  console.error(`\nBENCH FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\nBench passed.');
