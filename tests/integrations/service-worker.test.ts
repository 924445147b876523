import { describe, it, expect, beforeEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { precache, workerSource, type PrecacheEntry } from '~/integrations/service-worker';

let dir: string;
const put = (path: string, content = path) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const f of ['index.html', 'zh/talk/index.html', 'handout/index.html', '_astro/app.abc123.js', 'favicon.svg', 'manifest.webmanifest']) put(f);
  for (const f of [
    'embed/timeline/index.html',
    'zh/embed/timeline/index.html',
    'oembed/timeline.json',
    'embed.js',
    'downloads/timeline.png',
    '_headers',
    'sw.js',
  ])
    put(f);
});

const revisionOf = (entries: PrecacheEntry[], url: string) => entries.find((e) => e.url === url)?.revision;

describe('precache', () => {
  it('lists pages by the folder URL readers ask for, and assets by path, under the base', () => {
    expect(precache(dir, '/news/').map((e) => e.url)).toEqual([
      '/news/_astro/app.abc123.js',
      '/news/favicon.svg',
      '/news/handout/',
      '/news/',
      '/news/manifest.webmanifest',
      '/news/zh/talk/',
    ]);
  });

  it('leaves out what serves other sites, the downloads, the headers file and the worker itself', () => {
    const urls = precache(dir)
      .map((e) => e.url)
      .join(' ');
    expect(urls).not.toMatch(/embed|oembed|downloads|_headers|sw\.js/);
  });

  it("changes a file's revision when its content changes, and no other file's", () => {
    const first = precache(dir);
    expect(precache(dir)).toEqual(first);
    put('handout/index.html', 'corrected');
    const second = precache(dir);
    expect(revisionOf(second, '/handout/')).not.toBe(revisionOf(first, '/handout/'));
    expect(second.filter((e) => e.url !== '/handout/')).toEqual(first.filter((e) => e.url !== '/handout/'));
  });
});

/** A minimal Cache Storage (one level of Map per cache), enough for the worker's install and activate. */
function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      keys: async () => [...store.keys()].map((url) => new Request(url)),
      put: async (key: string, response: Response) => void store.set(new URL(key, ORIGIN).href, response),
      delete: async (request: Request) => store.delete(request.url),
    };
  };
  return {
    stores,
    open,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (key: string) => [...stores.values()].find((s) => s.has(key))?.get(key),
  };
}

const ORIGIN = 'https://example.org';

/** Runs a generated worker's install then activate against `caches`; returns the paths it fetched. */
async function installAndActivate(source: string, caches: ReturnType<typeof fakeCaches>): Promise<string[]> {
  const fetched: string[] = [];
  const listeners = new Map<string, (event: unknown) => void>();
  const self = {
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  const fetch = async (url: string) => {
    fetched.push(new URL(url).pathname);
    return new Response(`body of ${url}`);
  };
  new Function('self', 'caches', 'fetch', 'location', source)(self, caches, fetch, new URL(`${ORIGIN}/sw.js`));
  for (const type of ['install', 'activate']) {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  }
  return fetched.sort();
}

describe('workerSource', () => {
  it('is valid JavaScript that precaches the list under one cache', () => {
    const source = workerSource({ entries: [{ url: '/', revision: 'r1' }], base: '/' });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain(`const CACHE = 'sold-numbers-precache'`);
    expect(source).toContain('const PRECACHE = [["/","r1"]]');
  });

  it('after a new build, downloads only the changed and new files, keeps the others and deletes the stale', async () => {
    const caches = fakeCaches();
    caches.stores.set('sold-numbers-0123456789abcdef', new Map()); // a cache of the worker before revisions
    const first = precache(dir);
    expect(await installAndActivate(workerSource({ entries: first }), caches)).toEqual(first.map((e) => e.url).sort());

    put('handout/index.html', 'corrected'); // changed
    put('_astro/app.def456.js'); // new
    put('favicon.svg', 'favicon.svg'); // rewritten, same content
    rmSync(join(dir, '_astro/app.abc123.js')); // gone
    const second = precache(dir);
    expect(await installAndActivate(workerSource({ entries: second }), caches)).toEqual(['/_astro/app.def456.js', '/handout/']);

    expect([...caches.stores.keys()]).toEqual(['sold-numbers-precache']);
    const keys = [...caches.stores.get('sold-numbers-precache')!.keys()].sort();
    expect(keys).toEqual(second.map((e) => `${ORIGIN}${e.url}?__rev=${e.revision}`).sort());
  });
});
