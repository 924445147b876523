import { describe, expect, it } from 'vitest';
import {
  attr,
  budgetFailures,
  extractAssets,
  findPlotMarker,
  gz,
  pageKind,
  resolveToDist,
  staticImports,
} from '../../scripts/lib/bench.mjs';

describe('bench helpers', () => {
  it('reads quoted, unquoted and bare attributes', () => {
    expect(attr(' src="/a.js" type=module defer', 'src')).toBe('/a.js');
    expect(attr(' src="/a.js" type=module defer', 'type')).toBe('module');
    expect(attr(' src="/a.js" type=module defer', 'defer')).toBe('');
    expect(attr(' data-src="/x.js"', 'src')).toBeNull();
    expect(attr(` href='/a?b=1&amp;c=2'`, 'href')).toBe('/a?b=1&c=2');
  });

  it('extracts scripts, islands, modulepreloads and styles from HTML', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/_astro/index.css">
      <link rel="modulepreload" href="/_astro/pre.js">
      <link rel="canonical" href="https://example.com/">
      <style>body{color:red}</style>
      <script type="module" src="/_astro/page.js"></script>
      <script type="application/ld+json">{"@context":"https://schema.org"}</script>
      <script>console.log(1)</script>
    </head><body>
      <astro-island uid="1" component-url="/_astro/Chart.js" renderer-url="/_astro/client.svelte.js" ssr></astro-island>
    </body></html>`;
    const a = extractAssets(html);
    expect(a.scripts.sort()).toEqual(['/_astro/Chart.js', '/_astro/client.svelte.js', '/_astro/page.js', '/_astro/pre.js']);
    expect(a.inlineScripts).toEqual(['console.log(1)']);
    expect(a.stylesheets).toEqual(['/_astro/index.css']);
    expect(a.inlineStyles).toEqual(['body{color:red}']);
  });

  it('finds static imports in minified code but not dynamic ones', () => {
    const code = `import{a as b,c}from"./x.js";import"./side.js";export*from'./re.js';const d=()=>import("./lazy.js");import.meta.url;`;
    expect(staticImports(code).sort()).toEqual(['./re.js', './side.js', './x.js']);
    expect(staticImports(`import x, {y} from "../shared/y.js"\nimport * as ns from './ns.js'`).sort()).toEqual(['../shared/y.js', './ns.js']);
  });

  it('resolves URLs to dist-relative paths', () => {
    expect(resolveToDist('/_astro/a.js', 'index.html')).toBe('_astro/a.js');
    expect(resolveToDist('/sub/_astro/a.js?v=1', 'index.html', '/sub/')).toBe('_astro/a.js');
    expect(resolveToDist('./b.js', '_astro/a.js')).toBe('_astro/b.js');
    expect(resolveToDist('../c.js', '_astro/x/a.js')).toBe('_astro/c.js');
    expect(resolveToDist('https://cdn.example.com/a.js', 'index.html')).toBeNull();
    expect(resolveToDist('//cdn.example.com/a.js', 'index.html')).toBeNull();
    expect(resolveToDist('svelte', '_astro/a.js')).toBeNull();
  });

  it('classifies pages and applies budgets', () => {
    expect(pageKind('index.html')).toBe('story');
    expect(pageKind('zh/index.html')).toBe('story');
    expect(pageKind('zh-hant/index.html')).toBe('story');
    expect(pageKind('embed/timeline/index.html')).toBe('embed');
    expect(pageKind('zh/embed/timeline/index.html')).toBe('embed');
    expect(pageKind('talk/index.html')).toBe('other');
    expect(pageKind('404.html')).toBe('other');
    expect(budgetFailures('index.html', 40 * 1024)).toEqual([]);
    expect(budgetFailures('index.html', 40 * 1024 + 1)).toHaveLength(1);
    expect(budgetFailures('embed/map/index.html', 25 * 1024 + 1)).toHaveLength(1);
    expect(budgetFailures('talk/index.html', 10_000_000)).toEqual([]);
  });

  it('detects Observable Plot markers', () => {
    expect(findPlotMarker('function m(n){if(n===void 0)return"plot-d6a7b5"}')).toBe('plot-d6a7b5');
    expect(findPlotMarker('const x = scaleLinear().domain([0, 1]);')).toBeNull();
  });

  it('gzips', () => {
    expect(gz('a'.repeat(10_000))).toBeLessThan(100);
  });
});
