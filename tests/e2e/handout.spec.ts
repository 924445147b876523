import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { TEST_SITE } from '../../scripts/lib/site.mjs';
import { axeViolations, EDITIONS, expect, pdfPageCount, test, waitForIslands } from './helpers';

const HANDOUT = 'handout/';

/** The public origin the build was made for (scripts/test-browser.mjs builds with TEST_SITE). */
const SITE = process.env.SITE || TEST_SITE;
/** A size in CSS px as printed points, to a tenth (13pt computes as 17.33333 px). */
const points = (px: number) => Math.round(((px * 72) / 96) * 10) / 10;

test.describe('handout', () => {
  for (const { prefix, lang } of EDITIONS) {
    test(`/${prefix}handout/ puts the advice first, then the numbers to call, the cases, the story's address and numbered sources`, async ({ page }) => {
      const response = await page.goto(`${prefix}${HANDOUT}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toMatch(lang);
      await expect(page.locator('h1')).toHaveCount(1);
      const order = await page.locator('main.sheet > *').evaluateAll((els) => els.map((el) => el.className.split(' ')[0] || el.tagName.toLowerCase()));
      expect(order).toEqual(['h1', 'advice', 'hotlines', 'cases', 'footer']);
      expect(await page.locator('.advice li').count()).toBeGreaterThanOrEqual(5);
      // Each number to call says what it is for.
      const hotlines = await page.locator('.hotlines li').evaluateAll((items) =>
        items.map((li) => ({
          number: li.querySelector('strong')!.textContent!.trim(),
          rest: li.textContent!.replace(li.querySelector('strong')!.textContent!, '').trim(),
        })),
      );
      expect(hotlines.map((h) => h.number)).toEqual(['110', '96110', '12381']);
      for (const h of hotlines) expect(h.rest.length, h.number).toBeGreaterThan(10);
      // Citations are numbers into the numbered list, which holds every source cited and no other.
      const sources = await page.locator('#sources li').evaluateAll((items) => items.map((li) => li.id));
      expect(sources.length).toBeGreaterThan(3);
      const cites = await page.locator('a.cite').evaluateAll((links) => links.map((a) => ({ id: a.getAttribute('href')!.slice(1), text: a.textContent })));
      for (const { id, text } of cites) expect(text, id).toBe(String(sources.indexOf(id) + 1));
      expect(new Set(cites.map((c) => c.id)).size).toBe(sources.length);
      // The story of the same edition (one folder up), printed short enough to type.
      const story = new URL('../', page.url());
      await expect(page.locator('.address-card a')).toHaveAttribute('href', story.pathname);
      await expect(page.locator('.address-card a')).toHaveText(`${new URL(SITE).host}${story.pathname}`.replace(/\/$/, ''));
    });

    test(`/${prefix}handout/ on paper: body text at least 14 pt (15 pt in Chinese), the numbers to call at least 20 pt`, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${prefix}${HANDOUT}`);
      const size = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
      const body = [...(await size('.advice li')), ...(await size('.hotlines li')), ...(await size('.cases p'))];
      expect(body.length).toBeGreaterThan(8);
      for (const px of body) expect(points(px)).toBeGreaterThanOrEqual(prefix === 'zh/' ? 15 : 14);
      const numbers = await size('.hotlines li > strong:first-child');
      expect(numbers).toHaveLength(3);
      for (const px of numbers) expect(points(px)).toBeGreaterThanOrEqual(20);
    });

    test(`/${prefix}handout/ has a QR code that a phone reads as the address of the edition's story`, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${prefix}${HANDOUT}`);
      const qr = page.locator('svg.qr');
      await expect(qr).toHaveAttribute('role', 'img');
      const png = PNG.sync.read(await qr.screenshot());
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code?.data).toBe(new URL(new URL('../', page.url()).pathname, SITE).href);
    });

    test(`/${prefix}handout/ on paper: the story's address, the provenance and the sources keep apart`, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${prefix}${HANDOUT}`);
      const boxes = await page.locator('footer').evaluate((footer) =>
        [...footer.querySelectorAll('.address-card > *, .provenance, .short-sources h2, .short-sources li')].map((el) => {
          // The boxes of the words themselves, line by line, not of the element (a grid cell may be wider than its words).
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = el.tagName === 'svg' ? [el.getBoundingClientRect()] : [...range.getClientRects()];
          return {
            name: el.textContent!.trim().slice(0, 24) || el.tagName,
            rects: rects.map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
          };
        }),
      );
      expect(boxes.length).toBeGreaterThan(4);
      type Box = (typeof boxes)[number]['rects'][number];
      const meet = (a: Box, b: Box) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      const overlaps = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => a.rects.some((r) => b.rects.some((q) => meet(r, q))))
          .map((b) => `${a.name} / ${b.name}`),
      );
      expect(overlaps).toEqual([]);
    });

    for (const format of ['A4', 'Letter'] as const) {
      test(`/${prefix}handout/ prints on exactly one ${format} page`, async ({ page }) => {
        await page.goto(`${prefix}${HANDOUT}`);
        const pdf = await page.pdf({ format });
        expect(pdfPageCount(pdf)).toBe(1);
      });
    }

    test(`/${prefix}handout/ says on paper where it came from: the publication, the story's date and its address`, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${prefix}${HANDOUT}`);
      const provenance = page.locator('.provenance');
      await expect(provenance).toBeVisible();
      // The same publication and date (or, before publication, the same "not yet published") the story shows at its top.
      const story = await page.context().newPage();
      await story.goto(new URL('../', page.url()).href);
      const name = (await story.locator('meta[property="og:site_name"]').getAttribute('content'))!;
      const dateline = story.locator('.dateline');
      const published = (
        (await dateline.locator('time').count()) ? await dateline.locator('time').first().textContent() : await dateline.textContent()
      )!.trim();
      await expect(provenance).toContainText(name);
      await expect(provenance).toContainText(published);
      await expect(provenance).toContainText(`${new URL(SITE).host}${new URL('../', page.url()).pathname}`.replace(/\/$/, ''));
      await story.close();
    });

    test(`/${prefix}handout/ never starts a line with a citation number alone`, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${prefix}${HANDOUT}`);
      // Each citation sits on the line of the word before it: its box starts where a word's ends, never at the column's left edge.
      const alone = await page.locator('.sheet a.cite').evaluateAll((links) =>
        links.flatMap((a) => {
          const block = a.closest('li, p')!;
          const range = document.createRange();
          range.setStart(block, 0);
          range.setEndBefore(a);
          const before = [...range.getClientRects()].filter((r) => r.width > 0).at(-1);
          const box = a.getBoundingClientRect();
          const sameLine = before && before.top < box.bottom && box.top < before.bottom && before.right <= box.left + 1;
          return sameLine ? [] : [`${a.textContent} after "${range.toString().slice(-20)}"`];
        }),
      );
      expect(alone).toEqual([]);
    });
  }

  test('on screen it looks like a sheet of paper, with a print button and the language switcher', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(HANDOUT);
    const sheet = page.locator('main.sheet');
    const box = (await sheet.boundingBox())!;
    expect(Math.round(box.width)).toBe(794); // 210 mm at 96 px per inch
    expect(await sheet.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
    await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible();
    await page.locator('.languages a[hreflang^="zh"]').click();
    await expect(page).toHaveURL(/\/zh\/handout\/$/);
  });

  test('on paper the toolbar goes and the text is black on white', async ({ page }) => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.goto(HANDOUT);
    await expect(page.locator('.toolbar')).toBeHidden();
    const colours = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.querySelector('main')!).backgroundColor]);
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  });
});

test.describe('printing the story', () => {
  test('charts are static and complete, steps are plain text, screen-only controls go, and a PDF comes out', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('./');
    await waitForIslands(page);
    // A reader had scrolled to the third Shanghai step: paper shows the whole chain anyway.
    await page.locator('#shanghai .step[data-step="2"]').evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await expect(page.locator('#resale-flow')).toHaveAttribute('data-step', '2');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#resale-flow')).toHaveAttribute('data-step', 'all');
    await expect(page.locator('#network-map')).toHaveAttribute('data-step', 'all');

    const sticky = await page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((el) => getComputedStyle(el).position === 'sticky').map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(sticky).toEqual([]);
    const step = await page
      .locator('#shanghai .step')
      .first()
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.borderTopStyle, s.boxShadow, s.backgroundColor];
      });
    expect(step).toEqual(['none', 'none', 'rgba(0, 0, 0, 0)']);
    // The graphic comes before its steps.
    const order = await page.locator('#shanghai').evaluate((section) => {
      const graphic = section.querySelector('.graphic')!.getBoundingClientRect().top;
      const step = section.querySelector('.step')!.getBoundingClientRect().top;
      return graphic < step;
    });
    expect(order).toBe(true);
    await expect(page.locator('.languages').first()).toBeHidden();
    await expect(page.locator('.skip-link')).toBeHidden();
    await expect(page.locator('.no-print').first()).toBeHidden();
    await expect(page.locator('.print-url').first()).toBeVisible();
    await expect(page.locator('#resale-flow details')).not.toHaveAttribute('open', /.*/);

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
  });
});

test.describe('axe', () => {
  for (const prefix of ['zh/', 'fr/']) {
    test(`/${prefix}handout/ has no WCAG 2.1 A/AA violations`, async ({ page }) => {
      await page.goto(`${prefix}${HANDOUT}`);
      expect(await axeViolations(page)).toEqual([]);
    });

    test(`/${prefix} (the story) has no WCAG 2.1 A/AA violations`, async ({ page }) => {
      await page.goto(prefix || './');
      await waitForIslands(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
