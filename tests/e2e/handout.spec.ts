import { axeViolations, expect, test, waitForIslands } from './helpers';

// Paths are relative so they resolve under BASE. English at the root, other editions in folders.
const EDITIONS = [
  { prefix: '', lang: /^en/ },
  { prefix: 'zh/', lang: /^zh/ },
  { prefix: 'fr/', lang: /^fr/ },
];
const HANDOUT = 'handout/';

/** Pages in a PDF: its /Type /Page objects (not the /Type /Pages tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test.describe('handout', () => {
  for (const { prefix, lang } of EDITIONS) {
    test(`/${prefix}handout/ has the key facts, the advice, the sources and the address of the story`, async ({ page }) => {
      const response = await page.goto(`${prefix}${HANDOUT}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toMatch(lang);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('.key-figure')).toHaveCount(4);
      expect(await page.locator('.advice li').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('#sources li').count()).toBeGreaterThan(3);
      // Every citation on the sheet points to an entry of its source list.
      const targets = await page.locator('a.cite').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
      for (const id of new Set(targets)) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
      // The story of the same edition: one folder up from the handout.
      const story = new URL('../', page.url());
      await expect(page.locator('.more a')).toHaveAttribute('href', story.pathname);
      await expect(page.locator('.more a')).toHaveText(new RegExp(`^https?://[^/]+${story.pathname}$`));
    });

    for (const format of ['A4', 'Letter'] as const) {
      test(`/${prefix}handout/ prints on exactly one ${format} page`, async ({ page }) => {
        await page.goto(`${prefix}${HANDOUT}`);
        const pdf = await page.pdf({ format });
        expect(pdfPages(pdf)).toBe(1);
      });
    }
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
    const step = await page.locator('#shanghai .step').first().evaluate((el) => {
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
    expect(pdfPages(pdf)).toBeGreaterThan(1);
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
