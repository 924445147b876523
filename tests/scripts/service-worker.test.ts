import { describe, it, expect, beforeEach } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { precache, workerSource } from '../../src/integrations/service-worker';

let dir: string;
const put = (path: string, content = path) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const f of ['index.html', 'zh/talk/index.html', 'handout/index.html', '_astro/app.abc123.js', 'favicon.svg', 'manifest.webmanifest'])
    put(f);
  for (const f of ['embed/timeline/index.html', 'zh/embed/timeline/index.html', 'oembed/timeline.json', 'embed.js', 'downloads/timeline.png', '_headers', 'sw.js'])
    put(f);
});

describe('precache', () => {
  it('lists pages by the folder URL readers ask for, and assets by path, under the base', () => {
    expect(precache(dir, '/news/').urls).toEqual([
      '/news/_astro/app.abc123.js',
      '/news/favicon.svg',
      '/news/handout/',
      '/news/',
      '/news/manifest.webmanifest',
      '/news/zh/talk/',
    ]);
  });

  it('leaves out what serves other sites, the downloads, the headers file and the worker itself', () => {
    const urls = precache(dir).urls.join(' ');
    expect(urls).not.toMatch(/embed|oembed|downloads|_headers|sw\.js/);
  });

  it('changes version when a file changes, and only then', () => {
    const first = precache(dir).version;
    expect(precache(dir).version).toBe(first);
    put('handout/index.html', 'corrected');
    expect(precache(dir).version).not.toBe(first);
  });
});

describe('workerSource', () => {
  const source = workerSource({ version: 'v1', urls: ['/', '/talk/'], base: '/' });

  it('is valid JavaScript', () => {
    expect(() => new Function(source)).not.toThrow();
  });

  it('names its cache after the version and precaches the list', () => {
    expect(source).toContain('const CACHE = "sold-numbers-v1"');
    expect(source).toContain('const PRECACHE = ["/","/talk/"]');
  });
});
