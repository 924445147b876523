import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
for (const loc of ['', 'zh/', 'fr/']) for (const chart of ['resale-flow', 'network-map', 'timeline']) {
  const out = [];
  for (const w of [320, 600, 640, 700]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto(`http://127.0.0.1:4341/${loc}embed/${chart}/`);
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]') && !document.documentElement.classList.contains('laying-out'));
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => {
      const h = Math.ceil(document.querySelector('[data-embed]').getBoundingClientRect().height);
      const W = document.documentElement.clientWidth;
      const clipped = [...document.querySelectorAll('figure svg text')].filter((t) => { const b = t.getBoundingClientRect(); return b.width > 0 && (b.left < -0.5 || b.right > W + 0.5); }).map((t) => t.textContent + ' ' + Math.round(t.getBoundingClientRect().left) + '..' + Math.round(t.getBoundingClientRect().right));
      return { h, clipped, sw: document.documentElement.scrollWidth };
    });
    out.push(`${w}:${r.h}${r.clipped.length ? ' CLIP ' + r.clipped.join('|') : ''}${r.sw > w ? ' SW' + r.sw : ''}`);
  }
  console.log(loc || 'en/', chart, out.join('  '));
}
await browser.close();
