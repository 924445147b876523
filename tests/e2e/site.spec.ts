import { CHART_IDS } from '~/charts/registry';
import { axeViolations, expect, noHorizontalOverflow, overflowingElements, scrollThrough, settleAnimations, settled, test, waitForIslands } from './helpers';

// Paths are relative ('./', not '/') so they resolve against baseURL, which
// includes the BASE sub-path when the site is published under one.
const HOME = './';

test.describe('home page contract', () => {
  test('returns 200 with lang, title, description, canonical and one h1', async ({ page }) => {
    const response = await page.goto(HOME);
    expect(response, 'navigation response').not.toBeNull();
    expect(response?.status()).toBe(200);

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect((await page.title()).trim(), '<title> must not be empty').not.toBe('');

    const description = page.locator('head meta[name="description"]');
    await expect(description).toHaveCount(1);
    expect((await description.getAttribute('content'))?.trim(), 'meta description content').toBeTruthy();

    const canonical = page.locator('head link[rel="canonical"]');
    await expect(canonical).toHaveCount(1);
    expect((await canonical.getAttribute('href'))?.trim(), 'canonical href').toBeTruthy();

    await expect(page.locator('h1')).toHaveCount(1);
  });

  test('no request leaves 127.0.0.1 during a full scroll', async ({ page, requests }) => {
    await page.goto(HOME);
    await scrollThrough(page);
    await waitForIslands(page);
    await page.waitForLoadState('networkidle');
    expect(requests.urls.length, 'the recorder saw the page load').toBeGreaterThan(0);
    expect(requests.external(), 'requests that left the machine').toEqual([]);
  });

  for (const width of [320, 768, 1280]) {
    test(`no horizontal overflow at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(HOME);
      await scrollThrough(page);
      await waitForIslands(page);
      const ok = await noHorizontalOverflow(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const culprits = ok ? [] : await overflowingElements(page);
      expect(ok, `document is ${scrollWidth}px wide at a ${width}px viewport; culprits:\n${culprits.join('\n')}`).toBe(true);
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: no WCAG 2.1 A/AA violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(HOME);
      await scrollThrough(page);
      await waitForIslands(page);
      await settleAnimations(page);
      const violations = await axeViolations(page);
      expect(violations, `axe violations (${colorScheme}):\n${violations.join('\n')}`).toEqual([]);
    });
  }

  test('without JavaScript the three charts render as SVG with a data table', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    try {
      const page = await context.newPage();
      const response = await page.goto(HOME);
      expect(response?.status()).toBe(200);
      for (const id of CHART_IDS) {
        const figure = page.locator(`figure#${id}`);
        await expect(figure, `figure#${id}`).toHaveCount(1);
        expect(await figure.locator('svg').count(), `figure#${id} contains an <svg>`).toBeGreaterThan(0);
        expect(await figure.locator('details').count(), `figure#${id} contains a <details>`).toBeGreaterThan(0);
        expect(
          await figure.locator('details table tbody tr').count(),
          `figure#${id} has a <details> with a <table> with at least one <tbody> row`,
        ).toBeGreaterThan(0);
      }
    } finally {
      await context.close();
    }
  });

  test.describe('with prefers-reduced-motion: reduce', () => {
    test.use({ reducedMotion: 'reduce' });

    test('no animations run after load or after scrolling', async ({ page }) => {
      const running = () =>
        page.evaluate(() =>
          document.getAnimations().map((a) => {
            const target = (a.effect as KeyframeEffect | null)?.target;
            const what =
              a instanceof CSSAnimation
                ? `animation ${a.animationName}`
                : a instanceof CSSTransition
                  ? `transition ${a.transitionProperty}`
                  : 'script animation';
            const where = target ? `${target.tagName.toLowerCase()}${target.id ? `#${target.id}` : ''}` : '?';
            return `${what} on ${where} (${a.playState})`;
          }),
        );
      // What a page may do is settle within a second; the test waits for that, not for a set time.
      await page.goto(HOME);
      await settled(page);
      await expect.poll(running, { message: 'animations after load', timeout: 1_000 }).toEqual([]);
      await scrollThrough(page);
      await waitForIslands(page);
      await expect.poll(running, { message: 'animations after a full scroll', timeout: 1_000 }).toEqual([]);
    });
  });

  test('a missing page answers 404', async ({ page }) => {
    const response = await page.goto('no-such-page/');
    expect(response?.status()).toBe(404);
  });
});
