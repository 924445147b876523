import type { Page } from '@playwright/test';
import { EDITIONS, emulateSlowPhone, expect, test } from './helpers';

// The story where readers meet it: chart text at a readable size for any width and text size, step
// text and what the step reveals on screen together, no flash on a slow phone, the opening, Hunan visible.

const CHARTS = ['resale-flow', 'network-map'] as const;

/** Every label of a chart's artboard on screen, with its rendered size in px and whether it is Chinese. */
const labels = (page: Page, chart: string) =>
  page.locator(`figure#${chart}`).evaluate((figure) =>
    [...figure.querySelectorAll('svg text')]
      .filter((t) => t.getClientRects().length > 0 && (t.textContent ?? '').trim())
      .map((t) => ({
        text: t.textContent!.trim(),
        px: parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a,
        cjk: /[\u3000-\u9fff]/.test(t.textContent!),
      })),
  );

const tooSmall = (found: { text: string; px: number; cjk: boolean }[], latin: number, cjk: number) =>
  found.filter((l) => l.px < (l.cjk ? cjk : latin) - 0.05).map((l) => `${l.text}: ${l.px.toFixed(1)} px`);

test.describe('chart text in reader space', () => {
  for (const { locale, prefix } of EDITIONS) {
    for (const width of [375, 768, 1280]) {
      test(`${locale}: the story's chart labels are at least 12 px (14 px Chinese) at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(prefix);
        for (const chart of CHARTS) {
          const found = await labels(page, chart);
          expect(found.length, `${chart} shows labels`).toBeGreaterThan(0);
          expect(tooSmall(found, 12, 14), chart).toEqual([]);
        }
      });
    }
    for (const chart of CHARTS) {
      test(`${locale}: ${chart} labels are at least 12 px (14 px Chinese) in a 288 px embed`, async ({ page }) => {
        await page.setViewportSize({ width: 288, height: 900 });
        await page.goto(`${prefix}embed/${chart}/`);
        const found = await labels(page, chart);
        expect(found.length).toBeGreaterThan(0);
        expect(tooSmall(found, 12, 14)).toEqual([]);
      });
    }
    test(`${locale}: at the largest text size on a phone, chart labels are at least 15 px`, async ({ page }) => {
      await page.addInitScript(() => localStorage.setItem('sold-numbers:text-size', 'largest'));
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(prefix);
      for (const chart of CHARTS) expect(tooSmall(await labels(page, chart), 15, 15), chart).toEqual([]);
    });
  }
});

test.describe('the opening', () => {
  for (const { locale, prefix } of EDITIONS) {
    test(`${locale}: the headline starts within the first 160 px of a 375x740 screen, after its kicker`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(prefix);
      const h1 = await page.locator('h1').boundingBox();
      expect(h1!.y).toBeLessThan(160);
      const kicker = await page.locator('.opening .kicker').boundingBox();
      expect(kicker!.y + kicker!.height).toBeLessThanOrEqual(h1!.y + 1);
      await expect(page.locator('footer #sources')).toHaveCount(1);
    });
  }
  test('the locator names both provinces and places', async ({ page }) => {
    await page.goto('./');
    const names = await page.locator('.locator text').allTextContents();
    expect(names.map((n) => n.replace(/\s+/g, ' ').trim()).sort()).toEqual(['Hunan Linwu County', 'Shanghai Jiading District']);
  });
  test("zh: the locator's names lie off the tiles and inside the drawing", async ({ page }) => {
    await page.goto('zh/');
    const { texts, tiles, box } = await page.locator('svg.locator').evaluate((svg: SVGSVGElement) => {
      const rect = (b: DOMRect) => ({ left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height });
      return {
        // The glyphs' own boxes: a text's box also holds the unseen space between its lines' words.
        texts: [...svg.querySelectorAll('tspan')].flatMap((t) =>
          Array.from({ length: t.getNumberOfChars() }, (_, i) => ({ text: t.textContent!.trim(), ...rect(t.getExtentOfChar(i)) })),
        ),
        tiles: [...svg.querySelectorAll('rect')].map((r) => rect(r.getBBox())),
        box: { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height },
      };
    });
    expect(texts).toHaveLength(12);
    expect(tiles).toHaveLength(34);
    for (const t of texts) {
      expect(t.left, t.text).toBeGreaterThanOrEqual(0);
      expect(t.right, t.text).toBeLessThanOrEqual(box.width);
      expect(t.bottom, t.text).toBeLessThanOrEqual(box.height);
      const covered = tiles.filter((r) => t.left < r.right && r.left < t.right && t.top < r.bottom && r.top < t.bottom);
      expect(covered, t.text).toEqual([]);
    }
  });
});

/** Relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const x = Number(v) / 255;
        return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test.describe('Hunan visible', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`Hunan's fill is at least 1.4:1 against the other provinces in the ${colorScheme} scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('embed/network-map/?theme=auto');
      const fills = await page.locator('figure#network-map').evaluate((figure) => ({
        hunan: getComputedStyle(figure.querySelector('.network')!).fill,
        others: [...new Set([...figure.querySelectorAll('.provinces :is(path, rect):not(.network):not(.context)')].map((p) => getComputedStyle(p).fill))],
      }));
      for (const other of fills.others) expect(contrast(fills.hunan, other), `${fills.hunan} on ${other}`).toBeGreaterThanOrEqual(1.4);
    });
  }
});

test.describe('the zh maps draw no boundary', () => {
  for (const page of ['zh/', 'zh/embed/network-map/']) {
    test(`${page}: 34 tiles, and no path longer than a tile's outline`, async ({ page: tab }) => {
      await tab.goto(page);
      for (const map of ['figure#network-map', '.locator']) {
        if ((await tab.locator(map).count()) === 0) continue;
        const { tiles, outline, paths } = await tab
          .locator(map)
          .first()
          .evaluate((svg) => {
            const rects = [...svg.querySelectorAll<SVGRectElement>(':is(.provinces, .locator) > rect, svg.locator > rect')];
            return {
              tiles: rects.length,
              outline: Math.max(...rects.map((r) => 2 * (r.width.baseVal.value + r.height.baseVal.value))),
              paths: [...svg.querySelectorAll<SVGPathElement>('path')].map((p) => p.getTotalLength()),
            };
          });
        expect(tiles, map).toBe(34);
        expect(paths.filter((length) => length > outline)).toEqual([]);
      }
    });
  }
});

test.describe('no flash on a slow phone', () => {
  test('with the CPU 6x slower, no mark of a pinned chart that was visible disappears while the page is still', async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 375, height: 740 });
    await emulateSlowPhone(page);
    await page.goto('./', { waitUntil: 'commit' });
    await page.locator('#shanghai .story-section').waitFor({ state: 'attached' });
    await page.locator('#shanghai .story-section').evaluate((s) => s.scrollIntoView({ block: 'start', behavior: 'instant' }));
    // Sample which marks are visible until the island runs, then a little longer; nothing scrolls meanwhile.
    const lost = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const section = document.querySelector('#shanghai .story-section')!;
          const visible = () =>
            new Set(
              [...section.querySelectorAll<SVGElement | HTMLElement>('.graphic [data-from]')]
                .filter((m) => m.getClientRects().length > 0 && getComputedStyle(m).visibility !== 'hidden' && getComputedStyle(m).opacity !== '0')
                .map((m) => `${m.tagName}[data-from=${m.dataset.from}]#${[...section.querySelectorAll('[data-from]')].indexOf(m)}`),
            );
          let before = visible();
          const gone: string[] = [];
          let liveSince = 0;
          const tick = () => {
            const now = visible();
            for (const m of before) if (!now.has(m)) gone.push(m);
            before = now;
            if (section.classList.contains('live')) liveSince ||= performance.now();
            if (liveSince && performance.now() - liveSince > 1500) resolve(gone);
            else requestAnimationFrame(tick);
          };
          tick();
        }),
    );
    expect(lost).toEqual([]);
  });
});

/**
 * Scrolls through a pinned section, 24 px at a time, and for each step counts the scroll positions at which
 * it is active and at which its card and every mark it reveals are on screen and uncovered together. Runs in
 * the page: two frames after each scroll, for the step to be read and the chart drawn at it.
 */
function readTogether(page: Page, section: string) {
  return page.locator(`${section} .story-section`).evaluate(async (s) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = s.getBoundingClientRect();
    const top = box.top + scrollY;
    const counts: { active: number; together: number }[] = [];
    const hitsOwn = (el: Element, x: number, y: number) => {
      const hit = document.elementFromPoint(x, y);
      return !!hit && (el.contains(hit) || hit.contains(el));
    };
    // A vertical rule has no width, a horizontal one no height: either makes a mark.
    const onScreen = (r: DOMRect) => r.top >= 0 && r.bottom <= innerHeight && (r.width > 0 || r.height > 0);
    for (let y = top - innerHeight / 2; y < top + box.height; y += 24) {
      scrollTo(0, y);
      await frame();
      const card = s.querySelector<HTMLElement>('.step.active');
      if (!card) continue;
      const step = Number(card.dataset.step);
      const c = card.getBoundingClientRect();
      const cardSeen = onScreen(c) && hitsOwn(card, c.left + 4, c.top + 4) && hitsOwn(card, c.right - 4, c.bottom - 4);
      const marks = [...s.querySelectorAll(`.graphic [data-from="${step}"]`)].filter((m) => m.getClientRects().length > 0);
      const marksSeen = marks.every((m) => {
        const r = m.getBoundingClientRect();
        return onScreen(r) && !card.contains(document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2));
      });
      counts[step] ??= { active: 0, together: 0 };
      counts[step]!.active++;
      if (cardSeen && marksSeen) counts[step]!.together++;
    }
    return counts;
  });
}

test.describe('step text and chart seen together', () => {
  for (const { locale, prefix } of EDITIONS) {
    for (const [width, height] of [
      [375, 740],
      [375, 667],
      [768, 1024],
    ] as const) {
      for (const section of ['#shanghai', '#hunan']) {
        test(`${locale} ${width}x${height} ${section}: each step's text and what it reveals are on screen together most of the time it is active`, async ({
          page,
        }) => {
          test.slow();
          await page.setViewportSize({ width, height });
          await page.goto(prefix);
          const story = page.locator(`${section} .story-section`);
          await story.scrollIntoViewIfNeeded();
          await expect(story).toHaveClass(/live/);
          // A chart pins only where it leaves room under it for its tallest card (else the section reads in
          // order, the complete chart first): phones down to 667 px and tablets must have that room.
          await expect(story).toHaveClass(/pinned/);
          const steps = await page.locator(`${section} .step`).count();
          const counts = await readTogether(page, section);
          for (let i = 0; i < steps; i++) {
            const c = counts[i] ?? { active: 0, together: 0 };
            expect(c.active, `step ${i + 1} becomes active`).toBeGreaterThan(0);
            expect(c.together / c.active, `step ${i + 1}: ${c.together} of ${c.active} positions`).toBeGreaterThan(0.5);
          }
        });
      }
    }
  }
});
