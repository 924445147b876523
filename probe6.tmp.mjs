import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
await page.goto('http://127.0.0.1:4341/embed/resale-flow/');
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => [...document.querySelectorAll('g[data-mark]')].map((g) => JSON.stringify([g.textContent, g.getAttribute('aria-label')])).join('\n')));
console.log(await page.evaluate(() => document.querySelector('g[data-mark="1"]').outerHTML.slice(0, 600)));
await browser.close();
