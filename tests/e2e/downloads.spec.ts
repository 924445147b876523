import { edition } from '~/edition/edition';
import { embedPath } from '~/site/embed';
import { CHART_IDS as CHARTS } from '~/charts/registry';
import { EDITIONS, expect, pngSize, test } from './helpers';

/** Text without any whitespace: wrapped lines (and CJK, which has no spaces) compare equal to the page's. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  return rows;
}

for (const { prefix: locale } of EDITIONS) {
  test.describe(`downloads ${locale || 'en/'}`, () => {
    for (const chart of CHARTS) {
      test(`${chart}: PNG 1x and 2x, SVG and CSV are valid and match the chart`, async ({ page, request }) => {
        const one = pngSize(await (await request.get(`${locale}downloads/${chart}.png`)).body());
        const two = pngSize(await (await request.get(`${locale}downloads/${chart}@2x.png`)).body());
        expect(one.width).toBe(960);
        expect(two).toEqual({ width: one.width * 2, height: one.height * 2 });
        expect(pngSize(await (await request.get(`${locale}downloads/${chart}-card.png`)).body())).toEqual({ width: 1200, height: 630 });

        // A column as wide as the one downloads are laid out for (720 px and the embed's padding).
        await page.setViewportSize({ width: 752, height: 900 });
        await page.goto(`${locale}embed/${chart}/`);
        await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
        const svg = await (await request.get(`${locale}downloads/${chart}.svg`)).text();
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            title: doc.querySelector('title')?.textContent,
            height: Number(doc.documentElement.getAttribute('height')),
            text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' '),
            dots: doc.querySelectorAll('svg.dots circle').length,
            squares: doc.querySelectorAll('svg.squares rect').length,
          };
        }, svg);
        expect(parsed.error).toBeNull();
        // The PNGs are that SVG, at 1x and 2x.
        expect(one.height).toBe(parsed.height);
        const title = await page.locator('figure h1').textContent();
        expect(parsed.title).toBe(title);
        // The image carries every word the chart shows in that column (its drawings' labels, totals,
        // captions and legends; of the timeline's artboards, the one on screen), its notes with the
        // source line, and the credit with the story's public address.
        const figure = page.locator(`figure#${chart}`);
        const shown = await figure.evaluate((f) =>
          [
            f.querySelector('h1')!.textContent!,
            ...[...f.querySelectorAll('.chart-body svg text, .chart-body p:not(.visually-hidden)')]
              .filter((el) => el.getClientRects().length > 0)
              .map((el) => el.textContent ?? ''),
            ...[...f.querySelectorAll('figcaption > p')].map((p) => p.textContent ?? ''),
          ].filter((t) => t.trim()),
        );
        expect(shown.length).toBeGreaterThan(3);
        for (const words of shown) expect(squeeze(parsed.text), `${chart}.svg should say "${words}"`).toContain(squeeze(words));
        const story = (await page.locator('link[rel="canonical"]').getAttribute('href'))!.replace(/#.*$/, '');
        const site = (await page.locator('meta[property="og:site_name"]').getAttribute('content'))!;
        expect(parsed.text).toContain(story);
        expect(parsed.text).toContain(site);
        // The unit charts come whole: a dot per arrest and per city, a square per province.
        expect(parsed.dots).toBe(await figure.locator('svg.dots circle').count());
        expect(parsed.squares).toBe(await figure.locator('svg.squares rect').count());
        if (chart === 'network-map') expect(parsed.dots).toBeGreaterThan(100);

        const csv = parseCsv(await (await request.get(`${locale}downloads/${chart}.csv`)).text());
        const table = await page
          .locator(`figure#${chart} table`)
          .evaluate((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
        expect(csv).toEqual(table);
        expect(csv[0]!.at(-1)).toBe(await page.locator(`figure#${chart} thead th`).last().textContent());
      });
    }
  });
}

test('the story card exists for link previews in every edition', async ({ page, request }) => {
  for (const { prefix: locale } of EDITIONS) {
    await page.goto(locale);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toBeTruthy();
    expect(pngSize(await (await request.get(new URL(image!).pathname)).body())).toEqual({ width: 1200, height: 630 });
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: await page.locator('h1').textContent() });
  }
});

test('a chart with parts offers WordPress its parts, one address a line, each an embed page with its oEmbed record', async ({ page, request }) => {
  for (const { prefix } of EDITIONS) {
    await page.goto(prefix || './');
    for (const chart of edition('en').charts) {
      const parts = chart.embeds.flatMap((e) => (e.part ? [e.part.name] : []));
      const control = page.locator(`details.share:has(#share-${chart.id}-address)`);
      await control.locator('summary').click();
      const addresses = (await control.locator('textarea[data-copy="address"]').inputValue()).split('\n');
      const paths = (parts.length > 0 ? parts : [undefined]).map((part) => `/${prefix}${embedPath(chart.id, part)}`);
      expect(addresses.map((a) => new URL(a).pathname)).toEqual(paths);
      for (const path of paths) {
        const html = await (await request.get(path)).text();
        const oembed = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
        expect(oembed, path).toBeTruthy();
        expect((await request.get(new URL(oembed!).pathname)).status(), oembed!).toBe(200);
      }
    }
  }
});

test('the Embed / Download control writes the code for the chosen language and theme, and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  const control = page.locator('details.share').first();
  await control.locator('summary').click();
  const code = control.locator('textarea[data-copy="code"]');
  const address = control.locator('textarea[data-copy="address"]');
  // WordPress and other oEmbed consumers get the embed page's address, to paste on its own line.
  await expect(address).toHaveValue(/^https?:\/\/[^\s]*\/embed\/resale-flow\/$/);
  await expect(code).toHaveValue(
    /<iframe src="[^"]*\/embed\/resale-flow\/" [^>]*data-sold-numbers[^>]*><\/iframe>\n<script async src="[^"]*\/embed\.js"><\/script>/,
  );
  // Light by default (no query); the reader's setting only when asked for.
  await expect(control.locator('[data-choice="theme"]')).toHaveValue('light');
  await control.locator('[data-choice="theme"]').selectOption('auto');
  await expect(code).toHaveValue(/\/embed\/resale-flow\/\?theme=auto"/);
  await control.locator('[data-choice="theme"]').selectOption('dark');
  await control.locator('[data-choice="locale"]').selectOption('zh');
  await expect(code).toHaveValue(/\/zh\/embed\/resale-flow\/\?theme=dark"/);
  await expect(address).toHaveValue(/\/zh\/embed\/resale-flow\/$/);
  // The iframe's title is in the chosen language.
  await expect(code).toHaveValue(/title="[^"]*[\u4e00-\u9fff][^"]*"/);
  await control.getByRole('button', { name: 'Copy the code' }).click();
  await expect(control.locator('[role="status"]')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
  for (const link of await control.locator('a[download]').all()) {
    const href = await link.getAttribute('href');
    expect((await page.request.get(new URL(href!, page.url()).href)).status(), href!).toBe(200);
  }
});
