// Lighthouse runner for scripts/bench.mjs: serves dist/ with `astro preview` on a free port, runs
// Lighthouse 12 (Node API, default mobile emulation and simulated throttling) in the system
// Chromium through chrome-launcher (which comes with lighthouse), and stops both afterwards.
// Nothing here downloads a browser.
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { createServer } from 'node:net';

/** Flags for the system Chromium (the same as the Playwright suite), headless. */
export const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export { findChromium };

/** True when nothing listens on 127.0.0.1:port. @param {number} port */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `astro preview` for dist/ and resolves once `url` answers. The returned stop() ends the
 * preview's whole process group (npx and the astro process it starts), and only that.
 * @param {{ root: string, port: number, url: string, timeoutMs?: number }} options
 */
export async function startPreview({ root, port, url, timeoutMs = 60_000 }) {
  const child = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    detached: true, // own process group, so stop() reaches astro itself, not only npx
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`astro preview exited before serving ${url}:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { stop, output: () => output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`astro preview did not answer at ${url} within ${timeoutMs / 1000}s:\n${output}`);
}

/**
 * Runs Lighthouse on each URL in one Chromium, one after another.
 * @param {string[]} urls @param {string} chromePath
 * @returns {Promise<any[]>} the Lighthouse results (LH.Result), in order
 */
export async function runLighthouse(urls, chromePath) {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const results = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      results.push(result.lhr);
    }
    return results;
  } finally {
    chrome.kill();
  }
}
