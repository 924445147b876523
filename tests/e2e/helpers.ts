import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { PNG } from 'pngjs';
import { LOCALES, type Locale } from '~/i18n/locale';

/* ------------------------------------------------------------------ */
/* (a) Request recording: nothing may leave the machine.               */
/* ------------------------------------------------------------------ */

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const INERT_PROTOCOLS = new Set(['data:', 'blob:', 'about:']);

/** True for URLs served by the local preview server (or inline data/blob URLs). */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (INERT_PROTOCOLS.has(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

export interface RequestLog {
  /** Every URL requested so far (pages, workers, fetches, websockets), in order. */
  readonly urls: string[];
  /** The URLs that left 127.0.0.1/localhost (data: and blob: are fine). */
  external(): string[];
}

/**
 * Start recording every request made by a page or by all pages of a context.
 * Record on the context (before navigating) to also catch popups and workers.
 */
export function recordRequests(target: Page | BrowserContext): RequestLog {
  const urls: string[] = [];
  target.on('request', (request) => {
    urls.push(request.url());
  });
  const pages = 'pages' in target ? target.pages() : [target];
  const watchSockets = (page: Page) => page.on('websocket', (ws) => urls.push(ws.url()));
  pages.forEach(watchSockets);
  if ('pages' in target) target.on('page', watchSockets);
  return {
    urls,
    external: () => [...new Set(urls.filter((u) => !isLocalUrl(u)))],
  };
}

/** `test` with a `requests` fixture that records everything the test's context requests. */
export const test = base.extend<{ requests: RequestLog }>({
  requests: async ({ context }, use) => {
    await use(recordRequests(context));
  },
});
export { expect };

/* ------------------------------------------------------------------ */
/* Scrolling and hydration                                             */
/* ------------------------------------------------------------------ */

/**
 * Resolve after `count` animation frames: what the page does in answer to a scroll (IntersectionObserver
 * callbacks, scroll handlers, layout, PerformanceObserver tasks) has run by then.
 */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const frame = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => frame(left - 1)));
        frame(n);
      }),
    count,
  );
}

/** Scroll by a mouse wheel as a reader does, once the page has moved (or cannot: at the end) and drawn itself. */
export async function wheel(page: Page, dy: number): Promise<void> {
  const before = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, dy);
  await page.waitForFunction(
    ([y, down]) => {
      const el = document.scrollingElement ?? document.documentElement;
      const end = down ? scrollY + innerHeight >= el.scrollHeight - 2 : scrollY <= 0;
      return scrollY !== y || end;
    },
    [before, dy > 0] as const,
  );
  await nextFrames(page);
}

/** Resolve once the page has loaded, its fonts are ready, the network is quiet and two frames are drawn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await nextFrames(page);
}

/**
 * Scroll from top to bottom in viewport-sized steps, letting `client:visible` islands and scroll-driven
 * code run after each (two frames). Re-measures the page each step because hydrated content can change
 * its height.
 */
export async function scrollThrough(page: Page, { maxSteps = 400 } = {}): Promise<void> {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  for (let step = 0; step < maxSteps; step++) {
    // One round trip a step: scroll, let two frames run, say whether the page's end is on screen.
    const atBottom = await page.evaluate(async () => {
      const el = document.scrollingElement ?? document.documentElement;
      if (window.scrollY + window.innerHeight >= el.scrollHeight - 2) return true;
      window.scrollBy({ top: Math.round(window.innerHeight * 0.8), behavior: 'instant' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return false;
    });
    if (atBottom) break;
  }
  await nextFrames(page);
}

/**
 * (b) Wait until every Astro island has hydrated (Astro removes the `ssr`
 * attribute when it does). Islands still waiting are scrolled into view one
 * at a time, since `client:visible` islands only hydrate once they are on screen.
 */
export async function waitForIslands(page: Page, timeout = 15_000): Promise<void> {
  const pending = page.locator('astro-island[ssr]');
  const deadline = Date.now() + timeout;
  while ((await pending.count()) > 0 && Date.now() < deadline) {
    const island = await pending.first().elementHandle();
    if (!island) continue;
    // astro-island is display: contents and has no box of its own: scroll its content into view.
    await island.evaluate((el) => (el.firstElementChild ?? el).scrollIntoView({ block: 'center', behavior: 'instant' })).catch(() => undefined);
    const hydrated = await page
      .waitForFunction((el) => !el.isConnected || !el.hasAttribute('ssr'), island, { timeout: Math.max(1, deadline - Date.now()) })
      .then(() => true)
      .catch(() => false);
    await island.dispose();
    if (!hydrated) break;
  }
  await expect(pending, 'every astro-island should hydrate (lose its `ssr` attribute)').toHaveCount(0, {
    timeout: Math.max(1_000, deadline - Date.now()),
  });
}

/** Wait until the island holding `selector` has hydrated (without scrolling to the others). */
export async function waitForIsland(page: Page, selector: string): Promise<void> {
  await expect(page.locator(`astro-island:has(${selector})`).first(), `the island of ${selector} should hydrate`).not.toHaveAttribute('ssr', /.*/);
}

/** Resolve once running finite animations end (capped; infinite animations are not awaited). */
export async function settleAnimations(page: Page, capMs = 2_000): Promise<void> {
  await page.evaluate(async (cap) => {
    const finite = document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
    await Promise.race([Promise.allSettled(finite.map((a) => a.finished)), new Promise((resolve) => setTimeout(resolve, cap))]);
  }, capMs);
}

/* ------------------------------------------------------------------ */
/* (c) Accessibility                                                    */
/* ------------------------------------------------------------------ */

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Run axe (WCAG 2.0/2.1 A + AA) and return the violations as readable strings:
 * "id [impact] help (url)" followed by one "  -> target" line per offending node.
 * An empty array means no violations. The page must belong to a context
 * (the `page` fixture or `browser.newContext()` + `context.newPage()`).
 */
export async function axeViolations(page: Page, configure?: (b: AxeBuilder) => AxeBuilder): Promise<string[]> {
  // Colours read half-way through a fade (a slide fading in, the bar of controls arriving) are not the page's colours.
  await settleAnimations(page);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (configure) builder = configure(builder);
  const results = await builder.analyze();
  return results.violations.map((v) => {
    const targets = v.nodes.map((n) => {
      const summary = n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : '';
      return `  -> ${n.target.map(String).join(' >>> ')}${summary}`;
    });
    return [`${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${v.helpUrl})`, ...targets].join('\n');
  });
}

/* ------------------------------------------------------------------ */
/* (d) Layout                                                           */
/* ------------------------------------------------------------------ */

/** True when the document does not scroll sideways. */
export async function noHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Diagnostics for overflow failures: the outermost elements whose right edge passes the viewport. */
export async function overflowingElements(page: Page, limit = 10): Promise<string[]> {
  return page.evaluate((max) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const reported = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 0.5 && r.left >= -0.5) continue;
      let skip = false; // inside a scroll/clip container (cannot widen the document) or inside a reported element
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (reported.has(a) || getComputedStyle(a).overflowX !== 'visible') skip = true;
      }
      if (skip) continue;
      reported.add(el);
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const path = [el.parentElement?.closest('[id]')?.id]
        .filter(Boolean)
        .map((p) => `#${p} … `)
        .join('');
      out.push(`${path}${el.tagName.toLowerCase()}${id}${cls} (left ${Math.round(r.left)}, right ${Math.round(r.right)}, viewport ${width})`);
      if (out.length >= max) break;
    }
    return out;
  }, limit);
}

/* ------------------------------------------------------------------ */
/* (e) Editions and files                                               */
/* ------------------------------------------------------------------ */

/**
 * Every edition: English at the root, the others in a folder. Prefixes are relative so they resolve
 * under BASE; `lang` matches the edition's <html lang>.
 */
export const EDITIONS: readonly { locale: Locale; prefix: string; lang: RegExp }[] = LOCALES.map((locale) => ({
  locale,
  prefix: locale === 'en' ? '' : `${locale}/`,
  lang: new RegExp(`^${locale}`),
}));

/** Pages in a PDF: its /Type /Page objects (not the /Type /Pages tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Width and height of a PNG, decoded in full by pngjs (which rejects a bad signature or checksum). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const { width, height } = PNG.sync.read(bytes);
  return { width, height };
}

/* ------------------------------------------------------------------ */
/* (f) Slow phones and layout shift                                     */
/* ------------------------------------------------------------------ */

/**
 * A mid-range phone on a slow network, as Lighthouse's mobile run has it: the CPU 6x slower (Chromium's
 * CDP throttling) and 150 ms round trips at 1.6 Mbit/s down, so scripts run well after the first paint.
 */
export async function emulateSlowPhone(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 94_000 });
}

/**
 * The layout shift since the page opened (the sum of every 'layout-shift' entry not caused by input,
 * read with a buffered PerformanceObserver), with the elements that moved, for the failure message.
 */
export async function layoutShift(page: Page): Promise<{ score: number; moved: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        interface Shift extends PerformanceEntry {
          value: number;
          hadRecentInput: boolean;
          sources: { node: Node | null }[];
        }
        const shifts: Shift[] = [];
        // Buffered entries arrive in the observer's first callback, a task later, the page's navigation
        // entry (there is always one) with them: that callback has every shift so far.
        const observer = new PerformanceObserver((list) => {
          shifts.push(...(list.getEntriesByType('layout-shift') as Shift[]));
          if (list.getEntriesByType('navigation').length === 0) return;
          observer.disconnect();
          const counted = shifts.filter((s) => !s.hadRecentInput);
          const name = (n: Node | null) =>
            n instanceof Element
              ? `${n.tagName.toLowerCase()}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ')[0]}` : ''}`
              : String(n?.nodeName);
          resolve({
            score: counted.reduce((sum, s) => sum + s.value, 0),
            moved: counted.map((s) => `${s.value.toFixed(4)} at ${Math.round(s.startTime)} ms: ${s.sources.map((x) => name(x.node)).join(', ')}`),
          });
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        observer.observe({ type: 'navigation', buffered: true });
      }),
  );
}

/** Scrolls to where a step's card is read: whole in the band under the pinned drawing (phones, tablets), or mid-screen beside the chart. */
export async function readStep(page: Page, section: string, step: number) {
  const card = page.locator(`#${section} .step[data-step="${step}"]`);
  for (let tries = 0; tries < 4 && !(await card.evaluate((c) => c.classList.contains('active'))); tries++) {
    await card.evaluate((c) => {
      const body = c.closest('.story-section')!.querySelector('.chart-body')!.getBoundingClientRect();
      const narrow = matchMedia('(max-width: 52rem)').matches;
      scrollBy(0, c.getBoundingClientRect().top - (narrow ? Math.max(body.bottom, 0) + 8 : innerHeight / 2 - c.getBoundingClientRect().height / 2));
    });
    await nextFrames(page);
  }
}
