import { chromium } from '@playwright/test';
const [,, mode, path, out, w = '1280', h = '900', extra = ''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
const url = `http://127.0.0.1:4351/graphics/sold-numbers/${path}`;
if (extra) await page.addInitScript((s) => localStorage.setItem('text-size', s), extra);
await page.goto(url);
await page.waitForTimeout(800);
if (mode === 'pdf') {
  for (const format of ['A4', 'Letter']) await page.pdf({ path: `${out}-${format}.pdf`, format });
} else await page.screenshot({ path: out, fullPage: mode === 'full' });
await browser.close();
