/**
 * Shared helpers for the static checks of the BUILT site (tests/site/*.test.ts). They read dist/ as
 * the server would serve it: dist/ is the site root at BASE (astro.config.mjs reads process.env.BASE),
 * absolute URLs belong to the site when they are on process.env.SITE's origin.
 *
 * HTML is parsed with html-validate's own parser (already a devDependency), which gives a small DOM:
 * querySelectorAll, closest, attributes with line and column; it keeps nothing inside <svg>, so a
 * small tag scanner reads the charts' SVG (see tags()). No new dependency.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';
import { TEST_SITE } from '../../scripts/lib/site.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** dist/, or SITE_DIST=/some/dir to check another build of the same config (a private copy, say). */
export const DIST = resolve(ROOT, process.env.SITE_DIST || 'dist');

/** BASE normalised to '/' or '/a/b/' (same rule as playwright.config.ts). */
export const BASE = `/${(process.env.BASE || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
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
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [relative(DIST, join(dir, e.name)).split(sep).join('/')],
    );
  return walk(DIST).sort();
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
  return BASE + page.replace(/(^|\/)index\.html$/, '$1');
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

let parser: Parser | undefined;
const parsed = new Map<string, HtmlElement>();

/** The page's DOM (parsed once per page). */
export async function dom(page: string): Promise<HtmlElement> {
  let root = parsed.get(page);
  if (!root) {
    parser ??= new Parser(await htmlvalidate.getConfigFor('page.html'));
    root = parser.parseHtml({ data: readDist(page), filename: `dist/${page}`, line: 1, column: 1, offset: 0 });
    parsed.set(page, root);
  }
  return root;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Decodes the character references html-validate leaves in attribute values. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return NAMED[ref.toLowerCase()] ?? all;
  });
}

/** A static attribute's decoded value, or null when absent (an attribute without value is ''). */
export function attr(el: HtmlElement, name: string): string | null {
  const a = el.getAttribute(name);
  if (!a) return null;
  return typeof a.value === 'string' ? decodeEntities(a.value) : a.value === null ? '' : null;
}

/** "dist/zh/index.html:12:40 <a>" for messages. */
export function where(el: HtmlElement): string {
  return `${el.location.filename}:${el.location.line}:${el.location.column} <${el.tagName}>`;
}

/**
 * One start tag of a page, from the DOM or from inside an <svg>. html-validate's parser treats SVG
 * as foreign content and keeps none of its children, yet the charts are SVG full of ids, hrefs and
 * url(#…) paint references; so the inside of each <svg> is read with a small tag scanner.
 */
export interface Tag {
  name: string;
  /** Decoded attribute values ('' for an attribute without value). */
  attrs: Map<string, string>;
  /** Text content, for <style> and <script>. */
  text: string;
  /** Inside the element with id="sources". */
  inSources: boolean;
  /** "dist/page.html:line:column <name>" */
  where: string;
}

const TAG = /<([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function lineColumn(html: string): (offset: number) => string {
  const starts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - starts[lo]! + 1}`;
  };
}

/** Start tags strictly inside the <svg> element whose '<' is at `start`; stops at its </svg>. */
function svgInside(html: string, start: number, file: string, inSources: boolean, at: (o: number) => string): Tag[] {
  const tags: Tag[] = [];
  let depth = 0;
  let i = start;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html.startsWith('</', lt)) {
      const name = /^<\/([\w:.-]+)/.exec(html.slice(lt, lt + 40))?.[1]?.toLowerCase();
      if (name === 'svg' && --depth === 0) break;
      i = lt + 2;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      i = lt + 1;
      continue;
    }
    const name = m[1]!.toLowerCase();
    i = TAG.lastIndex;
    if (name === 'svg') depth++;
    if (lt === start) continue; // the <svg> itself is in the DOM already
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(ATTRIBUTE)) attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    let text = '';
    if ((name === 'style' || name === 'script') && !m[0].endsWith('/>')) {
      const close = html.indexOf(`</${name}`, i);
      text = html.slice(i, close === -1 ? html.length : close);
      i = close === -1 ? html.length : close;
    }
    tags.push({ name, attrs, text, inSources, where: `dist/${file}:${at(lt)} <${name}>` });
  }
  return tags;
}

const tagCache = new Map<string, Tag[]>();
/** Every start tag of a page, in document order within the DOM and within each <svg>. */
export async function tags(page: string): Promise<Tag[]> {
  const cached = tagCache.get(page);
  if (cached) return cached;
  const root = await dom(page);
  const html = readDist(page);
  const at = lineColumn(html);
  const out: Tag[] = [];
  for (const el of root.querySelectorAll('*')) {
    const attrs = new Map<string, string>();
    for (const a of el.attributes) {
      if (typeof a.value === 'string') attrs.set(a.key.toLowerCase(), decodeEntities(a.value));
      else if (a.value === null) attrs.set(a.key.toLowerCase(), '');
    }
    const inSources = el.closest('#sources') !== null;
    out.push({ name: el.tagName.toLowerCase(), attrs, text: el.is('style') || el.is('script') ? el.textContent : '', inSources, where: where(el) });
    if (el.is('svg')) out.push(...svgInside(html, html.lastIndexOf('<', el.location.offset), page, inSources, at));
  }
  tagCache.set(page, out);
  return out;
}

/** Every id on the page (SVG included), plus name attributes of <a>: both are fragment targets. */
export async function fragmentTargets(page: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const tag of await tags(page)) {
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
  return new Set([...readDist(file).matchAll(/\sid\s*=\s*["']([^"']+)["']/g)].map((m) => decodeEntities(m[1] ?? '')));
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
