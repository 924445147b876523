import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePath, servedPath, walkFiles } from '~/site/files.mjs';

describe('basePath', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['//', '/'],
    ['news', '/news/'],
    ['/news', '/news/'],
    ['news/', '/news/'],
    ['/graphics/sold-numbers/', '/graphics/sold-numbers/'],
    ['//graphics/sold-numbers//', '/graphics/sold-numbers/'],
  ])('%j -> %j', (raw, expected) => {
    expect(basePath(raw)).toBe(expected);
  });
});

describe('servedPath', () => {
  it('serves a page at its folder and any other file at its name, under the base', () => {
    expect(servedPath('index.html')).toBe('/');
    expect(servedPath('zh/talk/index.html', '/news')).toBe('/news/zh/talk/');
    expect(servedPath('404.html', '/news/')).toBe('/news/404.html');
    expect(servedPath('_astro/app.js')).toBe('/_astro/app.js');
    expect(servedPath('not-index.html')).toBe('/not-index.html');
  });
});

describe('walkFiles', () => {
  it('lists every file under a folder, nested ones too, as sorted posix paths relative to it (no folders)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-'));
    for (const f of ['b.txt', 'a/z.txt', 'a/b/c.txt', 'a.txt']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), f);
    }
    mkdirSync(join(dir, 'empty'));
    expect(walkFiles(dir)).toEqual(['a.txt', 'a/b/c.txt', 'a/z.txt', 'b.txt']);
  });
});
