import type { Page } from '@playwright/test';
import { CHART_IDS } from '~/charts/registry';
import { buildEdition } from '~/edition/edition';
import { expect, nextFrames, readStep, settled, test, wheel } from './helpers';

// The phone-first scrolly (issue 12, item 1): what a reader sees of each scroll chart at each step, on a
// phone, a tablet and a laptop.

const HOME = './';
const SIZES = [
  { width: 375, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
];
/** The charts that scroll steps drive, and their sections. */
const SECTIONS = buildEdition('en')
  .charts.filter((c) => c.island.steps > 0)
  .map((c) => ({ section: c.definition.story.section, chart: c.id }));

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Where things are, relative to the viewport: the pinned block (the sticky element holding the chart's
 * drawing), the chart's title, its drawing (`.chart-body`: every svg and row of the chart), its notes,
 * and the section's step cards.
 */
function boxes(page: Page, section: string, chart: string) {
  return page.evaluate(
    ({ section, chart }) => {
      const box = (el: Element): Box => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      const figure = document.getElementById(chart)!;
      const body = figure.querySelector('.chart-body')!;
      let pin: Element | null = body;
      while (pin && getComputedStyle(pin).position !== 'sticky') pin = pin.parentElement;
      const notes = figure.querySelector('.chart-notes')!;
      // Covered: a card drawn over the middle or a corner of the drawing.
      const b = box(body);
      const points = [
        [(b.left + b.right) / 2, (b.top + b.bottom) / 2],
        [b.left + 4, b.top + 4],
        [b.right - 4, b.bottom - 4],
      ];
      const covered = points.some(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.step'));
      return {
        covered,
        pin: pin ? box(pin) : null,
        notesPinned: pin?.contains(notes) ?? false,
        title: box(figure.querySelector('.chart-title')!),
        body: box(body),
        notes: box(notes),
        steps: [...document.querySelectorAll(`#${section} .step`)].map(box),
        step: figure.dataset.step,
      };
    },
    { section, chart },
  );
}

const overlaps = (a: Box, b: Box) => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;

async function hydrate(page: Page, chart: string) {
  await page.locator(`#${chart}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island:has(#${chart})`).first()).not.toHaveAttribute('ssr', /.*/);
}

for (const size of SIZES) {
  test.describe(`scrolly at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    for (const { section, chart } of SECTIONS) {
      test(`${chart}: at every step the pinned drawing is on screen whole (with its title beside the steps), and its notes are not pinned`, async ({
        page,
      }) => {
        await page.goto(HOME);
        await hydrate(page, chart);
        const count = await page.locator(`#${section} .step`).count();
        for (let i = 0; i < count; i++) {
          await readStep(page, section, i);
          await expect(page.locator(`#${chart}`)).toHaveAttribute('data-step', String(i));
          const { pin, title, notesPinned, covered } = await boxes(page, section, chart);
          expect(pin, 'a pinned block').not.toBeNull();
          expect(pin!.bottom - pin!.top, `step ${i}: pinned block height`).toBeLessThanOrEqual(size.height);
          expect(pin!.top, `step ${i}: pinned block top`).toBeGreaterThanOrEqual(-0.5);
          expect(pin!.bottom, `step ${i}: pinned block bottom`).toBeLessThanOrEqual(size.height + 0.5);
          // Beside the steps (a laptop) the title stays; above them (a phone, a tablet) it scrolls away for the band.
          if (size.width > 832) expect(title.top, `step ${i}: chart title on screen`).toBeGreaterThanOrEqual(-0.5);
          expect(covered, `step ${i}: a card over the drawing`).toBe(false);
          expect(notesPinned, 'notes, source and data table pinned with the chart').toBe(false);
        }
        // The notes and the data table come after the last step.
        const { notes, steps } = await boxes(page, section, chart);
        expect(notes.top).toBeGreaterThan(steps.at(-1)!.bottom);
      });

      test(`${chart}: after the last step the finished chart is seen whole, with no card over it`, async ({ page }) => {
        await page.goto(HOME);
        await hydrate(page, chart);
        const count = await page.locator(`#${section} .step`).count();
        await readStep(page, section, count - 1);
        await expect(page.locator(`#${chart}`)).toHaveAttribute('data-step', String(count - 1));
        let seen = false;
        // Scroll on, a tenth of a screen at a time, until the chart has left the screen.
        for (let i = 0; i < 40 && !seen; i++) {
          const { body, step, covered } = await boxes(page, section, chart);
          if (body.bottom < 0) break;
          seen = step === String(count - 1) && body.top >= 0 && body.bottom <= size.height && !covered;
          await wheel(page, size.height / 10);
        }
        expect(seen).toBe(true);
        // Further on, the pinned part has let go: it does not lie over the notes that follow the steps.
        await page.locator(`#${chart} .chart-notes`).evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
        const { pin, notes } = await boxes(page, section, chart);
        expect(overlaps(pin!, notes), 'pinned chart over its notes').toBe(false);
      });
    }
  });
}

test.describe('a slow phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('going to each chart while its island loads and hydrates, and reading on through its steps, shifts nothing (CLS <= 0.01)', async ({ page }) => {
    test.setTimeout(180_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: { value: number; sources: string[] }[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[])
          if (!entry.hadRecentInput)
            w.shifts.push({
              value: entry.value,
              sources: entry.sources.map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node?.nodeName))),
            });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(HOME);
    // Count from the moment the reader starts scrolling: what the page's opening does on load is not this test's.
    await settled(page);
    await page.evaluate(() => ((window as unknown as { shifts: unknown[] }).shifts = []));
    // Go to each chart as a reader following a link to it does, while its island loads and hydrates.
    for (const chart of CHART_IDS) {
      await page.locator(`#${chart}`).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await expect(page.locator(`astro-island:has(#${chart})`).first()).not.toHaveAttribute('ssr', /.*/, { timeout: 30_000 });
      await nextFrames(page);
      // Then read on through the chart's steps, half a screen at a time.
      const end = await page.locator(`#${chart}`).evaluate((el) => el.closest('section')!.getBoundingClientRect().bottom);
      for (let y = 0; y < end; y += 370) {
        await wheel(page, 370);
      }
    }
    // Shifts reach the observer a task after the frame they happen in.
    await nextFrames(page, 3);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; sources: string[] }[] }).shifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(total, JSON.stringify(shifts, null, 1)).toBeLessThanOrEqual(0.01);
  });
});

test.describe('without JavaScript', () => {
  test.use({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });

  test('each section shows the complete chart pinned, then its steps, then its notes', async ({ page }) => {
    await page.goto(HOME);
    for (const { section, chart } of SECTIONS) {
      await expect(page.locator(`#${chart}`)).toHaveAttribute('data-step', 'all');
      const { pin, steps, notes } = await boxes(page, section, chart);
      expect(pin!.bottom - pin!.top).toBeLessThanOrEqual(740);
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.top).toBeGreaterThan(steps[i - 1]!.bottom);
      expect(notes.top).toBeGreaterThan(steps.at(-1)!.bottom);
    }
  });
});

test.describe('the largest text on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('a chart that cannot fit the screen is not pinned: it reads complete, before its steps', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('sold-numbers:text-size', 'largest'));
    await page.goto(HOME);
    await hydrate(page, 'resale-flow');
    await readStep(page, 'shanghai', 2);
    await expect(page.locator('#resale-flow')).toHaveAttribute('data-step', 'all');
    const { pin, body, steps } = await boxes(page, 'shanghai', 'resale-flow');
    expect(pin).toBeNull();
    expect(body.bottom).toBeLessThan(steps[0]!.top);
  });
});
