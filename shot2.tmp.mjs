import { chromium } from '@playwright/test';
const [, , url, out, fmt] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage();
await p.goto(url);
await p.emulateMedia({ media: 'print' });
await p.pdf({ path: out, format: fmt });
await b.close();
