import { chromium } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext();
const page = await ctx.newPage();
for (const path of ['', 'zh/', 'fr/', 'talk/', 'zh/talk/', 'handout/', 'embed/resale-flow/', 'embed/network-map/', 'embed/timeline/', 'fr/embed/timeline/']) {
  await page.goto('http://127.0.0.1:4341/' + path);
  await page.waitForTimeout(500);
  for (let y = 0; y < 20; y++) { await page.mouse.wheel(0, 800); await page.waitForTimeout(100); }
  const r = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  for (const v of r.violations) for (const n of v.nodes) console.log(path, JSON.stringify(await page.evaluate((sel) => { const e = document.querySelector(sel); return [e.textContent, e.getAttribute("aria-label")]; }, n.target[0])));
}
await browser.close();
