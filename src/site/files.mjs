/**
 * Two idioms every build script, integration and test needs, written once. Plain JavaScript (typed
 * with JSDoc) so Node runs it as is from scripts/, and TypeScript imports it from src/ and tests/.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under dir, as posix paths relative to it, sorted.
 * @param {string} dir
 * @returns {string[]}
 */
export function walkFiles(dir) {
  /** @param {string} d @returns {string[]} */
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))]));
  return walk(dir)
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/**
 * A base path as Astro serves it: '/' or '/a/b/', whatever slashes BASE was given with.
 * @param {string | undefined} base
 * @returns {string}
 */
export function basePath(base = '/') {
  const inner = base.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/**
 * The URL path, under base, at which a built file is served: a page by its folder
 * ('zh/talk/index.html' -> '/zh/talk/'), anything else by its own name.
 * @param {string} file a posix path relative to dist/
 * @param {string} [base]
 * @returns {string}
 */
export function servedPath(file, base = '/') {
  return basePath(base) + file.replace(/(^|\/)index\.html$/, '$1');
}
