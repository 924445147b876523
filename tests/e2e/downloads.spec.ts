import { expect, test } from './helpers';

const CHARTS = ['resale-flow', 'network-map', 'timeline'] as const;

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  return rows;
}

for (const locale of ['', 'zh/', 'fr/']) {
  test.describe(`downloads ${locale || 'en/'}`, () => {
    for (const chart of CHARTS) {
      test(`${chart}: PNG 1x and 2x, SVG and CSV are valid and match the chart`, async ({ page, request }) => {
        const one = pngSize(await (await request.get(`${locale}downloads/${chart}.png`)).body());
        const two = pngSize(await (await request.get(`${locale}downloads/${chart}@2x.png`)).body());
        expect(one.width).toBe(960);
        expect(two).toEqual({ width: one.width * 2, height: one.height * 2 });
        expect(pngSize(await (await request.get(`${locale}downloads/${chart}-card.png`)).body())).toEqual({ width: 1200, height: 630 });

        await page.goto(`${locale}embed/${chart}/`);
        const svg = await (await request.get(`${locale}downloads/${chart}.svg`)).text();
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return { error: doc.querySelector('parsererror')?.textContent ?? null, title: doc.querySelector('title')?.textContent, text: doc.documentElement.textContent };
        }, svg);
        expect(parsed.error).toBeNull();
        const title = await page.locator('figure h1').textContent();
        expect(parsed.title).toBe(title);
        // The image carries the figure's words: title and source line.
        expect(parsed.text).toContain(title!);

        const csv = parseCsv((await (await request.get(`${locale}downloads/${chart}.csv`)).text()));
        const table = await page.locator(`figure#${chart} table`).evaluate((t) =>
          [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
        );
        expect(csv).toEqual(table);
        expect(csv[0]!.at(-1)).toBe(await page.locator(`figure#${chart} thead th`).last().textContent());
      });
    }
  });
}

test('the story card exists for link previews in every edition', async ({ page, request }) => {
  for (const locale of ['', 'zh/', 'fr/']) {
    await page.goto(locale);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toBeTruthy();
    expect(pngSize(await (await request.get(new URL(image!).pathname)).body())).toEqual({ width: 1200, height: 630 });
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: await page.locator('h1').textContent() });
  }
});

test('the Embed / Download control writes the code for the chosen language and theme, and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  const control = page.locator('details.share').first();
  await control.locator('summary').click();
  const code = control.locator('textarea');
  await expect(code).toHaveValue(/<iframe src="[^"]*\/embed\/resale-flow\/" [^>]*data-sold-numbers[^>]*><\/iframe>\n<script async src="[^"]*\/embed\.js"><\/script>/);
  await control.locator('[data-choice="theme"]').selectOption('dark');
  await control.locator('[data-choice="locale"]').selectOption('zh');
  await expect(code).toHaveValue(/\/zh\/embed\/resale-flow\/\?theme=dark"/);
  await control.getByRole('button').click();
  await expect(control.locator('[role="status"]')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
  for (const link of await control.locator('a[download]').all()) {
    const href = await link.getAttribute('href');
    expect((await page.request.get(new URL(href!, page.url()).href)).status(), href!).toBe(200);
  }
});
