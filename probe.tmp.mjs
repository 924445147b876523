import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
const url = process.argv[2] ?? 'http://127.0.0.1:4342/host.html?attr=0';
await page.goto(url);
const report = async (label) => {
  for (const id of ['flow', 'map', 'timeline']) {
    const el = page.locator(`iframe#${id}`);
    if (!(await el.count())) continue;
    await el.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    const f = await (await el.elementHandle()).contentFrame();
    const inner = await f.evaluate(() => ({ h: Math.ceil(document.querySelector('[data-embed]').getBoundingClientRect().height), vb: document.querySelector('figure svg').getAttribute('viewBox'), w: innerWidth }));
    const outer = await el.evaluate((e) => e.getBoundingClientRect().height);
    console.log(label, id, JSON.stringify(inner), 'outer', outer);
  }
};
await report('320');
await page.setViewportSize({ width: 1280, height: 900 }); await report('1280');
await page.setViewportSize({ width: 768, height: 900 }); await report('768');
await page.setViewportSize({ width: 320, height: 900 }); await report('320b');
await browser.close();
