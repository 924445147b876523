/**
 * A build for a real address prints that address everywhere: no page, data file, drawing or script in
 * dist/ may name localhost (the preview address astro.config.mjs falls back to for `npm start`).
 */
import { describe, expect, it } from 'vitest';
import { SITE_ORIGIN, distFiles, readDist } from './dist';

const TEXT = /\.(html|json|svg|js|mjs|css|xml|txt|webmanifest)$|(^|\/)_headers$/;

describe.runIf(!/localhost|127\.0\.0\.1/.test(SITE_ORIGIN))(`no localhost in a build for ${SITE_ORIGIN}`, () => {
  const files = distFiles().filter((f) => TEXT.test(f));

  it('checks pages, JSON, SVG and scripts', () => {
    for (const ext of ['.html', '.json', '.svg', '.js'])
      expect(
        files.some((f) => f.endsWith(ext)),
        ext,
      ).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const text = readDist(file);
    const at = text.search(/localhost/i);
    expect(at, at < 0 ? '' : `dist/${file} names localhost: …${text.slice(Math.max(0, at - 60), at + 40)}…`).toBe(-1);
  });
});
