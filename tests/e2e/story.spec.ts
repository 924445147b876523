import type { Page } from '@playwright/test';
import { expect, noHorizontalOverflow, readStep, test, waitForIslands } from './helpers';

const HOME = './';

async function hydrated(page: Page, selector: string) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island:has(${selector})`).first()).not.toHaveAttribute('ssr', /.*/);
}

test.describe('scrollytelling', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('each Shanghai step reveals the next link of the resale chain in the sticky chart', async ({ page }) => {
    await page.goto(HOME);
    await hydrated(page, '#resale-flow');
    const figure = page.locator('#resale-flow');
    // Stages of the artboard on screen that the step has not left pending.
    const visibleStages = figure.locator('svg:visible g.stage:not(.pending)');
    for (const step of [0, 1, 2, 3, 4, 5]) {
      await readStep(page, 'shanghai', step);
      await expect(figure).toHaveAttribute('data-step', String(step));
      await expect(visibleStages).toHaveCount(Math.min(step + 1, 5));
      await expect(figure).toBeInViewport();
    }
    await expect(figure.locator('.outcome')).toBeVisible();
    await readStep(page, 'shanghai', 1);
    await expect(figure).toHaveAttribute('data-step', '1');
    // Transparent, not hidden: a screen reader still hears the whole chain.
    await expect(figure.locator('.outcome')).toHaveCSS('opacity', '0');
  });

  test('the Hunan steps fill the one named province and then show the totals', async ({ page }) => {
    await page.goto(HOME);
    await hydrated(page, '#network-map');
    const figure = page.locator('#network-map');
    const hunan = figure.locator('path[data-province="CN-HN"]');
    await readStep(page, 'hunan', 0);
    await expect(figure).toHaveAttribute('data-step', '0');
    await expect(hunan).toHaveClass(/pending/);
    const fill = () => hunan.evaluate((el) => getComputedStyle(el).fill);
    const plain = await fill();
    await readStep(page, 'hunan', 3);
    await expect(figure).toHaveAttribute('data-step', '3');
    await expect(hunan).not.toHaveClass(/pending/);
    await expect.poll(fill).not.toBe(plain);
    await expect(figure.locator('path.network:not(.pending)')).toHaveCount(1);
    await expect(figure.getByText('17 further provinces, not named in the reports')).toBeVisible();
    await readStep(page, 'hunan', 4);
    await expect(figure.getByText('62 people arrested')).toBeVisible();
  });

  test('with reduced motion the sections read in order: complete charts, no sticky graphic', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(HOME);
    await hydrated(page, '#resale-flow');
    await readStep(page, 'shanghai', 1);
    await expect(page.locator('#resale-flow')).toHaveAttribute('data-step', 'all');
    const position = await page.locator('#shanghai .chart-pin').evaluate((el) => getComputedStyle(el).position);
    expect(position).toBe('static');
  });
});

test.describe('chart details', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the keyboard reaches every timeline detail with Tab and arrows, and Escape closes it', async ({ page }) => {
    await page.goto(HOME);
    await hydrated(page, '#timeline');
    await page.locator('#crackdown h2').evaluate((el) => el.setAttribute('tabindex', '-1'));
    await page.locator('#crackdown h2').focus();
    // One Tab stop for the whole chart: the first mark.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.closest('#timeline') !== null)); i++) await page.keyboard.press('Tab');
    const tooltip = page.locator('#timeline [role="tooltip"]');
    await expect(tooltip).toBeVisible();
    const first = await tooltip.textContent();
    await page.keyboard.press('ArrowRight');
    await expect(tooltip).toBeVisible();
    expect(await tooltip.textContent()).not.toBe(first);
    await page.keyboard.press('End');
    await expect(tooltip).toContainText('2023');
    await page.keyboard.press('Escape');
    await expect(tooltip).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');
    // The source link in a detail is reachable with Tab.
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="tooltip"]') !== null)).toBe(true);
  });

  test('pointer hover shows a detail and leaving the chart hides it', async ({ page }) => {
    await page.goto(HOME);
    await hydrated(page, '#timeline');
    const tooltip = page.locator('#timeline [role="tooltip"]');
    await page.locator('#timeline g.event:visible tspan').first().hover();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('2021');
    await page.mouse.move(5, 5);
    await expect(tooltip).toHaveCount(0);
  });

  test('a click opens the data table', async ({ page }) => {
    await page.goto(HOME);
    const table = page.locator('#resale-flow details table');
    await expect(table).toBeHidden();
    await page.locator('#resale-flow details summary').click();
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr')).toHaveCount(8);
  });
});

test('the charts re-lay themselves out when the window narrows, with no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(HOME);
  await waitForIslands(page);
  const width = () => page.locator('#resale-flow svg:visible').evaluate((svg) => Number(svg.getAttribute('viewBox')!.split(' ')[2]));
  expect(await width()).toBeGreaterThan(520);
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(width).toBeLessThanOrEqual(360);
  expect(await noHorizontalOverflow(page)).toBe(true);
});

test.describe('layouts chosen without JavaScript', () => {
  /** The smallest label of a chart's drawing on screen, in px: each shown SVG text's font size times the drawing's scale. */
  const smallestLabel = (page: Page, chart: string) =>
    page.locator(`#${chart} svg`).evaluateAll((svgs) =>
      Math.min(
        ...svgs
          .flatMap((svg) => [...svg.querySelectorAll('text')])
          .filter((t) => t.getClientRects().length > 0 && getComputedStyle(t).visibility !== 'hidden')
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a),
      ),
    );

  test('a phone without JavaScript gets the phone layouts of the resale chain and the map, their labels legible', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(HOME);
    await expect(page.locator('#resale-flow svg.artboard:visible')).toHaveCount(1);
    await expect(page.locator('#resale-flow svg.artboard.phone')).toBeVisible();
    await expect(page.locator('#network-map g.artboard:visible')).toHaveCount(1);
    await expect(page.locator('#network-map g.artboard.phone')).toBeVisible();
    // Complete, as the story reads without JavaScript: every stage, the outcome, the totals.
    await expect(page.locator('#resale-flow svg.phone g.stage:visible')).toHaveCount(5);
    await expect(page.locator('#resale-flow .outcome')).toBeVisible();
    await expect(page.getByText('62 people arrested')).toBeVisible();
    for (const chart of ['resale-flow', 'network-map']) expect(await smallestLabel(page, chart), chart).toBeGreaterThanOrEqual(11);
    await context.close();
  });

  test('a wide screen without JavaScript gets the desktop layouts', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(HOME);
    await expect(page.locator('#resale-flow svg.artboard:visible')).toHaveCount(1);
    await expect(page.locator('#resale-flow svg.artboard.phone')).toBeHidden();
    await expect(page.locator('#network-map g.artboard.phone')).toBeHidden();
    for (const chart of ['resale-flow', 'network-map']) expect(await smallestLabel(page, chart), chart).toBeGreaterThanOrEqual(11);
    await context.close();
  });
});

test.describe('timeline labels', () => {
  // Every label the reader sees: rule and event labels, lane names, panel titles, axes, values on bars and notes.
  const labelBoxes = (page: Page) =>
    page.locator('#timeline svg.artboard:visible').evaluate((svg) => {
      const chart = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll<SVGTextElement>(':scope > text, .rule text, .event text, .panel text, .values text')].map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      return { chart: { left: chart.left, right: chart.right, top: chart.top, bottom: chart.bottom }, boxes };
    });

  for (const path of ['./', 'zh/', 'fr/'])
    for (const width of [320, 375, 768, 1280])
      test(`${path} at ${width} px: no timeline label overlaps another or leaves the chart`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await page.locator('#timeline').scrollIntoViewIfNeeded();
        const { chart, boxes } = await labelBoxes(page);
        expect(boxes.length).toBeGreaterThan(20);
        for (const b of boxes) {
          expect(b.left >= chart.left - 0.5 && b.right <= chart.right + 0.5, `${b.text} leaves the chart`).toBe(true);
          expect(b.top >= chart.top - 0.5 && b.bottom <= chart.bottom + 0.5, `${b.text} leaves the chart`).toBe(true);
        }
        // Glyph boxes include line spacing; 1 px of it may touch.
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1)) {
            const apart = a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
            expect(apart, `"${a.text}" overlaps "${b.text}"`).toBe(true);
          }
      });

  /** The smallest timeline label on screen, in px: each shown text's font size times its drawing's scale. */
  const smallestTimelineLabel = (page: Page) =>
    page
      .locator('#timeline svg.artboard:visible')
      .evaluate((svg) =>
        Math.min(
          ...[...svg.querySelectorAll('text')]
            .filter((t) => t.getClientRects().length > 0)
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a),
        ),
      );

  for (const [path, least] of [
    ['./', 12],
    ['zh/', 14],
    ['fr/', 12],
  ] as const) {
    for (const width of [375, 768, 1280])
      test(`${path} at ${width} px: every timeline label is drawn at ${least} px or more`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await page.locator('#timeline').scrollIntoViewIfNeeded();
        expect(await smallestTimelineLabel(page)).toBeGreaterThanOrEqual(least);
      });
    test(`${path} in a 288 px embed column: every timeline label is drawn at ${least} px or more`, async ({ page }) => {
      await page.setViewportSize({ width: 288, height: 900 });
      await page.goto(`${path}embed/timeline/`);
      // The page's margins leave the chart less than the column.
      expect(await page.locator('#timeline .chart-body').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(288);
      expect(await smallestTimelineLabel(page)).toBeGreaterThanOrEqual(least);
    });
  }

  test('on a phone at the largest reading size, every timeline label is drawn at 15 px or more', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('sold-numbers:text-size', 'largest'));
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(HOME);
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    expect(await smallestTimelineLabel(page)).toBeGreaterThanOrEqual(15);
  });

  test('a phone without JavaScript gets the phone layout', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(HOME);
    await expect(page.locator('#timeline svg.artboard:visible')).toHaveCount(1);
    await expect(page.locator('#timeline svg.artboard.phone')).toBeVisible();
    // Time runs down the page: each year's label lower than the one before, at the left.
    const years = await page
      .locator('#timeline svg.phone > text.year')
      .evaluateAll((els) => els.map((el) => ({ text: el.textContent, top: el.getBoundingClientRect().top, left: el.getBoundingClientRect().left })));
    expect(years.length).toBeGreaterThanOrEqual(4);
    expect(years.map((y) => y.top)).toEqual([...years.map((y) => y.top)].sort((a, b) => a - b));
    expect(new Set(years.map((y) => Math.round(y.left))).size).toBe(1);
    expect(years.map((y) => Number(y.text))).toEqual([...years.map((y) => Number(y.text))].sort((a, b) => a - b));
    // Labels at a readable size: the phone artboard is drawn near its own width, not shrunk from a desktop one.
    const size = await page
      .locator('#timeline svg.phone .event text')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(size).toBeGreaterThan(11);
    await context.close();
  });

  for (const width of [375, 1280])
    test(`at ${width} px the national panels draw each bar’s length in proportion to its value, from zero`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(HOME);
      await page.locator('#timeline').scrollIntoViewIfNeeded();
      // Each bar's drawn length against the figure in its accessible name ("2019. People prosecuted …. 499").
      const bars = await page.locator('#timeline svg.artboard:visible .bars rect').evaluateAll((rects) =>
        rects.map((r) => {
          const box = r.getBoundingClientRect();
          const across = r.closest('svg')!.classList.contains('vertical');
          const figure = (r.getAttribute('aria-label') ?? '').split('. ')[2] ?? '';
          return { name: r.getAttribute('aria-label'), length: across ? box.width : box.height, value: Number(figure.replace(/\D/g, '')) };
        }),
      );
      expect(bars.length).toBeGreaterThan(10);
      // The prosecutions: 137 to 147,000 (the police series counts hundreds of thousands).
      const spp = bars.filter((b) => b.value > 0 && b.value < 200000);
      const largest = spp.reduce((a, b) => (b.value > a.value ? b : a));
      expect(largest.value).toBe(147000);
      for (const b of spp) expect(Math.abs(b.length - (largest.length * b.value) / largest.value), `${b.name}`).toBeLessThan(1);
    });
});
