import type { Page } from '@playwright/test';
import { EDITIONS, expect, readStep, test } from './helpers';

// What a screen reader is given, read from Chrome's accessibility tree (CDP), not from the markup: each
// chart whole at every scroll step, once; names in the page's language; Chinese runs marked as Chinese.

interface AXNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
}

async function accessibilityTree(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  await cdp.detach();
  return nodes.filter((n) => !n.ignored);
}

/** The accessible names of a figure's marks in the artboard on screen. */
const markNames = (page: Page, figure: string) =>
  page
    .locator(`${figure} [data-mark]`)
    .evaluateAll((marks) => marks.filter((m) => m.getClientRects().length > 0).map((m) => m.getAttribute('aria-label') ?? ''));

test.describe('each chart whole for a screen reader', () => {
  for (const { locale, prefix } of EDITIONS) {
    for (const [width, height] of [
      [375, 740],
      [1280, 720],
    ] as const) {
      test(`${locale} ${width}x${height}: at every scroll step, every mark of a stepped chart is in the accessibility tree once`, async ({ page }) => {
        test.slow();
        await page.setViewportSize({ width, height });
        await page.goto(prefix);
        for (const section of ['#shanghai', '#hunan']) {
          const story = page.locator(`${section} .story-section`);
          await story.scrollIntoViewIfNeeded();
          await expect(story).toHaveClass(/live/);
          await expect(story).toHaveClass(/pinned/);
          const figure = `${section} figure.chart`;
          const steps = await page.locator(`${section} .step`).count();
          for (let i = 0; i < steps; i++) {
            await readStep(page, section.slice(1), i);
            await expect(page.locator(`${section} .step`).nth(i)).toHaveClass(/active/);
            await expect(page.locator(figure)).toHaveAttribute('data-step', String(i));
            const names = await markNames(page, figure);
            expect(names.length, `${section} step ${i + 1}: marks on screen`).toBeGreaterThan(0);
            const tree = await accessibilityTree(page);
            for (const name of names) {
              expect(tree.filter((n) => n.name?.value === name).length, `${section} step ${i + 1}: "${name}"`).toBe(1);
            }
          }
        }
      });
    }
  }
});

test.describe("each chart's title and description read once", () => {
  for (const { locale, prefix } of EDITIONS) {
    for (const path of ['', 'embed/resale-flow/', 'embed/network-map/', 'embed/timeline/']) {
      test(`${locale} ${path || 'story'}: a chart's title and its description each name or describe one object`, async ({ page }) => {
        await page.goto(prefix + path);
        const figures = page.locator('figure.chart');
        expect(await figures.count()).toBeGreaterThan(0);
        const charts = await figures.evaluateAll((all) =>
          all.map((f) => ({ title: f.querySelector('.chart-title')!.textContent!.trim(), alt: f.querySelector(`[id="${f.id}-alt"]`)!.textContent!.trim() })),
        );
        // The words themselves are leaves (StaticText, InlineTextBox) of the object they name; count the objects.
        const objects = (await accessibilityTree(page)).filter((n) => !['StaticText', 'InlineTextBox'].includes(n.role?.value ?? ''));
        const readings = (words: string) => objects.filter((n) => n.name?.value.trim() === words || n.description?.value.trim() === words).length;
        for (const { title, alt } of charts) {
          expect(readings(title), `title "${title}"`).toBe(1);
          expect(readings(alt), `description "${alt.slice(0, 60)}…"`).toBe(1);
        }
      });
    }
  }
});

test.describe('names a voice reads right', () => {
  test('zh: no name in English in the accessibility tree but proper names', async ({ page }) => {
    await page.goto('zh/');
    // Names a Chinese text keeps in Latin letters: apps, publishers, the language links.
    const proper = new Set(['QQ', 'WeChat', 'Alipay', 'Douyin', 'PC', 'SHINE', 'Odaily', 'PANews', 'Binance', 'English', 'Français', 'Natural Earth']);
    const english = (await accessibilityTree(page))
      .map((n) => n.name?.value.trim() ?? '')
      .filter((name) => /^[A-Za-z][A-Za-z\- ]+$/.test(name) && !proper.has(name));
    // Unless the words are marked as another language (an English source's title), which a voice then reads as such.
    const unmarked = await page.evaluate(
      (names) =>
        names.filter((name) =>
          [...document.querySelectorAll('body *')].some((el) => el.textContent?.trim() === name && !el.closest('[lang]:not([lang^="zh"])')),
        ),
      english,
    );
    expect(unmarked).toEqual([]);
  });

  for (const { locale, prefix } of EDITIONS.filter((e) => e.locale !== 'zh')) {
    test(`${locale}: every run of Chinese in the story is marked as Chinese`, async ({ page }) => {
      await page.goto(prefix);
      const unmarked = await page.locator('main').evaluate((main) => {
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (/\p{Script=Han}/u.test(node.textContent ?? '') && !node.parentElement!.closest('[lang^="zh"]')) found.push(node.textContent!.trim());
        }
        return found;
      });
      expect(unmarked).toEqual([]);
      await expect(page.locator('main [lang="zh-Hans"]').filter({ hasText: '手机口' }).first()).toBeAttached();
    });
  }

  test('every chart data table has a caption', async ({ page }) => {
    await page.goto('./');
    const tables = page.locator('figure.chart table');
    expect(await tables.count()).toBeGreaterThan(0);
    for (const table of await tables.all()) await expect(table.locator('caption')).not.toBeEmpty();
  });
});
