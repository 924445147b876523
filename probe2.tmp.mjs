import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: +(process.argv[2] ?? 320), height: 900 } });
await page.goto('http://127.0.0.1:4342/pym.html');
const el = page.locator('#pym-container iframe');
const report = async (label) => {
  await page.waitForTimeout(1500);
  const f = await (await el.elementHandle()).contentFrame();
  const inner = await f.evaluate(() => ({ h: Math.ceil(document.querySelector('[data-embed]').getBoundingClientRect().height), doc: document.documentElement.scrollHeight, vb: document.querySelector('figure svg').getAttribute('viewBox'), w: innerWidth, divw: document.querySelector('.flow')?.getBoundingClientRect().width }));
  const outer = await el.evaluate((e) => [e.getBoundingClientRect().height, e.getBoundingClientRect().width, e.getAttribute('height')]);
  console.log(label, JSON.stringify(inner), 'outer', outer);
};
await report('start');
for (const w of [1280, 768, 320, 1280]) { await page.setViewportSize({ width: w, height: 900 }); await report(String(w)); }
await browser.close();
