import type { Page } from '@playwright/test';
import { axeViolations, EDITIONS, expect, settleAnimations, test } from './helpers';

// Paths are relative so they resolve under BASE.
const TALK = 'talk/';

/** Opens talk mode and waits for the deck's island to run. */
async function openTalk(page: Page, path = TALK) {
  await page.goto(path);
  await expect(page.locator('astro-island:has(.talk)')).not.toHaveAttribute('ssr', /.*/);
  await expect(page.locator('.talk.live')).toHaveCount(1);
}

/**
 * Every chart label shown on slide n, in screen px: each shown text of the chart's drawings (SVG), its font
 * size times the drawing's scale; and the words the chart writes in HTML beside them (the resale chain's
 * outcome, the map's panels), their font size.
 */
function chartLabels(page: Page, n: number) {
  return page.locator(`#slide-${n} .graphic`).evaluate((graphic) => {
    const shown = (el: Element) =>
      el.getBoundingClientRect().width > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !el.closest('.visually-hidden');
    const drawn = [...graphic.querySelectorAll<SVGTextElement>('svg text')]
      .filter(shown)
      .map((t) => ({ text: t.textContent!.trim(), px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a }));
    const written = [...graphic.querySelectorAll(':is(p, li, span):not(.chart-title, .chart-subtitle)')]
      .filter((el) => shown(el) && [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()))
      .map((el) => ({ text: el.textContent!.trim(), px: parseFloat(getComputedStyle(el).fontSize) }));
    return [...drawn, ...written];
  });
}

/** The smallest chart label on slide n, in screen px. */
async function smallestLabel(page: Page, n: number) {
  return Math.min(...(await chartLabels(page, n)).map((l) => l.px));
}

/** The slides that show a chart, by number and name. */
function chartSlides(page: Page) {
  return page
    .locator('section.slide:has(.graphic)')
    .evaluateAll((els) => els.map((el) => ({ n: Number(el.id.replace('slide-', '')), id: (el as HTMLElement).dataset.slide! })));
}

async function slideCount(page: Page) {
  return page.locator('section.slide').count();
}

/** Exactly slide n shows, the counter says so and the address links to it. */
async function expectSlide(page: Page, n: number) {
  const count = await slideCount(page);
  await expect(page.locator(`#slide-${n}`)).toBeVisible();
  await expect(page.locator('section.slide:visible')).toHaveCount(1);
  await expect(page.locator('.counter [aria-hidden="true"]')).toHaveText(`${n} / ${count}`);
  await expect(page).toHaveURL(new RegExp(`#slide-${n}$`));
}

test.use({ viewport: { width: 1280, height: 720 } });

test.describe('talk mode pages', () => {
  for (const { prefix, lang } of EDITIONS) {
    test(`/${prefix}talk/ exists in its language, with every slide`, async ({ page }) => {
      const response = await page.goto(`${prefix}${TALK}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toMatch(lang);
      expect(await slideCount(page)).toBeGreaterThanOrEqual(15);
      await expect(page.locator('h1')).toHaveCount(1);
    });
  }

  test('switching language stays in talk mode, on the same slide', async ({ page }) => {
    await openTalk(page, `${TALK}#slide-3`);
    await page.locator('.languages a[hreflang^="zh"]').click();
    await expect(page).toHaveURL(/\/zh\/talk\/#slide-3$/);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    // The deck, once running, points the language links at the slide on screen.
    await expect(page.locator('.talk.live')).toHaveCount(1);
    await expect(page.locator('#slide-3')).toBeVisible();
    await page.locator('.languages a[hreflang^="fr"]').click();
    await expect(page).toHaveURL(/\/fr\/talk\/#slide-3$/);
    await expect(page.locator('.talk.live')).toHaveCount(1);
    await page.locator('.languages a[hreflang^="en"]').click();
    await expect(page).toHaveURL(/\/talk\/#slide-3$/);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);
  });
});

test.describe('navigation', () => {
  test('the keys of a keyboard and of a presentation clicker move between slides', async ({ page }) => {
    await openTalk(page);
    await expect(page.locator('#slide-1')).toBeVisible();
    await expect(page.locator('section.slide:visible')).toHaveCount(1);
    const last = await slideCount(page);
    const steps: [string, number][] = [
      ['ArrowRight', 2],
      ['PageDown', 3],
      ['Space', 4],
      ['ArrowDown', 5],
      ['PageUp', 4],
      ['ArrowLeft', 3],
      ['ArrowUp', 2],
      ['End', last],
      ['ArrowRight', last],
      ['Home', 1],
      ['ArrowLeft', 1],
    ];
    for (const [key, n] of steps) {
      await page.keyboard.press(key);
      await expectSlide(page, n);
    }
  });

  test('the buttons move between slides too', async ({ page }) => {
    await openTalk(page);
    await page.getByRole('button', { name: 'Next slide' }).click();
    await expectSlide(page, 2);
    await page.getByRole('button', { name: 'Previous slide' }).click();
    await expectSlide(page, 1);
    await expect(page.getByRole('button', { name: 'Previous slide' })).toBeDisabled();
  });

  test('a deep link opens its slide, and back and forward move through the slides seen', async ({ page }) => {
    await openTalk(page, `${TALK}#slide-5`);
    await expectSlide(page, 5);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 6);
    await page.goBack();
    await expectSlide(page, 5);
    await page.goForward();
    await expectSlide(page, 6);
  });

  test('a link to a cited source shows the slide that lists it', async ({ page }) => {
    await openTalk(page);
    // The diagram's slide cites its source.
    const diagram = page.locator('section.slide[data-slide="hunan-intro-diagram"]');
    await page.evaluate((hash) => (location.hash = hash), `#${await diagram.getAttribute('id')}`);
    await diagram.locator('a[href^="#source-"]').first().click();
    await expect(page.locator('section.slide.slide-closing')).toBeVisible();
    await expect(page.locator('section.slide:visible')).toHaveCount(1);
  });

  test('a sideways swipe turns the slide', async ({ browser }) => {
    const context = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await openTalk(page);
    const swipe = (from: number, to: number) =>
      page.locator('.talk').evaluate(
        (el, [x0, x1]) => {
          const touch = (x: number) => new Touch({ identifier: 1, target: el, clientX: x, clientY: 300 });
          el.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [touch(x0!)], touches: [touch(x0!)], bubbles: true }));
          el.dispatchEvent(new TouchEvent('touchend', { changedTouches: [touch(x1!)], touches: [], bubbles: true }));
        },
        [from, to],
      );
    await swipe(800, 200);
    await expectSlide(page, 2);
    await swipe(200, 800);
    await expectSlide(page, 1);
    await context.close();
  });

  test('F enters full screen and Escape leaves it', async ({ page }) => {
    await openTalk(page);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect(page.getByRole('button', { name: /Full screen/ })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  });

  test('slides change with a transition, and without one when the reader prefers reduced motion', async ({ page }) => {
    // The current slide's animation as the browser computed it: name and duration.
    const animation = (n: number) =>
      page.locator(`#slide-${n}`).evaluate((el) => {
        const style = getComputedStyle(el);
        return { name: style.animationName, duration: parseFloat(style.animationDuration) };
      });
    await openTalk(page);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    const moving = await animation(2);
    expect(moving.name).not.toBe('none');
    expect(moving.duration).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 3);
    const still = await animation(3);
    expect(still.name === 'none' || still.duration === 0).toBe(true);
  });
});

test.describe('fit', () => {
  // An older projector's resolution: the smallest screen a talk is likely to be given on.
  test.use({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });

  for (const { prefix } of EDITIONS) {
    test(`every slide of /${prefix}talk/ fits the screen, so a clicker never needs to scroll`, async ({ page }) => {
      await openTalk(page, `${prefix}${TALK}`);
      const count = await slideCount(page);
      for (let n = 1; n <= count; n++) {
        await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
        await expectSlide(page, n);
        const overflow = await page.locator(`#slide-${n}`).evaluate((el) => el.scrollHeight - el.clientHeight);
        expect(overflow, `slide ${n}`).toBeLessThanOrEqual(1);
      }
    });
  }

  // Read from the back of a hall: a label's cap height of 16 arcminutes or more from six image-heights away is
  // about 4% of the screen's height (ANSI/HFES 100; issue 22), at 1024x768 (31 px) and at 1920x1080 (43 px).
  for (const { prefix } of EDITIONS) {
    test(`every chart label of every chart slide of /${prefix}talk/ is at least 4% of the screen's height, on a 4:3 and a 16:9 projector`, async ({ page }) => {
      test.slow();
      await openTalk(page, `${prefix}${TALK}`);
      const slides = await chartSlides(page);
      expect(slides.length).toBeGreaterThanOrEqual(12);
      // The timeline by case and by series, the map's payoff on a slide of its own.
      expect(slides.filter((s) => s.id.startsWith('timeline')).length).toBeGreaterThanOrEqual(4);
      for (const viewport of [
        { width: 1024, height: 768 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(viewport);
        const floor = Math.ceil(viewport.height * 0.04);
        for (const { n, id } of slides) {
          await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
          await expectSlide(page, n);
          const labels = await chartLabels(page, n);
          expect(labels.length, `slide ${n} (${id}) shows no label`).toBeGreaterThan(0);
          const small = labels.filter((l) => l.px < floor).map((l) => `"${l.text}" ${l.px.toFixed(1)} px`);
          expect(small, `slide ${n} (${id}) at ${viewport.width}x${viewport.height}: labels under ${floor} px`).toEqual([]);
        }
      }
    });
  }

  test('on a 1920x1080 screen the chart labels are larger still', async ({ page }) => {
    await openTalk(page);
    const [first] = await chartSlides(page);
    await page.evaluate((n) => (location.hash = `#slide-${n}`), first!.n);
    const small = await smallestLabel(page, first!.n);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => smallestLabel(page, first!.n)).toBeGreaterThan(small * 1.3);
  });

  test("a step's slide shows its key sentence, large, and the chart: the rest of its words, notes and sources are in the speaker notes", async ({ page }) => {
    await openTalk(page, `${TALK}#slide-3`);
    const slide = page.locator('#slide-3');
    await expect(slide.locator('.graphic svg').first()).toBeVisible();
    const key = slide.locator('.key');
    await expect(key).toBeVisible();
    const sentence = (await key.textContent())!.replace(/\s+/g, ' ');
    expect(sentence.length).toBeGreaterThan(20);
    expect((await slide.locator('.slide-notes .slide-words').textContent())!.replace(/\s+/g, ' ')).toContain(sentence);
    expect(await key.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
    // The section's name is for screen readers and the notes view.
    await expect(slide.locator('h2')).toHaveCSS('position', 'absolute');
    await expect(slide.locator('.chart-notes')).toBeHidden();
    await expect(slide.locator('.text')).toHaveCount(0);
    await expect(slide.locator('.slide-notes .slide-words p').first()).not.toBeEmpty();
    await expect(slide.locator('.slide-notes .chart-note').last()).toHaveText(/^Source/);
  });

  test('the last slide carries a QR code for the story and its address', async ({ page }) => {
    await openTalk(page);
    await page.keyboard.press('End');
    const last = page.locator('section.slide-closing');
    await expect(last.locator('svg.qr')).toBeVisible();
    await expect(last.locator('svg.qr')).toBeInViewport({ ratio: 1 });
    await expect(last.locator('.address-card a')).toHaveText(new RegExp(`^[^/]+${new URL('../', page.url()).pathname.replace(/\/$/, '')}$`));
  });

  test("a section's diagram has a slide of its own, before the section's steps, with every box on screen", async ({ page }) => {
    await openTalk(page);
    const step = page.locator('section.slide[data-slide="hunan-1"]');
    const diagram = page.locator('section.slide[data-slide="hunan-intro-diagram"]');
    const n = Number((await step.getAttribute('id'))!.replace('slide-', ''));
    expect(await diagram.getAttribute('id')).toBe(`slide-${n - 1}`);
    await expect(step.locator('.diagram')).toHaveCount(0);
    await page.evaluate((n) => (location.hash = `#slide-${n}`), n - 1);
    await expectSlide(page, n - 1);
    await expect(diagram.locator('h2')).toHaveText('How a “mobile port” relays a call');
    const boxes = diagram.locator('.relay-node');
    await expect(boxes).toHaveText(['Scammer abroad', 'Phone 1', 'Phone 2', 'Victim']);
    for (const box of await boxes.all()) await expect(box).toBeInViewport({ ratio: 1 });
  });
});

test.describe('controls', () => {
  // Every control on screen: language links, the reading toolbar and the slide controls.
  const controlBoxes = (page: Page) =>
    page.locator('.languages :is(a, [aria-current]), .reading-tools button, .controls :is(button, .counter)').evaluateAll((els) =>
      els
        .filter((el) => el.checkVisibility({ visibilityProperty: true }))
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            name: el.textContent!.trim() || el.getAttribute('aria-label')!,
            control: !el.classList.contains('counter'),
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
          };
        }),
    );

  /** Chooses the "Largest" text size on the story, as a reader might before opening the talk. */
  async function chooseLargest(page: Page, prefix: string) {
    await page.goto(prefix || './');
    await page.locator('.reading-tools [data-size="largest"]').click();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
  }

  for (const { prefix } of EDITIONS) {
    test(`on /${prefix}talk/ every control is on screen and clear of the others, at every screen size, also after "Largest" was chosen on the story`, async ({
      page,
    }) => {
      test.slow();
      for (const largest of [false, true]) {
        if (largest) await chooseLargest(page, prefix);
        await openTalk(page, `${prefix}${TALK}#slide-3`);
        await expect(page.locator('.reading-tools')).toBeVisible();
        for (const viewport of [
          { width: 1024, height: 768 },
          { width: 1920, height: 1080 },
          { width: 375, height: 740 },
        ]) {
          await page.setViewportSize(viewport);
          const where = `${viewport.width}x${viewport.height}${largest ? ', Largest chosen on the story' : ''}`;
          const boxes = await controlBoxes(page);
          // Language links, Listen, back, counter, next (and on a computer notes and full screen).
          expect(boxes.length, where).toBeGreaterThanOrEqual(viewport.width < 640 ? 7 : 9);
          for (const b of boxes)
            expect(b.left >= 0 && b.top >= 0 && b.right <= viewport.width && b.bottom <= viewport.height, `${b.name} is cut off at ${where}`).toBe(true);
          // A finger's target (WCAG 2.5.8): at least 24 CSS px each way.
          for (const b of boxes.filter((x) => x.control))
            expect(Math.min(b.right - b.left, b.bottom - b.top), `${b.name} is too small to tap at ${where}`).toBeGreaterThanOrEqual(24);
          for (const [i, a] of boxes.entries())
            for (const b of boxes.slice(i + 1)) {
              const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
              expect(apart, `"${a.name}" overlaps "${b.name}" at ${where}`).toBe(true);
            }
        }
      }
    });
  }

  test('the talk keeps its own type size whatever text size the reader chose on the story', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await openTalk(page);
    const normal = await rootSize();
    await chooseLargest(page, '');
    await openTalk(page);
    expect(await rootSize()).toBe(normal);
  });

  /** Whether the bar of controls can be seen: in the page and not faded out. */
  const barShown = (page: Page) => page.locator('.talk > .bar').evaluate((bar) => bar.checkVisibility({ opacityProperty: true }));

  test('the controls step aside after a few seconds without input, and come back on a pointer movement, a key or focus', async ({ page }) => {
    // The fade is a CSS transition, which a paused clock would hold half-way: without motion it is instant.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.install();
    await openTalk(page);
    // The clock runs while the deck opens (a slow machine may take the bar's few seconds): input shows the bar.
    await page.mouse.move(100, 100);
    await expect.poll(() => barShown(page)).toBe(true);
    await page.clock.runFor(5_000);
    await expect.poll(() => barShown(page)).toBe(false);
    await page.mouse.move(200, 200);
    await expect.poll(() => barShown(page)).toBe(true);
    await page.clock.runFor(5_000);
    await expect.poll(() => barShown(page)).toBe(false);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    await expect.poll(() => barShown(page)).toBe(true);
    // A keyboard or screen reader user inside the bar keeps it.
    await page.getByRole('button', { name: 'Next slide' }).focus();
    await page.clock.runFor(10_000);
    expect(await barShown(page)).toBe(true);
    await page.getByRole('button', { name: 'Next slide' }).blur();
    await page.clock.runFor(5_000);
    await expect.poll(() => barShown(page)).toBe(false);
    // Hidden, it is still in the page: Tab reaches it, and it shows.
    await page.getByRole('button', { name: 'Next slide' }).focus();
    expect(await barShown(page)).toBe(true);
  });
  /** What of slide n (its words and its chart's drawings and labels) a shown control covers, by its box. */
  const covered = (page: Page, n: number) =>
    page.evaluate((n) => {
      const seen = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const controls = [...document.querySelectorAll('.talk > .bar :is(a, button, .counter, [aria-current])')]
        .filter(seen)
        .map((el) => el.getBoundingClientRect());
      const slide = document.getElementById(`slide-${n}`)!;
      const content = [...slide.querySelectorAll(':is(h1, h2, p, li, dt, dd, svg, svg text, figure.diagram, .relay-node)')].filter(
        (el) => seen(el) && !el.closest('.slide-notes, .visually-hidden, .chart-title, .chart-subtitle'),
      );
      const hits: string[] = [];
      for (const el of content) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        for (const c of controls)
          if (r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom)
            hits.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
      }
      return [...new Set(hits)];
    }, n);

  for (const { prefix } of EDITIONS) {
    test(`on /${prefix}talk/ nothing on any slide is under a shown control, with the bar shown or stepped aside, also after "Largest" was chosen on the story`, async ({
      page,
    }) => {
      test.slow();
      // The fade is a CSS transition, which a paused clock would hold half-way: without motion it is instant.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.clock.install();
      for (const largest of [false, true]) {
        if (largest) await chooseLargest(page, prefix);
        await openTalk(page, `${prefix}${TALK}`);
        const count = await slideCount(page);
        for (const viewport of [
          { width: 1024, height: 768 },
          { width: 1920, height: 1080 },
        ]) {
          await page.setViewportSize(viewport);
          for (let n = 1; n <= count; n++) {
            const where = `slide ${n} at ${viewport.width}x${viewport.height}${largest ? ', Largest chosen on the story' : ''}`;
            await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
            await expectSlide(page, n);
            await page.mouse.move(10 + n, 10 + (largest ? 1 : 0));
            await expect.poll(() => barShown(page)).toBe(true);
            expect(await covered(page, n), `${where}, the bar shown`).toEqual([]);
            await page.clock.runFor(5_000);
            await expect.poll(() => barShown(page)).toBe(false);
            expect(await covered(page, n), `${where}, the bar stepped aside`).toEqual([]);
          }
        }
      }
    });
  }
});

test.describe('a deck without filler', () => {
  /** What slide n shows: its shown words, and its drawings' shown marks and labels. */
  const shows = (page: Page, n: number) =>
    page.locator(`#slide-${n}`).evaluate((slide) => {
      const shown = (el: Element) =>
        el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !el.closest('.slide-notes, .visually-hidden, .chart-title, .chart-subtitle');
      const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
      const words: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (node.textContent!.trim() && shown(node.parentElement!)) words.push(node.textContent!.trim());
      const marks = [...slide.querySelectorAll('svg :is(rect, circle, path, line)')].filter(shown).length;
      return { words: words.join(' ').replace(/\s+/g, ' '), marks };
    });

  for (const { prefix } of EDITIONS) {
    test(`/${prefix}talk/ has no empty slide, no slide that repeats the one before, and no "n of m" in its headings`, async ({ page }) => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await openTalk(page, `${prefix}${TALK}`);
      const count = await slideCount(page);
      let before: Awaited<ReturnType<typeof shows>> | null = null;
      for (let n = 1; n <= count; n++) {
        await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
        await expectSlide(page, n);
        // What the slide shows once it has faded in (its first frame shows nothing).
        await settleAnimations(page);
        const now = await shows(page, n);
        expect(now.words.length, `slide ${n} shows no words`).toBeGreaterThan(10);
        expect(now, `slide ${n} repeats slide ${n - 1}`).not.toEqual(before);
        // A chart's slide that showed no more than the one before would repeat it in all but its words.
        if (before && now.marks > 0) expect(now.marks === before.marks && now.words === before.words, `slide ${n} repeats slide ${n - 1}`).toBe(false);
        before = now;
      }
      const headings = await page.locator('section.slide :is(h1, h2)').allTextContents();
      for (const h of headings) expect(h).not.toMatch(/\d+\s*(of|sur)\s*\d+|\d+\s*[／/]\s*\d+|（\d+/);
    });
  }

  for (const { prefix } of EDITIONS) {
    test(`/${prefix}talk/ labels a case's events in date order, top down, and writes every value of a national slide in one number style`, async ({ page }) => {
      await openTalk(page, `${prefix}${TALK}`);
      for (const { n, id } of (await chartSlides(page)).filter((s) => s.id.startsWith('timeline'))) {
        await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
        await expectSlide(page, n);
        const seen = await page.locator(`#slide-${n} .graphic svg`).evaluate((svg) => ({
          // Each event's label box, in the order of its mark along the time axis (the order of its date).
          events: [...svg.querySelectorAll('g.event')]
            .map((g) => ({
              x: g.querySelector('rect')!.getBoundingClientRect().left,
              box: g.querySelector('text')!.getBoundingClientRect().toJSON() as DOMRect,
            }))
            .sort((a, b) => a.x - b.x)
            .map((e) => e.box),
          values: [...svg.querySelectorAll('.values text:not(.note)')].map((t) => t.textContent!.trim()),
        }));
        // A later event's label never sits above an earlier one's that shares its columns.
        for (const [i, a] of seen.events.entries())
          for (const b of seen.events.slice(i + 1))
            if (a.left < b.right && b.left < a.right) expect(b.top, `slide ${n} (${id}): labels out of date order`).toBeGreaterThan(a.top);
        // Either every value of five digits or more is compact (13.7k, 1.37万) or none is: no 13673 beside 14.7万.
        const long = seen.values.filter((v) => /\d{5,}|\d[\s\u202f,.]\d{3}(?!\d)/.test(v) && !/[k万]/.test(v));
        expect(long, `slide ${n} (${id}): ${seen.values.join(' | ')}`).toEqual([]);
      }
    });
  }
});

test.describe('starting late', () => {
  // The bottom bar holds the reading toolbar from the first paint and the slide controls from the
  // island's start: they must not grow the bar (and move the toolbar up) when the island runs late, as on
  // a slow phone. The scripts are held back until the page is laid out, then let go.
  const boxes = (page: Page) =>
    page.locator('.talk > .bar, .reading-tools, .languages-bar, #slide-1 h1').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { el: el.className || el.tagName, top: Math.round(r.top), left: Math.round(r.left), height: Math.round(r.height) };
      }),
    );

  for (const { prefix } of EDITIONS) {
    test(`/${prefix}talk/ moves nothing on the first slide when its island starts`, async ({ page }) => {
      await page.setViewportSize({ width: 412, height: 823 });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_astro/*.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${prefix}${TALK}`, { waitUntil: 'commit' });
      await expect(page.locator('.talk > .bar')).toBeAttached();
      await expect(page.locator('#slide-1 h1')).toBeVisible();
      const before = await boxes(page);
      expect(await page.locator('.talk.live').count()).toBe(0);
      release();
      await expect(page.locator('.talk.live')).toHaveCount(1);
      await expect(page.locator('.reading-tools[data-ready]')).toHaveCount(1);
      expect(await boxes(page)).toEqual(before);
    });
  }
});

test.describe('speaker notes', () => {
  test('S opens the notes view, which follows the slides and can drive them', async ({ page }) => {
    await openTalk(page);
    const notesOf = (n: number) => page.locator(`#slide-${n} .slide-notes`).evaluate((el) => el.textContent!.replace(/\s+/g, ' ').trim());
    const [notes] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await expect(notes).toHaveURL(/\?notes#slide-1$/);
    await expect(notes.locator('.talk.live.notes-view')).toHaveCount(1);
    await expect(notes.locator('#slide-1 .slide-notes')).toBeVisible();
    await expect(notes.locator('#slide-1 .slide-notes')).toContainText((await notesOf(1)).slice(-40));
    // The slide itself does not show in the notes view: only its heading and notes.
    await expect(notes.locator('#slide-1 .key-figures')).toBeHidden();
    const title2 = await page.locator('#slide-2 h2').textContent();
    await expect(notes.locator('.next-up')).toContainText(title2!.trim());

    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 3);
    await expect(notes.locator('#slide-3 .slide-notes')).toBeVisible();
    await expect(notes.locator('#slide-3 .slide-notes')).toContainText((await notesOf(3)).slice(-40));
    await expect(notes.locator('.counter [aria-hidden="true"]')).toHaveText(`3 / ${await slideCount(page)}`);

    // The presenter can move on from the notes window as well.
    await notes.bringToFront();
    await notes.keyboard.press('PageDown');
    await expect(notes.locator('#slide-4 .slide-notes')).toBeVisible();
    await expectSlide(page, 4);
  });

  test('a notes window opened later starts on the current slide', async ({ page }) => {
    await openTalk(page, `${TALK}#slide-7`);
    const [notes] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: /Notes/ }).click()]);
    await expect(notes.locator('#slide-7 .slide-notes')).toBeVisible();
  });

  test('when no window can open, the notes show in the page', async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await openTalk(page);
    await page.keyboard.press('s');
    await expect(page.locator('#slide-1 .slide-notes')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#slide-2 .slide-notes')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#slide-2 .slide-notes')).toBeHidden();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every slide is a section, one after the other, with its chart drawn', async ({ page }) => {
    await page.goto(TALK);
    const slides = page.locator('section.slide');
    const count = await slides.count();
    expect(count).toBeGreaterThanOrEqual(15);
    // Slide controls that would do nothing are not shown.
    await expect(page.locator('.talk .controls')).toBeHidden();
    for (let n = 1; n <= count; n++) await expect(page.locator(`#slide-${n}`)).toBeVisible();
    await expect(page.locator('#talk-resale-flow-3 svg').first()).toBeVisible();
    await expect(page.locator('#talk-network-map-5 svg').first()).toBeVisible();
    await expect(page.locator('#talk-timeline svg').first()).toBeVisible();
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);
    // Each slide is below the one before it.
    const tops = await slides.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });
});

test('printed, the deck is the script: every slide with its notes, without the controls', async ({ page }) => {
  await openTalk(page, `${TALK}#slide-4`);
  await page.emulateMedia({ media: 'print' });
  const count = await slideCount(page);
  await expect(page.locator('section.slide:visible')).toHaveCount(count);
  await expect(page.locator('.slide-notes:visible')).toHaveCount(count);
  await expect(page.locator('.controls')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(count);
});

test.describe('axe', () => {
  for (const prefix of ['zh/', 'fr/']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`/${prefix}talk/ has no WCAG 2.1 A/AA violations (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await openTalk(page, `${prefix}${TALK}`);
        expect(await axeViolations(page)).toEqual([]);
        await page.keyboard.press('ArrowRight');
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    test(`/${prefix}talk/ notes view has no WCAG 2.1 A/AA violations`, async ({ page }) => {
      await openTalk(page, `${prefix}${TALK}?notes#slide-2`);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
