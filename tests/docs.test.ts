/**
 * The comments and the README stay true about where things are: every path to a file or folder in src/,
 * scripts/ or tests/ that a comment (in src, scripts or tests) or README.md names exists. A placeholder
 * in angle brackets (`src/charts/<chart>/`) or a `*` stands for any one name; `~/x` is `src/x`, and a
 * module named without its extension is found with any of the extensions imports leave out.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '~/site/files.mjs';

const ROOTS = ['src', 'scripts', 'tests'];
const everything: string[] = ROOTS.flatMap((root) => walkFiles(root).map((f: string) => `${root}/${f}`));
const folders = new Set(
  everything.flatMap((f) =>
    f
      .split('/')
      .slice(1)
      .map((_, i, parts) => [f.split('/')[0], ...parts.slice(0, i)].join('/')),
  ),
);
const paths = [...everything, ...folders];

/** Comments: block, line and HTML ones. */
const comments = (source: string) => source.match(/\/\*[\s\S]*?\*\/|(?<![:'"`\w])\/\/[^\n]*|<!--[\s\S]*?-->/g) ?? [];

/** The paths a text names: src/…, scripts/…, tests/… or ~/…, as written. */
function named(text: string): string[] {
  const found = text.match(/(?<![\w./~@-])(?:~\/|(?:src|scripts|tests)\/)[\w./<>*[\]-]*[\w>*\]/]/g) ?? [];
  return found.map((p) => (p.startsWith('~/') ? `src/${p.slice(2)}` : p));
}

/** Files named by their name alone (`frame.ts`, `integrations/service-worker.ts`): the name must end some path in the repository. */
function namedFiles(text: string): string[] {
  return (text.match(/(?<![\w./~@/>-])(?:[\w-]+\/)*[\w-]+(?:\.[\w-]+)*\.(?:ts|mjs|svelte|astro|css)\b/g) ?? []).filter(
    (name) => !/^(src|scripts|tests|dist)\//.test(name),
  );
}
const repository = [...paths, ...walkFiles('.').filter((f: string) => !/^(node_modules|dist|\.git)\//.test(f))];
const fileExists = (name: string) => repository.some((p) => p === name || p.endsWith(`/${name}`));

const EXTENSIONS = ['', '.ts', '.mjs', '.js', '.svelte', '.svelte.ts', '/index.ts'];

function exists(path: string): boolean {
  const clean = path.replace(/\/$/, '');
  if (!/[<>*]/.test(clean)) return EXTENSIONS.some((e) => existsSync(clean + e));
  const pattern = new RegExp(
    `^${clean
      .split(/(<[^>]*>|\*)/)
      .map((part) => (part === '*' || part.startsWith('<') ? '[^/]+' : part.replace(/[.[\]()+?^$|\\{}]/g, '\\$&')))
      .join('')}(${EXTENSIONS.map((e) => e.replace(/\./g, '\\.')).join('|')})$`,
  );
  return paths.some((p) => pattern.test(p));
}

describe('paths named in comments and the README', () => {
  it('all exist', () => {
    const sources = everything.filter((f) => /\.(ts|mts|mjs|js|svelte|astro|css)$/.test(f) && f !== 'tests/docs.test.ts');
    const texts = [
      { where: 'README.md', names: named(readFileSync('README.md', 'utf8')) },
      ...sources.map((f) => ({ where: f, names: comments(readFileSync(f, 'utf8')).flatMap(named) })),
    ];
    const missing = texts.flatMap(({ where, names }) => names.filter((p) => !exists(p)).map((p) => `${where}: ${p}`));
    expect(missing).toEqual([]);
  });

  it('all exist when named by the file name alone', () => {
    const sources = everything.filter((f) => /\.(ts|mts|mjs|js|svelte|astro|css)$/.test(f) && f !== 'tests/docs.test.ts');
    const texts = [
      { where: 'README.md', names: namedFiles(readFileSync('README.md', 'utf8')) },
      ...sources.map((f) => ({ where: f, names: comments(readFileSync(f, 'utf8')).flatMap(namedFiles) })),
    ];
    const missing = texts.flatMap(({ where, names }) => names.filter((p) => !fileExists(p)).map((p) => `${where}: ${p}`));
    expect(missing).toEqual([]);
  });

  it('finds paths in every kind of comment, with placeholders', () => {
    expect(comments('a // see src/x.ts\n/* and tests/y */ <!-- scripts/z --> "https://e.org/src/q"')).toEqual([
      '// see src/x.ts',
      '/* and tests/y */',
      '<!-- scripts/z -->',
    ]);
    expect(named('`~/i18n/format` and src/charts/<chart>/render.ts, (src/words/ui/*.json).')).toEqual([
      'src/i18n/format',
      'src/charts/<chart>/render.ts',
      'src/words/ui/*.json',
    ]);
    expect(exists('src/i18n/format')).toBe(true);
    expect(exists('src/charts/<chart>/render.ts')).toBe(true);
    expect(exists('src/pages/[...lang]/index.astro')).toBe(true);
    expect(exists('src/lib/format')).toBe(false);
    expect(exists('src/charts/<chart>/figure.ts')).toBe(false);
    expect(existsSync(join('tests', 'docs.test.ts'))).toBe(true);
  });
});
