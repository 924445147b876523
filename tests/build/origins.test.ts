/**
 * The site makes no request to another origin (README: no web fonts, analytics or third-party
 * scripts), and writes no absolute URL where a relative one belongs (an absolute URL on SITE would
 * break a preview or a copy served elsewhere). Allowed:
 *   - links (<a href>) inside #sources, to the reports the story cites;
 *   - <link rel="canonical"> and <link rel="alternate"> (hreflang, oEmbed), og:* and twitter:* meta,
 *     and JSON-LD, which must be absolute and must point to the site's own origin (SITE).
 */
import { describe, it } from 'vitest';
import { SITE_ORIGIN, assertNone, cssUrls, distFiles, htmlPages, isAbsoluteHttp, readDist, srcsetUrls, tags, type Tag } from './dist';

/** Attributes that hold URLs the browser fetches or navigates to (data-* are checked separately). */
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'poster', 'action', 'formaction', 'component-url', 'renderer-url', 'before-hydration-url'];
const SRCSET_ATTRIBUTES = ['srcset', 'imagesrcset'];
/** JSON-LD keys whose URLs name something other than a page of ours: the vocabulary, and cited sources. */
const JSON_LD_FOREIGN_KEYS = new Set(['@context', 'citation', 'isBasedOn']);

const ownOrigin = (url: string) => {
  try {
    return new URL(url).origin === SITE_ORIGIN;
  } catch {
    return false;
  }
};

function isSelfLink(tag: Tag): boolean {
  if (tag.name !== 'link') return false;
  const rel = (tag.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
  return rel.includes('canonical') || rel.includes('alternate');
}

/** Absolute URLs in a JSON-LD value, with their key path, skipping JSON_LD_FOREIGN_KEYS. */
function jsonLdUrls(value: unknown, path = '$'): { path: string; url: string }[] {
  if (typeof value === 'string') return isAbsoluteHttp(value) ? [{ path, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonLdUrls(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (JSON_LD_FOREIGN_KEYS.has(k) ? [] : jsonLdUrls(v, `${path}.${k}`)));
  }
  return [];
}

const pages = htmlPages();
const cssFiles = distFiles().filter((f) => f.endsWith('.css'));

describe('no reference to another origin', () => {
  it.each(pages)('%s', (page) => {
    const problems: string[] = [];
    const report = (tag: Tag, what: string, why: string) => problems.push(`${tag.where} ${what}: ${why}`);

    for (const tag of tags(page)) {
      const get = (name: string) => tag.attrs.get(name) ?? '';
      const urls: { name: string; url: string }[] = [];
      for (const name of URL_ATTRIBUTES) if (get(name)) urls.push({ name, url: get(name) });
      for (const name of SRCSET_ATTRIBUTES) for (const url of srcsetUrls(get(name))) urls.push({ name, url });
      if (tag.name === 'object') urls.push({ name: 'data', url: get('data') });
      for (const [name, url] of tag.attrs) if (name.startsWith('data-')) urls.push({ name, url });

      for (const { name, url } of urls) {
        if (!isAbsoluteHttp(url)) continue;
        const what = `${name}="${url}"`;
        if (isSelfLink(tag) && name === 'href') {
          if (!ownOrigin(url)) report(tag, what, `must point to the site's own origin ${SITE_ORIGIN}`);
        } else if (tag.name === 'a' && name === 'href' && tag.inSources) {
          // a cited report: fine
        } else if (tag.name === 'a' && (name === 'href' || name === 'xlink:href')) {
          report(
            tag,
            what,
            ownOrigin(url)
              ? 'absolute link to our own page; use a relative URL (BASE-safe, works in preview)'
              : 'link to another site outside #sources (only #sources links out)',
          );
        } else {
          report(tag, what, ownOrigin(url) ? 'absolute URL to our own origin; use a relative one (BASE-safe, works in preview)' : 'loads from another origin');
        }
      }

      const css = ['style', 'fill', 'stroke', 'clip-path', 'mask', 'filter'].map((name) => ({ what: name, value: get(name) }));
      if (tag.name === 'style') css.push({ what: '<style>', value: tag.text });
      for (const { what, value } of css) {
        for (const url of cssUrls(value)) if (isAbsoluteHttp(url)) report(tag, `${what} url(${url})`, 'CSS from another origin');
        for (const m of value.matchAll(/@import\s+["']([^"']+)["']/g))
          if (isAbsoluteHttp(m[1] ?? '')) report(tag, `${what} @import ${m[1]}`, 'CSS from another origin');
      }

      if (tag.name === 'meta') {
        const key = get('property') || get('name') || get('http-equiv');
        const content = get('content');
        for (const url of content.match(/(?:https?:)?\/\/[^\s"';,]+/gi) ?? []) {
          if (/^(og|twitter):/i.test(key)) {
            if (!ownOrigin(url)) report(tag, `${key}="${url}"`, `must point to the site's own origin ${SITE_ORIGIN}`);
          } else report(tag, `meta ${key}="${content}"`, 'URL in a meta tag that is not og:* or twitter:*');
        }
      }

      if (tag.name === 'script' && get('type').toLowerCase() === 'application/ld+json') {
        let json: unknown;
        try {
          json = JSON.parse(tag.text);
        } catch (e) {
          report(tag, 'JSON-LD', `does not parse: ${(e as Error).message}`);
          continue;
        }
        for (const { path, url } of jsonLdUrls(json)) {
          if (!ownOrigin(url)) report(tag, `JSON-LD ${path}="${url}"`, `must point to the site's own origin ${SITE_ORIGIN}`);
        }
      }
    }
    assertNone(problems, `references to another origin (or absolute URLs) in dist/${page}`);
  });

  it.runIf(cssFiles.length > 0).each(cssFiles)('%s', (file) => {
    const css = readDist(file);
    const urls = [...cssUrls(css), ...[...css.matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => m[1] ?? '')];
    const foreign = urls.filter(isAbsoluteHttp);
    assertNone(
      foreign.map((u) => `url(${u}) loads from another origin`),
      `dist/${file}`,
    );
  });
});
