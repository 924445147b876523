import type { Page } from '@playwright/test';
import { hostURL } from '../../playwright.config';
import { axeViolations, expect, test } from './helpers';

/** Height of the embed's content inside an iframe, and the iframe's own height on the host page. */
async function heights(page: Page, id: string) {
  const element = page.locator(`iframe#${id}`);
  const handle = await element.elementHandle();
  const content = await (await handle!.contentFrame())!.evaluate(() => Math.ceil(document.querySelector('[data-embed]')!.getBoundingClientRect().height));
  const outer = await element.evaluate((el) => el.getBoundingClientRect().height);
  return { content, outer };
}

async function expectFitted(page: Page, ids: string[]) {
  for (const id of ids) {
    // Chromium pauses rendering in cross-origin iframes out of view: look at each, as a reader does.
    await page.locator(`iframe#${id}`).scrollIntoViewIfNeeded();
    await expect.poll(async () => {
      const h = await heights(page, id);
      return Math.abs(h.content - h.outer);
    }, { message: `iframe #${id} should match its content's height` }).toBeLessThanOrEqual(3);
  }
}

test.describe('auto-height on a host page with hostile CSS', () => {
  for (const width of [320, 768, 1280]) {
    test(`every iframe takes its content's height at ${width}px, and follows a resize`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${hostURL}host.html`);
      await expectFitted(page, ['flow', 'map', 'timeline']);
      const before = await heights(page, 'flow');
      // Narrower and wider: the iframe grows and shrinks with its content.
      await page.setViewportSize({ width: width === 320 ? 900 : 320, height: 900 });
      await expectFitted(page, ['flow', 'map', 'timeline']);
      expect((await heights(page, 'flow')).outer).not.toBe(before.outer);
      await page.setViewportSize({ width, height: 900 });
      await expectFitted(page, ['flow', 'map', 'timeline']);
      // The frame that is not ours keeps the host's CSS height, whatever it posts.
      await expect.poll(() => page.locator('iframe#rogue').evaluate((el) => el.style.height)).toBe('');
      expect(errors).toEqual([]);
    });
  }

  test('malformed messages are ignored without errors', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${hostURL}host.html`);
    await expectFitted(page, ['flow']);
    const before = await heights(page, 'flow');
    await page.evaluate(() => {
      const junk: unknown[] = [null, 'sold-numbers:height', 42, { type: 'sold-numbers:height' }, { type: 'sold-numbers:height', chart: 'timeline', height: 'tall' },
        { type: 'sold-numbers:height', chart: 'timeline', height: Number.NaN }, { type: 'sold-numbers:height', chart: 'timeline', height: -5 },
        { type: 'sold-numbers:height', chart: 'timeline', height: 1e9 }, { type: 'sold-numbers:height', chart: '<script>', height: 100 }, 'pymxPYMxflowxPYMxheightxPYMx5'];
      for (const message of junk) window.postMessage(message, '*');
    });
    await page.waitForTimeout(300);
    expect((await heights(page, 'flow')).outer).toBe(before.outer);
    expect(errors).toEqual([]);
  });
});

test('a CMS using pym.js resizes our iframe with no script of ours', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto(`${hostURL}pym.html`);
  const iframe = page.locator('#pym-container iframe');
  await expect(iframe).toHaveCount(1);
  // pym.js writes the height attribute as "709px".
  const content = () => iframe.evaluate((el) => parseFloat(el.getAttribute('height') ?? ''));
  await expect.poll(async () => Number(await content())).toBeGreaterThan(300);
  const inner = await (await (await iframe.elementHandle())!.contentFrame())!.evaluate(() => Math.ceil(document.querySelector('[data-embed]')!.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs(Number(await content()) - inner)).toBeLessThanOrEqual(3);
});

test.describe('embed pages', () => {
  for (const chart of ['resale-flow', 'network-map', 'timeline']) {
    test(`${chart}: no site chrome, noindex, canonical to the story anchor, oEmbed, no axe violations`, async ({ page, request }) => {
      await page.goto(`embed/${chart}/`);
      await expect(page.locator(`figure#${chart} svg:visible`).first()).toBeVisible();
      await expect(page.locator('nav.languages, .skip-link')).toHaveCount(0);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(new RegExp(`/#${chart}$`));
      await expect(page.locator('a[target="_top"]')).toHaveAttribute('href', new RegExp(`#${chart}$`));
      const oembedHref = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
      const oembed = await (await request.get(new URL(oembedHref!).pathname)).json();
      expect(oembed).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'Sold Numbers' });
      expect(oembed.html).toContain(`/embed/${chart}/`);
      expect(oembed.html).toMatch(/^<iframe [^>]*><\/iframe>$/);
      for (const key of ['title', 'provider_url', 'thumbnail_url']) expect(typeof oembed[key]).toBe('string');
      for (const key of ['width', 'height', 'thumbnail_width', 'thumbnail_height']) expect(Number.isInteger(oembed[key])).toBe(true);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('?theme=dark and ?step=N pin the look and the scroll step', async ({ page }) => {
    await page.goto('embed/network-map/?theme=dark&step=2');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('figure#network-map')).toHaveAttribute('data-step', '1');
    await page.goto('embed/resale-flow/?step=99');
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.locator('figure#resale-flow')).toHaveAttribute('data-step', 'all');
  });

  test('a plain iframe with no script shows the chart at its fixed height', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 800, height: 1200 });
    await page.goto(`${hostURL}`);
    await page.setContent(`<iframe src="${baseURL}embed/timeline/" title="t" width="100%" height="980" style="border:0"></iframe>`);
    const iframe = page.locator('iframe');
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await expect(frame.locator('figure#timeline svg:visible').first()).toBeVisible();
    expect(await iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(980);
    // The chart's drawing fits in the fixed height at a column's width.
    const bottom = await frame.evaluate(() => document.querySelector('figure svg')!.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThan(980);
  });
});
