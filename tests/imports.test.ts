/**
 * The pipeline's direction, checked on every import in src (type imports included): data and words at
 * the bottom, then the shared chart frame, each chart's folder, the chart registry, the story, site and
 * export code built on them, and the pages on top. A module imports only from its own layer or below,
 * and no import chain comes back to where it started.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { walkFiles } from '~/site/files.mjs';

const SRC = 'src';
const files = walkFiles(SRC)
  .filter((f: string) => /\.(ts|mjs|svelte|astro)$/.test(f))
  .map((f: string) => join(SRC, f));

/** Layers, lowest first; a file's layer is the first pattern its path (under src/) matches. The folders are the layers. */
const LAYERS: [string, RegExp][] = [
  ['words and data', /^(words|data|i18n|styles)\//],
  ['chart frame', /^charts\/shared\//],
  ['a chart', /^charts\/[\w-]+\//],
  ['chart registry', /^charts\/[^/]+$/],
  ['edition, site and export', /^(edition|site|export)\//],
  ['browser scripts', /^browser\//],
  ['page pieces', /^components\//],
  ['build integrations', /^integrations\//],
  ['layouts and pages', /^(layouts|pages)\//],
];
const layerOf = (file: string) => LAYERS.findIndex(([, re]) => re.test(relative(SRC, file)));

const EXTENSIONS = ['', '.ts', '.mjs', '.svelte', '.svelte.ts', '/index.ts'];
/** The src file an import names, or undefined for packages and files outside src. */
function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('~/') ? join(SRC, spec.slice(2)) : spec.startsWith('.') ? join(dirname(from), spec) : undefined;
  if (!base) return undefined;
  return EXTENSIONS.map((e) => normalize(base + e)).find((f) => files.includes(f) && existsSync(f));
}

/** What each file imports, as written, read with TypeScript's own import scanner (scripts of .svelte and .astro files too). */
const specifiers = new Map<string, string[]>(
  files.map((f: string) => [f, ts.preProcessFile(readFileSync(f, 'utf8'), true, true).importedFiles.map((i) => i.fileName)]),
);

/** Every src file a file imports. */
const graph = new Map<string, string[]>(
  [...specifiers].map(([f, specs]) => [f, [...new Set(specs.map((spec) => resolveImport(f, spec)).filter((t): t is string => !!t))]]),
);

/** The relative imports in a file that leave src/ (the site must not depend on its tooling or its tests). */
const leavingSrc = (file: string, specs: string[]) =>
  specs.filter((spec) => spec.startsWith('.') && relative(SRC, join(dirname(file), spec)).startsWith('..')).map((spec) => `${file} imports ${spec}`);

describe('imports in src', () => {
  it('finds the files and their imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(join(SRC, 'charts/registry.ts'))).toContain(join(SRC, 'charts/timeline/definition.ts'));
  });

  it('places every file in a layer', () => {
    expect(files.filter((f: string) => layerOf(f) < 0)).toEqual([]);
  });

  it('stay inside src (packages aside)', () => {
    expect([...specifiers].flatMap(([f, specs]) => leavingSrc(f, specs))).toEqual([]);
    // The check itself sees such an import.
    expect(leavingSrc(join(SRC, 'site/paths.ts'), ['../../scripts/lib/site.mjs', './files.mjs'])).toEqual([
      `${join(SRC, 'site/paths.ts')} imports ../../scripts/lib/site.mjs`,
    ]);
  });

  it('go down the layers, never up', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} (${LAYERS[layerOf(from)]![0]}) imports ${to} (${LAYERS[layerOf(to)]![0]})`),
    );
    expect(upward).toEqual([]);
  });

  it('form no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      state.set(file, 'open');
      for (const to of graph.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
