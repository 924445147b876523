import type { Page } from '@playwright/test';
import {
  axeViolations,
  EDITIONS,
  emulateSlowPhone,
  expect,
  layoutShift,
  noHorizontalOverflow,
  overflowingElements,
  settled,
  test,
  waitForIslands,
} from './helpers';

// The reading toolbar (ReadingTools.astro): text size and Listen, on the story and in talk mode.

const bodySize = (page: Page) =>
  page
    .locator('#shanghai .prose p')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** The smallest label of a chart, in screen px (in the artboard on screen). */
const smallestLabel = (page: Page, chart: string) =>
  page
    .locator(`#${chart} svg:visible`)
    .first()
    .evaluate((svg: SVGSVGElement) => {
      const shown = [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0);
      return Math.min(...shown.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a));
    });

test.describe('text size', () => {
  test('the largest size sets body text at 1.5x with room between lines, is kept after a reload, and charts grow too', async ({ page }) => {
    test.slow();
    await page.goto('./');
    await waitForIslands(page);
    const normal = await bodySize(page);
    const label = await smallestLabel(page, 'resale-flow');
    const largest = page.getByRole('button', { name: 'Largest' });
    await expect(page.getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true');
    // By keyboard: Tab reaches the buttons, Enter presses one.
    await largest.focus();
    await page.keyboard.press('Enter');
    await expect(largest).toHaveAttribute('aria-pressed', 'true');
    expect(await bodySize(page)).toBeGreaterThanOrEqual(normal * 1.5 - 0.01);
    const lineHeight = await page
      .locator('#shanghai .prose p')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
    expect(lineHeight).toBeGreaterThanOrEqual(1.5);
    await expect.poll(() => smallestLabel(page, 'resale-flow')).toBeGreaterThan(label * 1.2);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
    expect(await bodySize(page)).toBeGreaterThanOrEqual(normal * 1.5 - 0.01);
    await expect(page.getByRole('button', { name: 'Largest' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: 'Large', exact: true }).click();
    expect(await bodySize(page)).toBeCloseTo(normal * 1.25, 1);
    await page.getByRole('button', { name: 'Normal' }).click();
    expect(await bodySize(page)).toBeCloseTo(normal, 1);
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-text-size', /.*/);
  });

  for (const { prefix } of EDITIONS) {
    test(`/${prefix} at the largest size does not scroll sideways on a 375 px phone`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.addInitScript(() => localStorage.setItem('sold-numbers:text-size', 'largest'));
      await page.goto(prefix || './');
      await waitForIslands(page);
      expect(await noHorizontalOverflow(page), (await overflowingElements(page)).join('\n')).toBe(true);
    });
  }

  test('talk mode keeps its own type size and offers none: a talk is already set for a room', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const root = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.goto('talk/');
    await expect(page.locator('.talk.live')).toHaveCount(1);
    const normal = await root();
    await expect(page.locator('.reading-tools')).toBeVisible();
    await expect(page.locator('.reading-tools [data-size]')).toHaveCount(0);
    // A reader who chose the largest size on the story gets the same slides.
    await page.evaluate(() => localStorage.setItem('sold-numbers:text-size', 'largest'));
    await page.reload();
    await expect(page.locator('.talk.live')).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
    expect(await root()).toBe(normal);
  });
});

test.describe('the opening holds still', () => {
  // The toolbar and the language links sit above the headline: they must take their place in the first
  // paint, not push the headline down when the toolbar's script runs late on a slow phone.
  for (const { prefix } of EDITIONS) {
    for (const size of ['normal', 'largest']) {
      test(`/${prefix} at the ${size} size does not shift as it loads on a slow phone`, async ({ page }) => {
        test.slow();
        await page.setViewportSize({ width: 375, height: 740 });
        if (size !== 'normal') await page.addInitScript((s) => localStorage.setItem('sold-numbers:text-size', s), size);
        await emulateSlowPhone(page);
        await page.goto(prefix || './', { waitUntil: 'load' });
        await expect(page.locator('.reading-tools')).toBeVisible();
        await expect(page.locator('.reading-tools [data-size][aria-pressed="true"]')).toHaveAttribute('data-size', size);
        await settled(page);
        expect(await page.evaluate(() => scrollY)).toBe(0);
        const { score, moved } = await layoutShift(page);
        expect(score, moved.join('\n')).toBeLessThanOrEqual(0.01);
      });
    }
  }
});

test.describe('axe with each text size', () => {
  for (const size of ['large', 'largest']) {
    for (const path of ['', 'zh/', 'fr/talk/', 'talk/']) {
      test(`/${path} at the ${size} size has no WCAG 2.1 A/AA violations`, async ({ page }) => {
        // axe over the whole story, with its islands, can take most of a minute on a busy CI machine.
        test.slow();
        await page.addInitScript((s) => localStorage.setItem('sold-numbers:text-size', s), size);
        await page.goto(path || './');
        if (!path.includes('talk')) await waitForIslands(page);
        else await expect(page.locator('.talk.live')).toHaveCount(1);
        await expect(page.locator('html')).toHaveAttribute('data-text-size', size);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }
});

/** A speechSynthesis that records what it is asked to say, with voices for the given languages. */
async function stubSpeech(page: Page, langs: string[]) {
  await page.addInitScript((langs) => {
    const spoken: { text: string; lang: string; voice: string }[] = [];
    const calls: string[] = [];
    Object.assign(window, { spoken, calls });
    const synth = {
      paused: false,
      getVoices: () => langs.map((lang) => ({ lang, name: `Voice ${lang}`, default: false, localService: true, voiceURI: lang })),
      speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang ?? '' }),
      cancel: () => calls.push('cancel'),
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      addEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    // A real utterance accepts only a real voice: a plain one takes the stub's.
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: class {
        lang = '';
        voice: unknown = null;
        onend: unknown = null;
        constructor(public text: string) {}
      },
      configurable: true,
    });
  }, langs);
}

test.describe('Listen', () => {
  for (const { prefix, lang } of EDITIONS) {
    test(`on /${prefix} Listen reads the first passage in the edition's language, and marks it`, async ({ page }) => {
      await stubSpeech(page, ['en-US', 'en-GB', 'zh-CN', 'fr-FR']);
      await page.goto(prefix || './');
      const listen = page.locator('.reading-tools .play');
      await listen.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken.length)).toBe(1);
      const [first] = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string; voice: string }[] }).spoken);
      expect(first!.lang).toMatch(lang);
      expect(first!.voice).toMatch(lang);
      expect(first!.text).toBe((await page.locator('h1').textContent())!.replace(/\s+/g, ' ').trim());
      await expect(page.locator('h1')).toHaveClass(/speaking/);
    });
  }

  test('pause, resume and stop, from the keyboard', async ({ page }) => {
    await stubSpeech(page, ['en-GB']);
    await page.goto('./');
    await page.locator('.reading-tools .play').click();
    const pause = page.getByRole('button', { name: 'Pause' });
    await expect(pause).toBeVisible();
    await pause.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.getByRole('button', { name: 'Stop' }).press('Enter');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeHidden();
    await expect(page.locator('.speaking')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { calls: string[] }).calls)).toEqual(expect.arrayContaining(['pause', 'resume', 'cancel']));
  });

  test('without a voice for the language, it says so', async ({ page }) => {
    await stubSpeech(page, ['de-DE']);
    await page.goto('zh/');
    await page.locator('.reading-tools .play').click();
    await expect(page.locator('.reading-tools [role="status"]')).toHaveText(/中文语音/);
    expect(await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken.length)).toBe(0);
  });

  test('in talk mode it reads the slide on screen', async ({ page }) => {
    await stubSpeech(page, ['fr-FR']);
    await page.goto('fr/talk/#slide-2');
    await expect(page.locator('.talk.live')).toHaveCount(1);
    await page.locator('.reading-tools .play').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { spoken: { text: string }[] }).spoken[0]?.text))
      .toBe((await page.locator('#slide-2 h2').textContent())!.replace(/\s+/g, ' ').trim());
  });
});
