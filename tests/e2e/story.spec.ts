import type { Page } from '@playwright/test';
import { expect, noHorizontalOverflow, test, waitForIslands } from './helpers';

const HOME = './';

/** Scrolls a step to the middle of the viewport, as a reader does, and lets the observer react. */
async function readStep(page: Page, section: string, step: number) {
  await page.locator(`#${section} .step[data-step="${step}"]`).evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
}

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
    const visibleStages = figure.locator('g.stage:not([aria-hidden="true"])');
    for (const step of [0, 1, 2, 3, 4, 5]) {
      await readStep(page, 'shanghai', step);
      await expect(figure).toHaveAttribute('data-step', String(step));
      await expect(visibleStages).toHaveCount(Math.min(step + 1, 5));
      await expect(figure).toBeInViewport();
    }
    await expect(figure.locator('.outcome')).toBeVisible();
    await readStep(page, 'shanghai', 1);
    await expect(figure).toHaveAttribute('data-step', '1');
    await expect(figure.locator('.outcome')).toBeHidden();
  });

  test('the Hunan steps fill the one named province and then show the totals', async ({ page }) => {
    await page.goto(HOME);
    await hydrated(page, '#network-map');
    const figure = page.locator('#network-map');
    const hunan = figure.locator('path[data-province="CN-HN"]');
    await readStep(page, 'hunan', 0);
    await expect(figure).toHaveAttribute('data-step', '0');
    await expect(hunan).not.toHaveClass(/network/);
    await readStep(page, 'hunan', 3);
    await expect(figure).toHaveAttribute('data-step', '3');
    await expect(hunan).toHaveClass(/network/);
    await expect(figure.locator('path.network')).toHaveCount(1);
    await expect(figure.getByText('17 further provinces, not named by police')).toBeVisible();
    await readStep(page, 'hunan', 4);
    await expect(figure.getByText('62 people arrested')).toBeVisible();
  });

  test('with reduced motion the sections read in order: complete charts, no sticky graphic', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(HOME);
    await hydrated(page, '#resale-flow');
    await readStep(page, 'shanghai', 1);
    await expect(page.locator('#resale-flow')).toHaveAttribute('data-step', 'all');
    const position = await page.locator('#shanghai .graphic').evaluate((el) => getComputedStyle(el).position);
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
  const width = () => page.locator('#resale-flow svg').first().evaluate((svg) => Number(svg.getAttribute('viewBox')!.split(' ')[2]));
  expect(await width()).toBeGreaterThan(520);
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(width).toBeLessThan(360);
  expect(await noHorizontalOverflow(page)).toBe(true);
});
