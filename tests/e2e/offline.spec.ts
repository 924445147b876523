import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { headersURL } from '../../playwright.config';
import { EDITIONS, expect, pngSize, settled, test, waitForIsland, waitForIslands } from './helpers';

/** Waits until the service worker has precached the site (install) and taken over (activate). */
async function serviceWorkerReady(page: Page) {
  await page.waitForLoadState('load');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

/** The precache's keys (URL plus `?__rev=`), each with the Date its response was fetched at. */
async function precached(page: Page): Promise<Map<string, string | null>> {
  const entries = await page.evaluate(async () => {
    const cache = await caches.open('sold-numbers-precache');
    return Promise.all((await cache.keys()).map(async (key) => [key.url, (await cache.match(key))?.headers.get('date') ?? null] as const));
  });
  return new Map(entries);
}

test.describe('offline', () => {
  test('after one visit, the story and the talk open again with the network off', async ({ page, context }) => {
    await page.goto('./');
    await serviceWorkerReady(page);
    const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('sold-numbers-')));
    expect(cached).toHaveLength(1);
    // Each file under its own revision, so the next build downloads only what changed.
    const keys = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), cached[0]!);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !/\?__rev=[0-9a-f]{12}$/.test(key))).toEqual([]);

    await context.setOffline(true);
    const story = await page.reload();
    expect(story?.fromServiceWorker()).toBe(true);
    await expect(page.locator('h1')).toBeVisible();
    // The artboard its container shows (one per width; the others are display: none).
    await expect(page.locator('#resale-flow svg:visible').first()).toBeVisible();

    // The talk was never opened: it was precached with the rest, islands and all.
    const talk = await page.goto('talk/#slide-4');
    expect(talk?.fromServiceWorker()).toBe(true);
    await waitForIsland(page, '.talk');
    await expect(page.locator('.talk.live')).toHaveCount(1);
    await expect(page.locator('#slide-4')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#slide-5')).toBeVisible();

    // So were the other editions and the notes view.
    for (const { prefix, lang } of EDITIONS) {
      const edition = await page.goto(prefix || './');
      expect(edition?.fromServiceWorker(), `/${prefix} offline`).toBe(true);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }
    const notes = await page.goto('zh/talk/?notes#slide-2');
    expect(notes?.fromServiceWorker()).toBe(true);
    await expect(page.locator('.talk.notes-view #slide-2 .slide-notes')).toBeVisible();
    await context.setOffline(false);
  });

  test('the site is installable: a manifest per edition with name, scope, start page, colours and icons', async ({ page, request }) => {
    await page.goto('zh/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href!, page.url());
    const response = await request.get(manifestUrl.href);
    expect(response.ok()).toBe(true);
    const manifest = await response.json();
    expect(manifest.name).toBeTruthy();
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.lang).toMatch(/^zh/);
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('./', page.url()).href);
    expect(new URL(manifest.scope, manifestUrl).href).toBe(new URL('../', page.url()).href);
    const sizes: string[] = [];
    for (const icon of manifest.icons) {
      const png = await request.get(new URL(icon.src, manifestUrl).href);
      expect(png.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await png.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
      sizes.push(`${icon.sizes} ${icon.purpose}`);
    }
    expect(sizes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  });

  test('an embed registers no service worker and links no manifest: it lives inside other sites', async ({ page }) => {
    await page.goto('embed/timeline/');
    // Its scripts have run: the island has hydrated and nothing is left to load.
    await waitForIslands(page);
    await settled(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
  });

  test('after a new build, the worker downloads only the files that changed and drops their old copies', async ({ page }) => {
    await page.goto('./');
    await serviceWorkerReady(page);
    const before = await precached(page);
    expect([...before.values()].every(Boolean), 'every cached response has a Date').toBe(true);

    // A "new build" in which only the favicon changed: sw.js lists a new revision for it.
    const sw = join(process.cwd(), 'dist', 'sw.js');
    const original = readFileSync(sw, 'utf8');
    const changed = original.replace(/\["([^"]*\/favicon\.svg)","[0-9a-f]{12}"\]/, '["$1","000000000000"]');
    expect(changed, 'sw.js precaches the favicon').not.toBe(original);
    const oldKey = [...before.keys()].find((key) => key.includes('/favicon.svg?__rev='))!;
    const newKey = oldKey.replace(/__rev=\w+$/, '__rev=000000000000');
    // The clock past the second of the first fetch, so that a file fetched again carries a later Date.
    const second = Math.floor(Date.now() / 1000);
    await expect.poll(() => Math.floor(Date.now() / 1000), { intervals: [100] }).toBeGreaterThan(second);
    writeFileSync(sw, changed);
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect.poll(async () => [...(await precached(page)).keys()].includes(oldKey), { timeout: 15_000 }).toBe(false);
    } finally {
      writeFileSync(sw, original);
    }
    const after = await precached(page);
    expect([...after.keys()].sort()).toEqual([...before.keys()].map((key) => (key === oldKey ? newKey : key)).sort());
    for (const [key, date] of before) if (key !== oldKey) expect(after.get(key), `${key} was not fetched again`).toBe(date);
    expect(after.get(newKey)).not.toBe(before.get(oldKey));
  });
});

test.describe('corrections', () => {
  // A static host as many are (tests/e2e/fixtures/dist-server.mjs): Last-Modified and no Cache-Control, so a browser
  // would cache pages by heuristics.
  test.use({ baseURL: headersURL });

  test('online, a page changed on the server shows on the next visit, with no new sw.js', async ({ page }) => {
    await page.goto('handout/');
    await serviceWorkerReady(page);
    // A visit the service worker answers, so the page and its copy are in the browser's caches.
    expect((await page.reload())?.fromServiceWorker()).toBe(true);
    expect(await page.title()).not.toContain('(corrected)');
    const file = join(process.cwd(), 'dist', 'handout', 'index.html');
    const original = readFileSync(file, 'utf8');
    // A correction published on the server, sw.js unchanged, with a later Last-Modified (the header counts seconds).
    const { atime, mtime } = statSync(file);
    writeFileSync(file, original.replace('</title>', ' (corrected)</title>'));
    utimesSync(file, atime, new Date(mtime.getTime() + 2_000));
    try {
      const response = await page.goto('handout/');
      expect(response?.fromServiceWorker()).toBe(true);
      expect(await page.title()).toContain('(corrected)');
    } finally {
      writeFileSync(file, original);
      utimesSync(file, atime, mtime);
    }
  });
});
