import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { headersFile } from '~/integrations/security-headers';

const page = (policy: string) => `<!doctype html><meta http-equiv="content-security-policy" content="${policy}"><title>t</title>`;

describe('_headers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'headers-'));
  const files: Record<string, string> = {
    'index.html': page("default-src 'self'; script-src 'self'"),
    'embed/timeline/index.html': page("default-src 'self'"),
    'zh/oembed/timeline.json': '{}',
    'oembed/timeline.json': '{}',
    '_astro/app.abc.js': '',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const blocks = headersFile(dir, '/news/')
    .trim()
    .split('\n\n')
    .map((block) => block.split('\n'));
  const headersOf = (path: string) =>
    blocks
      .find(([p]) => p === path)
      ?.slice(1)
      .map((line) => line.trim());

  it('lets any origin read the bundles and the oEmbed records (embeds sandboxed by WordPress have an opaque origin), and nothing else', () => {
    for (const path of ['/news/_astro/*', '/news/oembed/timeline.json', '/news/zh/oembed/timeline.json'])
      expect(headersOf(path)).toEqual(['Access-Control-Allow-Origin: *']);
    const open = blocks.filter((block) => block.some((line) => line.includes('Access-Control-Allow-Origin'))).map(([path]) => path);
    expect(open.sort()).toEqual(['/news/_astro/*', '/news/oembed/timeline.json', '/news/zh/oembed/timeline.json']);
  });

  it('gives each page its own policy, framable by any site only for embeds', () => {
    expect(headersOf('/news/')).toEqual(["Content-Security-Policy: default-src 'self'; script-src 'self'; frame-ancestors 'self'"]);
    expect(headersOf('/news/embed/timeline/')).toEqual(["Content-Security-Policy: default-src 'self'; frame-ancestors *"]);
  });
});
