import { ARTBOARDS } from '~/charts/shared/artboards';
import type { Frame, Page } from '@playwright/test';
import { hostURL } from '../../playwright.config';
import { CHART_IDS } from '~/charts/registry';
import { edition } from '~/edition/edition';
import { FRAME_STYLE, embedPath } from '~/site/embed';
import { axeViolations, expect, nextFrames, test, waitForIslands } from './helpers';

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
    await expect
      .poll(
        async () => {
          const h = await heights(page, id);
          return Math.abs(h.content - h.outer);
        },
        { message: `iframe #${id} should match its content's height` },
      )
      .toBeLessThanOrEqual(2);
  }
}

/** The chart has been laid out for the width it has (not kept from an earlier, narrower or wider, width). */
async function laidOutForItsWidth(frame: Frame) {
  return frame.evaluate((artboards) => {
    const figure = document.querySelector('figure')!;
    // The map scales its fixed geometry.
    if (figure.id === 'network-map') return true;
    // A chart with artboards shows one by its container's width (ARTBOARDS): the last of those it draws whose
    // room starts at or below that width (a chart with no narrow artboard shows its phone one there).
    const boards = [...figure.querySelectorAll<SVGSVGElement>('svg.artboard')];
    if (boards.length > 0) {
      const room = boards[0]!.parentElement!.getBoundingClientRect().width;
      const drawn = artboards.filter((a) => boards.some((b) => b.classList.contains(a.name)));
      const expected = (drawn.findLast((a) => a.from * 16 <= room) ?? drawn[0]!).name;
      const shown = boards.filter((b) => b.getClientRects().length > 0);
      // As wide as its room, or as its max-width when it has one (the timeline's phone artboard).
      const cap = parseFloat(getComputedStyle(shown[0] ?? boards[0]!).maxWidth) || Infinity;
      return shown.length === 1 && shown[0]!.classList.contains(expected) && Math.abs(shown[0]!.getBoundingClientRect().width - Math.min(room, cap)) <= 2;
    }
    // The other charts lay themselves out at the width they are given.
    const svg = figure.querySelector<SVGSVGElement>('svg')!;
    return Math.abs(svg.getBoundingClientRect().width - svg.viewBox.baseVal.width) <= 2;
  }, ARTBOARDS);
}

/** Every embed page: each chart whole, then its parts, with the height its iframe has without a script. */
const EMBEDS = edition('en').charts.flatMap((c) =>
  c.embeds.map(({ part, height }) => ({ chart: c.id, name: part ? `${c.id}/${part.name}` : c.id, path: embedPath(c.id, part?.name), height })),
);
/** The host page's iframes (tests/e2e/fixtures/host.html). */
const FRAMES = ['flow', 'map', 'timeline'];
/** From one width through the others (narrow to wide and wide to narrow), and back. */
const journey = (width: number) => [width, ...[320, 1280, 768].filter((w) => w !== width), width];

test.describe('auto-height on a host page with hostile CSS', () => {
  // A reporter's page as a CMS leaves it: with or without our attribute, /embed.js before, after or twice.
  const hosts = [
    { width: 320, query: '?attr=0&script=before', what: 'no data attribute, /embed.js before the iframes' },
    { width: 768, query: '?attr=0&script=twice', what: 'no data attribute, /embed.js loaded twice' },
    { width: 1280, query: '', what: 'data attribute, /embed.js after the iframes' },
  ];
  for (const { width, query, what } of hosts) {
    test(`every iframe takes its content's height from ${width}px, narrower and wider (${what})`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const sizes = new Set<number>();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${hostURL}host.html${query}`);
      for (const w of journey(width)) {
        await page.setViewportSize({ width: w, height: 900 });
        await expectFitted(page, FRAMES);
        for (const id of FRAMES) {
          const frame = (await (await page.locator(`iframe#${id}`).elementHandle())!.contentFrame())!;
          await expect.poll(() => laidOutForItsWidth(frame), { message: `#${id} re-lays out at ${w}px` }).toBe(true);
        }
        sizes.add((await heights(page, 'flow')).outer);
      }
      // The frames grew and shrank with their content.
      expect(sizes.size).toBeGreaterThan(1);
      // The frames that are not ours keep the host's CSS height, whatever they post.
      for (const rogue of ['rogue', 'rogue-origin']) await expect.poll(() => page.locator(`iframe#${rogue}`).evaluate((el) => el.style.height)).toBe('');
      expect(errors).toEqual([]);
    });
  }

  test('malformed messages are ignored without errors', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${hostURL}host.html?attr=0`);
    await expectFitted(page, ['flow']);
    const before = await heights(page, 'flow');
    await page.evaluate(() => {
      const junk: unknown[] = [
        null,
        'sold-numbers:height',
        42,
        { type: 'sold-numbers:height' },
        { type: 'sold-numbers:height', chart: 'timeline', height: 'tall' },
        { type: 'sold-numbers:height', chart: 'timeline', height: Number.NaN },
        { type: 'sold-numbers:height', chart: 'timeline', height: -5 },
        { type: 'sold-numbers:height', chart: 'timeline', height: 1e9 },
        { type: 'sold-numbers:height', chart: '<script>', height: 100 },
        'pymxPYMxflowxPYMxheightxPYMx5',
        // Well-formed, but from the host page itself rather than from an iframe of ours.
        { type: 'sold-numbers:height', chart: 'resale-flow', height: 321 },
      ];
      for (const message of junk) window.postMessage(message, '*');
    });
    // Messages are delivered in order: once a last one of our own arrives, embed.js has had every one before it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const last = 'sold-numbers:test-done';
          addEventListener('message', function done(e) {
            if (e.data !== last) return;
            removeEventListener('message', done);
            resolve();
          });
          postMessage(last, '*');
        }),
    );
    await nextFrames(page);
    expect((await heights(page, 'flow')).outer).toBe(before.outer);
    expect(errors).toEqual([]);
  });
});

test.describe('a CMS using pym.js resizes our iframe with no script of ours', () => {
  for (const [chart, width] of CHART_IDS.map((chart, i) => [chart, [320, 768, 1280][i % 3]!] as const)) {
    test(`${chart} from ${width}px, narrower and wider`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${hostURL}pym.html?chart=${chart}`);
      const iframe = page.locator('#pym-container iframe');
      await expect(iframe).toHaveCount(1);
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      for (const w of journey(width)) {
        await page.setViewportSize({ width: w, height: 900 });
        await expect.poll(() => laidOutForItsWidth(frame), { message: `re-lays out at ${w}px` }).toBe(true);
        // pym.js writes the height attribute as "709px".
        await expect
          .poll(
            async () => {
              const outer = await iframe.evaluate((el) => parseFloat(el.getAttribute('height') ?? ''));
              const inner = await frame.evaluate(() => Math.ceil(document.querySelector('[data-embed]')!.getBoundingClientRect().height));
              return Math.abs(outer - inner);
            },
            { message: `frame height follows the content at ${w}px` },
          )
          .toBeLessThanOrEqual(2);
      }
    });
  }
});

test.describe('embed pages', () => {
  for (const { chart, name, path, height } of EMBEDS) {
    test(`${name}: no site chrome, noindex, canonical to the story anchor, oEmbed, no axe violations`, async ({ page, request }) => {
      await page.goto(path);
      await expect(page.locator(`figure#${chart} svg:visible`).first()).toBeVisible();
      await expect(page.locator('nav.languages, .skip-link')).toHaveCount(0);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(new RegExp(`/#${chart}$`));
      await expect(page.locator('a[target="_top"]')).toHaveAttribute('href', new RegExp(`#${chart}$`));
      const oembedHref = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
      const oembed = await (await request.get(new URL(oembedHref!).pathname)).json();
      expect(oembed).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'Sold Numbers' });
      expect(oembed.html).toContain(`/${path}"`);
      expect(oembed.html).toContain(`height="${height}"`);
      expect(oembed.html).toMatch(/^<iframe [^>]*><\/iframe>$/);
      for (const key of ['title', 'provider_url', 'thumbnail_url']) expect(typeof oembed[key]).toBe('string');
      for (const key of ['width', 'height', 'thumbnail_width', 'thumbnail_height']) expect(Number.isInteger(oembed[key])).toBe(true);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('on a reader in dark mode, an embed is light unless ?theme=dark or ?theme=auto asks otherwise', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    // Mean of the page background's RGB channels: light is near 255, dark near 0.
    const lightness = () =>
      page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.body)
          .backgroundColor.match(/[\d.]+/g)!
          .map(Number);
        return (r! + g! + b!) / 3;
      });
    for (const [query, light] of [
      ['', true],
      ['?theme=light', true],
      ['?theme=nonsense', true],
      ['?theme=dark', false],
      ['?theme=auto', false],
    ] as const) {
      await page.goto(`embed/timeline/${query}`);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      expect((await lightness()) > 128, `embed/timeline/${query} should be ${light ? 'light' : 'dark'}`).toBe(light);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('embed/timeline/?theme=auto');
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    expect(await lightness()).toBeGreaterThan(128);
  });

  test('?theme=dark and ?step=N pin the look and the scroll step', async ({ page }) => {
    await page.goto('embed/network-map/?theme=dark&step=2');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('figure#network-map')).toHaveAttribute('data-step', '1');
    await page.goto('embed/resale-flow/?step=99');
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.locator('figure#resale-flow')).toHaveAttribute('data-step', 'all');
  });

  for (const { name, path } of EMBEDS.filter((e) => e.name.includes('/'))) {
    test(`${name}: a part alone keeps one Tab stop on a mark it draws, and the arrows move between its marks, on the phone's and the desktop's artboard`, async ({
      page,
    }) => {
      for (const width of [360, 1000]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await waitForIslands(page);
        const shown = page.locator('[data-mark]').filter({ visible: true });
        const stops = shown.and(page.locator('[tabindex="0"]'));
        await expect(stops, `${name} at ${width}px`).toHaveCount(1);
        await stops.focus();
        const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.mark);
        if ((await shown.count()) > 1) {
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.mark)).not.toBe(first);
          expect(await page.evaluate(() => document.activeElement!.getClientRects().length > 0)).toBe(true);
        }
      }
    });
  }

  for (const embed of EMBEDS) {
    test(`${embed.name}: a plain iframe with no script clips nothing at 320 px or at a 600-700 px column, and stays in its column under hostile CSS`, async ({
      page,
      baseURL,
    }) => {
      await page.goto(`${hostURL}`);
      for (const width of [320, 680]) {
        await page.setViewportSize({ width, height: 900 });
        // As a CMS that strips the script leaves our code, on a host whose CSS fights the frame's box.
        await page.setContent(
          `<style>*{box-sizing:content-box}iframe{padding:11px;border:2px inset;margin:0 5px}</style><div><iframe src="${baseURL}${embed.path}" title="t" width="100%" height="${embed.height}" style="${FRAME_STYLE}"></iframe></div>`,
        );
        const iframe = page.locator('iframe');
        const frame = (await (await iframe.elementHandle())!.contentFrame())!;
        await expect(frame.locator('astro-island[ssr]')).toHaveCount(0);
        expect(await iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(embed.height);
        // The frame stays in its column.
        const [frameBox, column] = await iframe.evaluate((el) => [el.getBoundingClientRect().toJSON(), el.parentElement!.getBoundingClientRect().toJSON()]);
        expect(frameBox.left, `${embed.name} at ${width}px: the frame's left`).toBeGreaterThanOrEqual(column.left);
        expect(frameBox.right, `${embed.name} at ${width}px: the frame's right`).toBeLessThanOrEqual(column.right);
        // Nothing scrolls inside the frame: the whole embed fits its default height.
        expect(await frame.evaluate(() => document.documentElement.scrollHeight), `${embed.name} at ${width}px`).toBeLessThanOrEqual(embed.height);
      }
    });
  }

  for (const locale of ['', 'zh/', 'fr/']) {
    test(`${locale || 'en/'}: the default heights fit each embed at any width from 320 to 1280 px, and nothing leaves the chart at 320 px`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      for (const embed of EMBEDS) {
        // Around each artboard's breakpoint (520 and 840 px of room), where a chart is tallest, and the widths between.
        for (const width of [320, 360, 500, 540, 600, 700, 900, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${locale}${embed.path}`);
          await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
          const { height, outside } = await page.evaluate(() => {
            const right = document.documentElement.clientWidth;
            const outside = [...document.querySelectorAll('figure svg text')]
              .filter((t) => (t as SVGGraphicsElement).getBoundingClientRect().width > 0)
              .filter((t) => t.getBoundingClientRect().left < -0.5 || t.getBoundingClientRect().right > right + 0.5)
              .map((t) => t.textContent);
            return { height: Math.ceil(document.querySelector('[data-embed]')!.getBoundingClientRect().bottom), outside };
          });
          expect(outside, `${embed.name} at ${width}px: labels cut off`).toEqual([]);
          expect(height, `${embed.name} at ${width}px`).toBeLessThanOrEqual(embed.height);
        }
      }
    });
  }
});

test.describe('label in name (WCAG 2.5.3)', () => {
  // axe's label-content-name-mismatch is experimental, so it is off unless asked for by name.
  for (const path of ['', 'zh/', 'fr/', 'embed/resale-flow/', 'zh/embed/network-map/', 'fr/embed/timeline/']) {
    for (const width of [375, 1280]) {
      test(`every control's name holds its visible text: /${path} at ${width}px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await waitForIslands(page);
        const violations = await axeViolations(page, (b) =>
          b.withRules(['label-content-name-mismatch']).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }),
        );
        expect(violations, violations.join('\n')).toEqual([]);
      });
    }
  }
});
