/**
 * Our charts in WordPress, as a reporter pastes an address on its own line: WordPress discovers the page's oEmbed
 * record, sandboxes the iframe (origin "null") with a secret in its address, and its own wp-embed.js (from
 * Debian's `wordpress` package) sizes the frame, between 200 and 1000 px, and follows its links
 * (tests/e2e/fixtures/host-server.mjs does what WordPress's PHP does; the site is served with dist/_headers).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { headersURL, hostURL } from '../../playwright.config';
import { edition } from '~/edition/edition';
import { embedPath } from '~/site/embed';
import { EDITIONS, expect, test } from './helpers';

const WP_EMBED_JS = join(process.cwd(), 'node_modules/.cache/wordpress/usr/share/wordpress/wp-includes/js/wp-embed.js');

test.beforeAll(() => {
  // Not a skip: without WordPress's own script this test would prove nothing.
  if (!existsSync(WP_EMBED_JS))
    throw new Error(`WordPress's wp-embed.js is missing (${WP_EMBED_JS}): run .ci/run, which extracts Debian's wordpress package there`);
});

/** The post WordPress makes of a pasted address. */
async function openPost(page: Page, baseURL: string, path: string) {
  const errors: string[] = [];
  // A blocked script or a CSP violation is reported on the console; a missing file by its response (the
  // host page's own favicon.ico aside, which the fixture does not serve).
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== `${hostURL}favicon.ico`) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${hostURL}wordpress.html?url=${encodeURIComponent(new URL(path, baseURL).href)}`);
  const iframe = page.locator('iframe.wp-embedded-content');
  await expect(iframe).toHaveCount(1);
  return { iframe, frame: page.frameLocator('iframe.wp-embedded-content'), errors };
}

/** The frame's height against its content's, once wp-embed.js has sized it. */
async function expectSized(iframe: Locator, frame: FrameLocator, width: number) {
  const content = () => frame.locator('[data-embed]').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  const outer = () => iframe.evaluate((el) => el.getBoundingClientRect().height);
  await expect.poll(async () => Math.abs((await outer()) - (await content())), { message: `frame fits its content at ${width}px` }).toBeLessThanOrEqual(4);
  expect(await outer(), `within WordPress's cap at ${width}px`).toBeLessThanOrEqual(1000);
}

// The site as a static host serves it, with the headers of dist/_headers (the CORS that sandboxed frames need).
test.use({ baseURL: headersURL });

// Addresses a reporter pastes, as the share control offers them: each chart that fits, or each part of a chart that has parts.
const ADDRESSES = EDITIONS.flatMap(({ prefix }) =>
  edition('en').charts.flatMap((chart) => {
    const parts = chart.embeds.flatMap((e) => (e.part ? [e.part.name] : []));
    return (parts.length > 0 ? parts : [undefined]).map((part) => `${prefix}${embedPath(chart.id, part)}`);
  }),
);

test.describe('WordPress: a pasted address becomes a sandboxed frame that wp-embed.js sizes', () => {
  for (const path of ADDRESSES) {
    test(`${path}: hydrated, sized to its content within 1000 px at 360, 700 and 1200 px; its story link opens the story on top`, async ({ page, baseURL }) => {
      const scripts: { url: string; cors: string | undefined }[] = [];
      page.on('response', (response) => {
        if (/\/_astro\/.*\.js$/.test(response.url())) scripts.push({ url: response.url(), cors: response.headers()['access-control-allow-origin'] });
      });
      await page.setViewportSize({ width: 360, height: 800 });
      const { iframe, frame, errors } = await openPost(page, baseURL!, path);
      await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
      await expect(iframe).toHaveAttribute('src', /#\?secret=[A-Za-z0-9]{10}$/);
      // The islands ran in the sandbox: their module scripts were allowed across origins.
      await expect(frame.locator('astro-island')).not.toHaveCount(0);
      await expect(frame.locator('astro-island[ssr]')).toHaveCount(0);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((s) => s.cors !== '*')).toEqual([]);
      for (const width of [360, 700, 1200]) {
        await page.setViewportSize({ width, height: 800 });
        await expectSized(iframe, frame, width);
      }
      expect(errors).toEqual([]);

      const story = frame.locator('.full-story a');
      const anchor = (await story.getAttribute('href'))!.split('#')[1];
      // By the keyboard, which fires the same click: a pointer's hit test can land beside the link while wp-embed.js is
      // still settling the frame's height on a loaded machine.
      await story.focus();
      await story.press('Enter');
      await page.waitForURL((url) => url.origin === new URL(baseURL!).origin && url.hash === `#${anchor}`);
      await expect(page.locator(`#${anchor}`)).toHaveCount(1);
    });
  }

  for (const prefix of ['', 'zh/', 'fr/']) {
    test(`the story's address (/${prefix}) is discovered: WordPress embeds its lead chart`, async ({ page, baseURL }) => {
      await page.setViewportSize({ width: 700, height: 800 });
      const { iframe, frame } = await openPost(page, baseURL!, prefix);
      await expect(iframe).toHaveAttribute('src', new RegExp(`/${prefix}embed/resale-flow/#\\?secret=`));
      await expect(frame.locator('astro-island[ssr]')).toHaveCount(0);
      await expectSized(iframe, frame, 700);
    });
  }
});
