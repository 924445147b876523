/**
 * Every internal link, anchor and asset reference in the built site resolves to a file in dist/,
 * and every #fragment to an id (or <a name>) in its target page. URLs resolve against the page's
 * URL at BASE on SITE's origin, as a browser would. References to other origins are checked in
 * origins.test.ts, not here.
 */
import { describe, it } from 'vitest';
import { resolveToDist, staticImports } from '../../scripts/lib/bench.mjs';
import {
  BASE,
  assertNone,
  cssUrls,
  distFiles,
  distHas,
  fragmentTargets,
  htmlPages,
  idsInFile,
  readDist,
  resolveRef,
  safeDecode,
  srcsetUrls,
  tags,
  type Tag,
} from './dist';

/** Attributes whose value is one URL (on any element: a, link, script, img, source, use, iframe, …). */
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'poster', 'action', 'formaction', 'component-url', 'renderer-url', 'before-hydration-url'];
/** Attributes whose value is a list of URLs with descriptors. */
const SRCSET_ATTRIBUTES = ['srcset', 'imagesrcset'];
/** SVG presentation attributes that take url(#id), plus inline style. */
const CSS_URL_ATTRIBUTES = ['fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'style'];

interface Ref {
  name: string;
  url: string;
}

function refsOf(tag: Tag): Ref[] {
  const refs: Ref[] = [];
  for (const name of URL_ATTRIBUTES) {
    const url = tag.attrs.get(name);
    if (url !== undefined && url.trim() !== '') refs.push({ name, url });
  }
  for (const name of SRCSET_ATTRIBUTES) {
    for (const url of srcsetUrls(tag.attrs.get(name) ?? '')) refs.push({ name, url });
  }
  const data = tag.name === 'object' ? tag.attrs.get('data') : undefined;
  if (data) refs.push({ name: 'data', url: data });
  // og:url, og:image, twitter:image…: absolute by necessity; on our origin they must exist too.
  const key = tag.name === 'meta' ? (tag.attrs.get('property') ?? tag.attrs.get('name') ?? '') : '';
  const content = tag.attrs.get('content') ?? '';
  if (/^(og|twitter):/i.test(key) && /^https?:\/\//i.test(content)) refs.push({ name: key, url: content });
  // JSON-LD: every absolute URL but the vocabulary (@context); those on our origin must exist.
  if (tag.name === 'script' && (tag.attrs.get('type') ?? '').toLowerCase() === 'application/ld+json') {
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'string' && /^https?:\/\//i.test(v)) refs.push({ name: `JSON-LD ${path}`, url: v });
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== '@context') walk(x, `${path}.${k}`);
    };
    try {
      walk(JSON.parse(tag.text), '$');
    } catch {
      // origins.test.ts reports JSON-LD that does not parse
    }
  }
  return refs;
}

/** Problems with one reference from `from` (a dist-relative page or CSS file), or [] when it resolves. */
function check(url: string, from: string, pageIds?: Set<string>): string[] {
  if (/#$/.test(url.trim())) return ['links to an empty fragment "#" (nothing to go to)'];
  // Same-page fragments are checked against the page itself (fast, and right under any BASE).
  if (url.startsWith('#') && pageIds) {
    const fragment = safeDecode(url.slice(1));
    return fragmentOk(fragment, pageIds) ? [] : [`no element with id "${fragment}" on this page`];
  }
  const resolved = resolveRef(url, from);
  if (resolved.kind === 'scheme') return resolved.scheme === 'javascript' ? ['javascript: URL'] : [];
  if (resolved.kind === 'external') return [];
  if (resolved.file === null) return [`${resolved.url.pathname}: ${resolved.problem}`];
  if (resolved.fragment === null || resolved.fragment.startsWith(':~:')) return [];
  let ids: Set<string> | null = null;
  if (resolved.file.endsWith('.html')) ids = fragmentTargets(resolved.file);
  else if (resolved.file.endsWith('.svg')) ids = idsInFile(resolved.file);
  if (ids && !fragmentOk(resolved.fragment, ids)) return [`no element with id "${resolved.fragment}" in dist/${resolved.file}`];
  return [];
}

/** "#top" scrolls to the top without an element (HTML spec); anything else needs its target. */
const fragmentOk = (fragment: string, ids: Set<string>) => ids.has(fragment) || fragment.toLowerCase() === 'top';

const pages = htmlPages();
const cssFiles = distFiles().filter((f) => f.endsWith('.css'));
const jsFiles = distFiles().filter((f) => /\.m?js$/.test(f));

describe('internal references resolve', () => {
  it.each(pages)('%s: links, assets, islands and #fragments', (page) => {
    const ids = fragmentTargets(page);
    const problems: string[] = [];
    for (const tag of tags(page)) {
      for (const { name, url } of refsOf(tag)) {
        for (const p of check(url, page, ids)) problems.push(`${tag.where} ${name}="${url}": ${p}`);
      }
      const css = [
        ...CSS_URL_ATTRIBUTES.map((name) => ({ what: name, value: tag.attrs.get(name) ?? '' })),
        { what: '<style>', value: tag.name === 'style' ? tag.text : '' },
      ];
      for (const { what, value } of css) {
        for (const url of cssUrls(value)) {
          if (url.startsWith('data:')) continue;
          for (const p of check(url, page, ids)) problems.push(`${tag.where} ${what} url(${url}): ${p}`);
        }
      }
    }
    assertNone(problems, `broken references in dist/${page}`);
  });

  it.runIf(cssFiles.length > 0).each(cssFiles)('%s: url() and @import', (file) => {
    const css = readDist(file);
    const urls = [...cssUrls(css), ...[...css.matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => m[1] ?? '')];
    const problems: string[] = [];
    for (const url of urls) {
      if (!url || url.startsWith('data:') || url.startsWith('#')) continue;
      for (const p of check(url, file)) problems.push(`dist/${file} url(${url}): ${p}`);
    }
    assertNone(problems, `broken references in dist/${file}`);
  });

  it('every static import between client JS chunks resolves', () => {
    const problems: string[] = [];
    for (const file of jsFiles) {
      for (const spec of staticImports(readDist(file))) {
        const path = resolveToDist(spec, file, BASE);
        if (path === null) problems.push(`dist/${file}: import "${spec}" is not a file of this site (bare specifier or another origin)`);
        else if (!distHas(path)) problems.push(`dist/${file}: import "${spec}" -> dist/${path} does not exist`);
      }
    }
    assertNone(problems, 'broken imports between client JS chunks');
  });
});
