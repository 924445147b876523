import type { Page } from '@playwright/test';
import { expect, test } from './helpers';

const HOME = './';
const SIZES = [
  { width: 375, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
];
const SECTIONS = [
  { section: 'shanghai', chart: 'resale-flow' },
  { section: 'hunan', chart: 'network-map' },
];

interface Box {
  top: number;
  bottom: number;
}

/** Where the pinned part of a chart, its title and the step cards are, relative to the viewport. */
function boxes(page: Page, section: string, chart: string) {
  return page.evaluate(
    ({ section, chart }) => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      const figure = document.getElementById(chart)!;
      return {
        pin: box(figure.querySelector('.chart-pin')!),
        title: box(figure.querySelector('.chart-title')!),
        body: box(figure.querySelector('.chart-body')!),
        steps: [...document.querySelectorAll(`#${section} .step`)].map(box),
        step: figure.dataset.step,
      };
    },
    { section, chart },
  );
}

const overlaps = (a: Box & { left: number; right: number }, b: Box & { left: number; right: number }) =>
  a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;

async function hydrate(page: Page, chart: string) {
  await page.locator(`#${chart}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island:has(#${chart})`).first()).not.toHaveAttribute('ssr', /.*/);
}

for (const size of SIZES) {
  test.describe(`scrolly at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    for (const { section, chart } of SECTIONS) {
      test(`${chart}: the pinned chart fits the screen at every step, and its title stays on screen`, async ({ page }) => {
        await page.goto(HOME);
        await hydrate(page, chart);
        const count = await page.locator(`#${section} .step`).count();
        for (let i = 0; i < count; i++) {
          await page.locator(`#${section} .step[data-step="${i}"]`).evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
          await expect(page.locator(`#${chart}`)).toHaveAttribute('data-step', String(i));
          const { pin, title } = await boxes(page, section, chart);
          expect(pin.bottom - pin.top, `step ${i}: pinned block height`).toBeLessThanOrEqual(size.height);
          expect(pin.top, `step ${i}: pinned block top`).toBeGreaterThanOrEqual(0);
          expect(pin.bottom, `step ${i}: pinned block bottom`).toBeLessThanOrEqual(size.height);
          expect(title.top, `step ${i}: chart title on screen`).toBeGreaterThanOrEqual(0);
        }
        // The notes and the data table are not pinned: they come after the last step.
        const notesTop = await page.locator(`#${chart} .chart-notes`).evaluate((el) => el.getBoundingClientRect().top);
        const { steps } = await boxes(page, section, chart);
        expect(notesTop).toBeGreaterThan(steps.at(-1)!.bottom);
      });

      test(`${chart}: after the last step the finished chart is seen whole, with no card over it`, async ({ page }) => {
        await page.goto(HOME);
        await hydrate(page, chart);
        const count = await page.locator(`#${section} .step`).count();
        await page.locator(`#${section} .step[data-step="${count - 1}"]`).evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
        await expect(page.locator(`#${chart}`)).toHaveAttribute('data-step', String(count - 1));
        let seen = false;
        // Scroll on, a tenth of a screen at a time, until the section has gone.
        for (let i = 0; i < 40 && !seen; i++) {
          await page.mouse.wheel(0, size.height / 10);
          await page.waitForTimeout(50);
          const { pin, body, steps, step } = await boxes(page, section, chart);
          if (pin.bottom < 0) break;
          seen = step === String(count - 1) && pin.top >= 0 && pin.bottom <= size.height && !steps.some((card) => overlaps(card, body));
        }
        expect(seen).toBe(true);
      });
    }
  });
}

test.describe('a slow phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('scrolling to each chart while its island hydrates shifts nothing (CLS <= 0.01)', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(HOME);
    // Count from the moment the reader starts scrolling: what the page's opening does on load is not this test's.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    await page.evaluate(() => ((window as unknown as { shift: number }).shift = 0));
    for (const { chart } of SECTIONS) {
      await page.locator(`#${chart}`).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await expect(page.locator(`astro-island:has(#${chart})`).first()).not.toHaveAttribute('ssr', /.*/, { timeout: 30_000 });
      await page.waitForTimeout(1000);
    }
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThanOrEqual(0.01);
  });
});

test.describe('without JavaScript', () => {
  test.use({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });

  test('each section reads in order: the complete chart, the steps, then the notes', async ({ page }) => {
    await page.goto(HOME);
    for (const { section, chart } of SECTIONS) {
      await expect(page.locator(`#${chart}`)).toHaveAttribute('data-step', 'all');
      const { pin, steps } = await boxes(page, section, chart);
      const notesTop = await page.locator(`#${chart} .chart-notes`).evaluate((el) => el.getBoundingClientRect().top);
      expect(pin.bottom - pin.top).toBeLessThanOrEqual(740);
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.top).toBeGreaterThan(steps[i - 1]!.bottom);
      expect(notesTop).toBeGreaterThan(steps.at(-1)!.bottom);
    }
  });
});
