/**
 * Shared helpers for the static checks of the BUILT site (tests/build/*.test.ts). They read dist/ as
 * the server would serve it: dist/ is the site root at BASE (astro.config.mjs reads process.env.BASE),
 * absolute URLs belong to the site when they are on process.env.SITE's origin.
 *
 * HTML is parsed with linkedom, a DOM as a browser builds it (SVG content included, character
 * references decoded); html-validate checks the markup itself (html.test.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { parseHTML } from 'linkedom';
import { basePath, servedPath, walkFiles } from '~/site/files.mjs';
import { TEST_SITE } from '../../scripts/lib/site.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** dist/, or SITE_DIST=/some/dir to check another build of the same config (a private copy, say). */
export const DIST = resolve(ROOT, process.env.SITE_DIST || 'dist');

/** BASE normalised to '/' or '/a/b/'. */
export const BASE = basePath(process.env.BASE);
/** The site's own origin: SITE, as the build was made with (scripts/test-browser.mjs builds with TEST_SITE when unset). */
export const SITE_ORIGIN = new URL(process.env.SITE || TEST_SITE).origin;

/** Throws the one message a missing build deserves. Called by everything that reads dist/. */
export function requireDist(): void {
  if (!existsSync(DIST) || !statSync(DIST).isDirectory()) {
    throw new Error(`dist/ not found at ${DIST}: run astro build first (npx astro build, or npm run test:browser, which builds)`);
  }
}

/** Every file under dist/, as dist-relative posix paths. */
export function distFiles(): string[] {
  requireDist();
  return walkFiles(DIST);
}

/** Every HTML page in dist/ (whatever pages exist: story, locales, embeds, talk, 404…). */
export function htmlPages(): string[] {
  const pages = distFiles().filter((f) => f.endsWith('.html'));
  if (pages.length === 0) throw new Error(`dist/ holds no .html file: run astro build first`);
  return pages;
}

export function readDist(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}

export function distHas(path: string): boolean {
  const full = join(DIST, path);
  return existsSync(full) && statSync(full).isFile();
}

/** The URL path a page is served at: 'index.html' -> BASE, 'zh/index.html' -> BASE + 'zh/', '404.html' -> BASE + '404.html'. */
export function pagePath(page: string): string {
  return servedPath(page, BASE);
}

/** The page's full URL on the site's origin (what canonical links and og:url should say). */
export function pageUrl(page: string): URL {
  return new URL(pagePath(page), SITE_ORIGIN);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

export const htmlvalidate = new HtmlValidate({
  // "recommended" = "standard" plus stylistic rules; only rules that are wrong for this
  // site's kind of output are turned off, each with its reason.
  extends: ['html-validate:recommended'],
  rules: {
    // HTML5 allows any id without spaces. Ids here mirror data ids such as "derived-shanghai.markup",
    // and links to them (#derived-shanghai.markup) work; the default only admits [A-Za-z0-9_-].
    'valid-id': ['error', { relaxed: true }],
  },
});

const parsed = new Map<string, Document>();

/** A document parsed as a browser would, SVG content included (linkedom). */
function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The page's DOM (parsed once per page). */
export function dom(page: string): Document {
  let document = parsed.get(page);
  if (!document) {
    document = parse(readDist(page));
    parsed.set(page, document);
  }
  return document;
}

/** One element of a page, inside <svg> too: the charts are SVG full of ids, hrefs and url(#…) paint references. */
export interface Tag {
  name: string;
  /** Decoded attribute values ('' for an attribute without value). */
  attrs: Map<string, string>;
  /** Text content, for <style> and <script>. */
  text: string;
  /** Inside the element with id="sources". */
  inSources: boolean;
  /** "dist/page.html <name id="…"> (element 12)" for messages: the parser keeps no line numbers. */
  where: string;
}

const tagCache = new Map<string, Tag[]>();
/** Every element of a page, in document order. */
export function tags(page: string): Tag[] {
  const cached = tagCache.get(page);
  if (cached) return cached;
  const out = [...dom(page).querySelectorAll('*')].map((el, i): Tag => {
    const name = el.localName.toLowerCase();
    const attrs = new Map([...el.attributes].map((a) => [a.name.toLowerCase(), a.value]));
    const id = attrs.get('id');
    return {
      name,
      attrs,
      text: name === 'style' || name === 'script' ? (el.textContent ?? '') : '',
      inSources: el.closest('#sources') !== null,
      where: `dist/${page} <${name}${id ? ` id="${id}"` : ''}> (element ${i + 1})`,
    };
  });
  tagCache.set(page, out);
  return out;
}

/** Every id on the page (SVG included), plus name attributes of <a>: both are fragment targets. */
export function fragmentTargets(page: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of tags(page)) {
    const id = tag.attrs.get('id');
    if (id) ids.add(id);
    const name = tag.name === 'a' ? tag.attrs.get('name') : undefined;
    if (name) ids.add(name);
  }
  return ids;
}

/** The URLs in a srcset: "a.png 1x, b.png 2x" -> ['a.png', 'b.png']. */
export function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** url(...) references in CSS text. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim());
}

/* ------------------------------------------------------------------ */
/* Resolving URLs                                                      */
/* ------------------------------------------------------------------ */

export type Resolved =
  /** On the site's origin; `file` is dist-relative, or null with `problem` when it cannot be served. */
  | { kind: 'internal'; url: URL; file: string | null; fragment: string | null; problem?: string }
  /** http(s) on another origin (or a protocol-relative URL). */
  | { kind: 'external'; url: URL }
  /** mailto:, tel:, data:, javascript:… */
  | { kind: 'scheme'; scheme: string };

/**
 * Resolves a reference found in `fromFile` (dist-relative; a page or a CSS file) the way a browser
 * would, with the page served at BASE on SITE's origin, and maps it back to a file in dist/.
 */
export function resolveRef(ref: string, fromFile: string): Resolved {
  const trimmed = ref.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { kind: 'scheme', scheme };
  const fromUrl = fromFile.endsWith('.html') ? pageUrl(fromFile) : new URL(BASE + fromFile, SITE_ORIGIN);
  let url: URL;
  try {
    url = new URL(trimmed, fromUrl);
  } catch {
    return { kind: 'internal', url: fromUrl, file: null, fragment: null, problem: `"${trimmed}" is not a valid URL` };
  }
  if (url.origin !== SITE_ORIGIN) return { kind: 'external', url };
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'internal', url, file: null, fragment, problem: `malformed percent-encoding in "${url.pathname}"` };
  }
  if (!path.startsWith(BASE)) {
    return { kind: 'internal', url, file: null, fragment, problem: `points outside the site's base path ${BASE}` };
  }
  const rel = path.slice(BASE.length);
  if (rel === '' || rel.endsWith('/')) {
    const file = `${rel}index.html`;
    return distHas(file) ? { kind: 'internal', url, file, fragment } : { kind: 'internal', url, file: null, fragment, problem: `no dist/${file}` };
  }
  if (distHas(rel)) return { kind: 'internal', url, file: rel, fragment };
  if (distHas(`${rel}/index.html`)) {
    // trailingSlash: 'always' in astro.config.mjs: the server answers /x with a redirect or a 404.
    return { kind: 'internal', url, file: null, fragment, problem: `is a page without its trailing slash (write ${path}/)` };
  }
  return { kind: 'internal', url, file: null, fragment, problem: `no dist/${rel}` };
}

/** Ids in a non-HTML file (an SVG sprite, say), for fragment checks. */
export function idsInFile(file: string): Set<string> {
  return new Set([...parse(readDist(file)).querySelectorAll('[id]')].map((el) => el.id));
}

/** decodeURIComponent that leaves malformed escapes as they are. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** True for a string that is an absolute http(s) or protocol-relative URL. */
export const isAbsoluteHttp = (s: string): boolean => /^(?:https?:)?\/\//i.test(s.trim());

/** Fails with one readable list (no diff noise) when there are problems. */
export function assertNone(problems: string[], heading: string): void {
  if (problems.length > 0) {
    const error = new Error(`${heading}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    error.stack = error.message; // the list is the message; the stack of this helper helps no one
    throw error;
  }
}
