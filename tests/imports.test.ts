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
import { walkFiles } from '../scripts/lib/paths.mjs';

const SRC = 'src';
const files = walkFiles(SRC)
  .filter((f: string) => /\.(ts|svelte|astro)$/.test(f))
  .map((f: string) => join(SRC, f));

/** Layers, lowest first; a file's layer is the first pattern its path (under src/) matches. */
const LAYERS: [string, RegExp][] = [
  ['data and words', /^(lib\/data|lib\/i18n|i18n|story|styles)\//],
  ['chart frame', /^charts\/shared\//],
  ['a chart', /^charts\/[\w-]+\//],
  ['chart registry', /^charts\/[^/]+$/],
  ['story, site and export', /^lib\/(story|site|export)\//],
  ['pages and page pieces', /^(components|layouts|pages|scripts|integrations)\//],
];
const layerOf = (file: string) => LAYERS.findIndex(([, re]) => re.test(relative(SRC, file)));

const EXTENSIONS = ['', '.ts', '.svelte', '.svelte.ts', '/index.ts'];
/** The src file an import names, or undefined for packages and files outside src. */
function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('~/') ? join(SRC, spec.slice(2)) : spec.startsWith('.') ? join(dirname(from), spec) : undefined;
  if (!base) return undefined;
  return EXTENSIONS.map((e) => normalize(base + e)).find((f) => files.includes(f) && existsSync(f));
}

/** Every src file a file imports, read with TypeScript's own import scanner (scripts of .svelte and .astro files too). */
const graph = new Map<string, string[]>(
  files.map((f: string) => {
    const imports = ts.preProcessFile(readFileSync(f, 'utf8'), true, true).importedFiles.map((i) => i.fileName);
    return [f, [...new Set(imports.map((spec) => resolveImport(f, spec)).filter((t): t is string => !!t))]];
  }),
);

describe('imports in src', () => {
  it('finds the files and their imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(join(SRC, 'charts/registry.ts'))).toContain(join(SRC, 'charts/timeline/model.ts'));
  });

  it('places every file in a layer', () => {
    expect(files.filter((f: string) => layerOf(f) < 0)).toEqual([]);
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
