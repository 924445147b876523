import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const delay of [0, 100, 300]) {
const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
await page.goto('http://127.0.0.1:4342/pym.html', { waitUntil: 'commit' });
await page.waitForTimeout(delay);
await page.setViewportSize({ width: 1280, height: 900 });
await page.waitForTimeout(2500);
const el = page.locator('#pym-container iframe');
const f = await (await el.elementHandle()).contentFrame();
const inner = await f.evaluate(() => ({ h: Math.ceil(document.querySelector('[data-embed]').getBoundingClientRect().height), vb: document.querySelector('figure svg').getAttribute('viewBox'), w: innerWidth }));
console.log(delay, JSON.stringify(inner), await el.evaluate((e) => e.getBoundingClientRect().height));
await page.close();
}
await browser.close();
