import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const w of [320, 768, 1280]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  await page.goto('http://127.0.0.1:4342/host.html?attr=0');
  for (const id of ['flow', 'map', 'timeline']) { await page.locator(`iframe#${id}`).scrollIntoViewIfNeeded(); await page.waitForTimeout(800); }
  await page.screenshot({ path: `/tmp/b-host-${w}.png`, fullPage: true });
  await page.close();
}
await browser.close();
