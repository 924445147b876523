#!/usr/bin/env node
// Browser test runner: build the site if needed, run the static checks of dist/ (tests/build, no
// browser needed), then find a system Chromium and run Playwright (or skip loudly without one).
// Usage: npm run test:browser [-- <extra playwright args>]   e.g. -- --grep axe
// Env: CHROME_PATH (browser binary), CI=true (a missing browser is an error; always rebuild),
//      BASE (sub-path publishing) and SITE (its origin, default TEST_SITE from scripts/lib/site.mjs;
//      both also read by tests/build), TEST_PORT
//      (preview port, default 4321). --build forces a build. `npm run test:site` runs only the static checks.
// Playwright never downloads a browser here: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is forced.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './lib/chromium.mjs';
import { TEST_SITE } from './lib/site.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const isCI = process.env.CI === 'true';

/** Newest modification time (ms) of anything under the given paths. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(join(p, name));
  };
  paths.forEach(visit);
  return newest;
}

function run(cmd, args, env) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

// 1. Build (no browser needed), 2. static checks of dist/ (no browser needed), 3. the browser suite,
// or a loud skip when there is no Chromium. Both 2 and 3 run even when the other fails; the exit
// code is the first failure's.
// A build for a real address (astro.config.mjs refuses to build without one), so the checks of
// printed addresses and the absence of localhost test what a reader would get.
const env = { ...process.env, SITE: process.env.SITE || TEST_SITE, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

// Rebuild unless dist/ is newer than every input AND is the very build this script made
// last, with the same BASE and SITE: a stamp records dist/index.html's mtime, so a build by anyone
// else (e.g. `npm run bench`) triggers a rebuild. CI and --build always rebuild.
const builtPage = join(root, 'dist', 'index.html');
const stampFile = join(root, 'node_modules', '.cache', 'sold-numbers', 'test-browser-build.json');
const base = process.env.BASE || '/';
const site = env.SITE;
const distMtime = () => (existsSync(builtPage) ? statSync(builtPage).mtimeMs : 0);
let stamp = null;
try {
  stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
} catch {
  // no stamp (or unreadable): rebuild
}
const inputs = ['src', 'data', 'public', 'astro.config.mjs', 'svelte.config.js', 'package.json'].map((p) => join(root, p));
const fresh =
  distMtime() > 0 &&
  stamp?.root === root &&
  stamp?.base === base &&
  stamp?.site === site &&
  stamp?.distMtime === distMtime() &&
  newestMtime(inputs) < distMtime();
if (isCI || !fresh || process.argv.includes('--build')) {
  console.log(`[test:browser] building the site (npx astro build, SITE=${site} BASE=${base})…`);
  const code = run('npx', ['astro', 'build'], env);
  if (code !== 0) {
    console.error(`[test:browser] astro build failed (exit ${code})`);
    process.exit(code);
  }
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify({ root, base, site, distMtime: distMtime() }));
} else {
  console.log('[test:browser] dist/ is up to date; skipping build (pass --build to force).');
}

console.log('[test:browser] static checks of dist/ (vitest --config vitest.site.config.ts: html-validate, links, origins, metadata)…');
const siteCode = run('npx', ['vitest', 'run', '--config', 'vitest.site.config.ts'], env);
if (siteCode !== 0) console.error(`[test:browser] static site checks FAILED (exit ${siteCode}); running the browser suite anyway.`);

const chrome = findChromium((message) => console.warn(`[test:browser] WARNING: ${message}`));
if (!chrome) {
  const wanted = `${process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} (not executable), ` : ''}/usr/bin/chromium, \`chromium\` on PATH`;
  const bar = '!'.repeat(72);
  const lines = [
    bar,
    isCI ? '!!  BROWSER TESTS FAILED: no Chromium found (CI=true)' : '!!  BROWSER TESTS SKIPPED: no Chromium found',
    `!!  Looked for: ${wanted}`,
    '!!  Install it:     apt-get update && apt-get install -y chromium',
    '!!  or point to one: CHROME_PATH=/path/to/chromium npm run test:browser',
    isCI ? '!!  CI must run the browser suite, so this is an error.' : '!!  Nothing in tests/e2e was run. These results do NOT cover the browser.',
    bar,
  ];
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(siteCode || (isCI ? 1 : 0));
}
env.CHROME_PATH = chrome;
console.log(`[test:browser] Chromium: ${chrome}`);

// Locally Playwright reuses a server already on the port, which may be `astro dev` or a
// preview of another build: say so loudly.
const port = Number(process.env.TEST_PORT || 4321);
const busy = await new Promise((resolve) => {
  const socket = createConnection({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
  socket.on('error', () => resolve(false));
});
if (busy && !isCI) {
  console.warn(`[test:browser] WARNING: something already listens on 127.0.0.1:${port}; Playwright will REUSE it instead of`);
  console.warn('[test:browser]          serving this dist/. Stop that server, or pick a free port: TEST_PORT=4331 npm run test:browser');
}

const extra = process.argv.slice(2).filter((a) => a !== '--build');
const browserCode = run('npx', ['playwright', 'test', ...extra], env);
if (siteCode !== 0) console.error(`[test:browser] static site checks FAILED (exit ${siteCode}); see above.`);
process.exit(siteCode || browserCode);
