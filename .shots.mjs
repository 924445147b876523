import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4477/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const jobs = JSON.parse(process.argv[2]);
for (const { path, w, h, name, largest, sel, slide } of jobs) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  if (largest) await page.addInitScript(() => localStorage.setItem('sold-numbers:text-size', 'largest'));
  await page.goto(base + path + (slide ? `#slide-${slide}` : ''));
  await page.waitForLoadState('networkidle');
  if (sel) {
    const el = page.locator(sel).first();
    await el.scrollIntoViewIfNeeded();
    const info = await page.locator('#timeline svg.artboard:visible, [id^=talk-timeline] svg.artboard:visible').evaluateAll((svgs) => svgs.map((svg) => ({ cls: svg.getAttribute('class'), w: svg.getBoundingClientRect().width, vb: svg.getAttribute('viewBox'), min: Math.min(...[...svg.querySelectorAll('text')].filter((t) => t.getClientRects().length).map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)) })));
    console.log(name, JSON.stringify(info));
    await el.screenshot({ path: `/tmp/tl/${name}.png` });
  } else {
    await page.screenshot({ path: `/tmp/tl/${name}.png` });
  }
  await page.close();
}
await browser.close();
