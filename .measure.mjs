import { chromium } from '@playwright/test';
const [,, path] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 794, height: 1000 } });
await page.goto(`http://127.0.0.1:4351/graphics/sold-numbers/${path}`);
await page.emulateMedia({ media: 'print' });
console.log(await page.evaluate(() => [...document.querySelectorAll('main.sheet > *, footer > *')].map((e) => `${e.tagName}.${e.className.split(' ')[0]} ${Math.round(e.getBoundingClientRect().top)}-${Math.round(e.getBoundingClientRect().bottom)}`).join('\n') + '\nsheet ' + JSON.stringify(document.querySelector('main').getBoundingClientRect())));
await browser.close();
