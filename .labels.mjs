import { chromium } from '@playwright/test';
const [,, path, w = '1024', h = '768'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
await page.goto(`http://127.0.0.1:4351/graphics/sold-numbers/${path}`);
await page.waitForTimeout(1500);
const n = await page.locator('section.slide').count();
for (let i = 1; i <= n; i++) {
  await page.evaluate((i) => (location.hash = `#slide-${i}`), i);
  await page.waitForTimeout(150);
  const r = await page.evaluate((i) => {
    const s = document.getElementById(`slide-${i}`);
    const texts = [...s.querySelectorAll('.graphic svg text')].filter((t) => t.getBoundingClientRect().width > 0 && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).opacity !== '0');
    const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
    const svg = s.querySelector('.graphic svg');
    return { id: s.dataset.slide, n: texts.length, min: Math.min(...sizes).toFixed(1), max: Math.max(...sizes).toFixed(1), vb: svg?.getAttribute('viewBox'), box: svg ? [Math.round(svg.getBoundingClientRect().width), Math.round(svg.getBoundingClientRect().height)] : null, over: s.scrollHeight - s.clientHeight };
  }, i);
  if (r.n) console.log(JSON.stringify(r));
}
await browser.close();
