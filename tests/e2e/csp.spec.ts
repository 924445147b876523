import { join } from 'node:path';
import { walkFiles } from '~/site/files.mjs';
import { expect, scrollThrough, test, waitForIslands } from './helpers';

// Every built page, as a path relative to the site root (so BASE sub-paths work).
const pages = walkFiles(join(process.cwd(), 'dist'))
  .filter((f) => /(^|\/)index\.html$/.test(f))
  .map((f) => f.replace(/index\.html$/, '') || './');

test.describe('the strict CSP blocks nothing the site needs', () => {
  for (const path of pages) {
    test(`${path}`, async ({ page }) => {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(path);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
      expect(csp).not.toMatch(/unsafe-(inline|eval)/);
      await scrollThrough(page);
      await waitForIslands(page);
      const mark = page.locator('[data-mark][tabindex="0"]').first();
      if (await mark.count()) {
        await mark.focus();
        await page.keyboard.press('ArrowRight');
      }
      expect(violations).toEqual([]);
    });
  }
});
