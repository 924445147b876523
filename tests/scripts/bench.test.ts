import { describe, expect, it } from 'vitest';
import {
  attr,
  budgetFailures,
  extractAssets,
  gz,
  imageRefs,
  chartIslandProps,
  islandData,
  islandPropsFailures,
  islandProps,
  lighthouseFailures,
  lighthouseTargets,
  pageKind,
  resolveToDist,
  staticImports,
  summarizeLhr,
} from '../../scripts/lib/bench.mjs';
import { buildTimeByKind, buildTimeFailures, routeKind, routeTimings } from '../../scripts/lib/build-time.mjs';

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
    expect(pageKind('talk/index.html')).toBe('talk');
    expect(pageKind('fr/talk/index.html')).toBe('talk');
    expect(pageKind('handout/index.html')).toBe('other');
    expect(pageKind('404.html')).toBe('other');
    expect(budgetFailures('index.html', 30 * 1024)).toEqual([]);
    expect(budgetFailures('index.html', 30 * 1024 + 1)).toEqual(['index.html: client JS 30.0 KB gz > story budget 30 KB']);
    expect(budgetFailures('embed/map/index.html', 20 * 1024)).toEqual([]);
    expect(budgetFailures('embed/map/index.html', 20 * 1024 + 1)).toEqual(['embed/map/index.html: client JS 20.0 KB gz > embed budget 20 KB']);
    expect(budgetFailures('handout/index.html', 10_000_000, 10_000_000)).toEqual([]);
    expect(budgetFailures('zh/talk/index.html', 25 * 1024, 120 * 1024)).toEqual([]);
    expect(budgetFailures('zh/talk/index.html', 25 * 1024 + 1, 120 * 1024 + 1)).toEqual([
      'zh/talk/index.html: client JS 25.0 KB gz > talk budget 25 KB',
      'zh/talk/index.html: HTML 120.0 KB gz > talk budget 120 KB',
    ]);
    expect(budgetFailures('zh/index.html', 1024, 80 * 1024)).toEqual([]);
    expect(budgetFailures('zh/index.html', 1024, 80 * 1024 + 1)).toEqual(['zh/index.html: HTML 80.0 KB gz > story budget 80 KB']);
    expect(budgetFailures('embed/timeline/index.html', 1024, 500 * 1024)).toEqual([]);
  });

  it('gzips', () => {
    expect(gz('a'.repeat(10_000))).toBeLessThan(100);
  });

  it('finds the images a page loads and its island props', () => {
    const html = `<head><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/a.css"></head>
      <img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x"><picture><source srcset="/b.webp" type="image/webp"><source src="/v.mp4" type="video/mp4"></picture>
      <svg><image href="/c.svg"/></svg><video poster="/p.jpg"></video>
      <astro-island uid="1" props="{&quot;a&quot;:[0,1]}" ssr></astro-island><astro-island uid="2"></astro-island>`;
    expect(imageRefs(html).sort()).toEqual(['/a.png', '/a@2x.png', '/b.webp', '/c.svg', '/favicon.svg', '/p.jpg']);
    expect(islandProps(html)).toEqual(['{&quot;a&quot;:[0,1]}']);
    expect(islandData(html)).toEqual({ islands: 1, raw: 21, gz: gz('{&quot;a&quot;:[0,1]}') });
    expect(islandData('<astro-island uid="1"></astro-island>')).toEqual({ islands: 0, raw: 0, gz: 0 });
    const two = islandData(`${html}<astro-island props="{&quot;b&quot;:[0,&quot;é&quot;]}"></astro-island>`);
    expect(two.islands).toBe(2);
    expect(two.raw).toBe(21 + 34); // bytes, not characters: é is two
  });

  it('picks the Lighthouse pages that exist, at the root and in each locale folder', () => {
    const pages = [
      'index.html',
      'embed/resale-flow/index.html',
      'embed/timeline/index.html',
      'zh/index.html',
      'zh/talk/index.html',
      'fr/index.html',
      'talk/index.html',
      '404.html',
    ];
    expect(lighthouseTargets(pages)).toEqual([
      'index.html',
      'embed/resale-flow/index.html',
      'talk/index.html',
      'fr/index.html',
      'zh/index.html',
      'zh/talk/index.html',
    ]);
    expect(lighthouseTargets(['index.html'])).toEqual(['index.html']);
  });

  it('summarises a Lighthouse result and applies the budgets', () => {
    const category = (score: number, ids: string[]) => ({ score, auditRefs: ids.map((id) => ({ id, weight: 1 })) });
    const lhr = {
      lighthouseVersion: '12.8.2',
      configSettings: { formFactor: 'mobile' },
      categories: {
        performance: category(0.94, ['largest-contentful-paint']),
        accessibility: category(1, []),
        'best-practices': category(1, []),
        seo: category(0.9, ['canonical']),
      },
      audits: {
        'largest-contentful-paint': { title: 'LCP', score: 0.8, numericValue: 2600, displayValue: '2.6 s' },
        'total-blocking-time': { numericValue: 10 },
        'cumulative-layout-shift': { numericValue: 0.01 },
        canonical: { title: 'Canonical', score: 0, explanation: 'Points to the root' },
        'layout-shifts': { details: { items: [{ score: 0.01, node: { selector: 'div.x', snippet: '<div class="x">' } }] } },
      },
    };
    const s = summarizeLhr(lhr);
    expect(s.scores).toEqual({ performance: 0.94, accessibility: 1, 'best-practices': 1, seo: 0.9 });
    expect([s.lcpMs, s.tbtMs, s.cls]).toEqual([2600, 10, 0.01]);
    expect(s.failedAudits.map((a: { id: string }) => a.id)).toEqual(['largest-contentful-paint', 'canonical']);
    expect(s.layoutShifts).toEqual([{ score: 0.01, node: 'div.x', snippet: '<div class="x">' }]);
    const failures = lighthouseFailures('index.html', s);
    expect(failures).toHaveLength(3);
    expect(failures.join('\n')).toMatch(/performance 0\.94 < 0\.95[\s\S]*seo 0\.90 < 1\.00[\s\S]*CLS 0\.0100 > 0/);
    const perfect = summarizeLhr({
      ...lhr,
      categories: { performance: category(0.95, []), accessibility: category(1, []), 'best-practices': category(1, []), seo: category(1, []) },
      audits: { 'cumulative-layout-shift': { numericValue: 0 } },
    });
    expect(lighthouseFailures('index.html', perfect)).toEqual([]);
    expect(lighthouseFailures('x', summarizeLhr({ runtimeError: { message: '404' } }))).toEqual(['x: Lighthouse could not audit the page: 404']);
    // An embed is noindex with its canonical on the story by design: only its other SEO audits count.
    expect(lighthouseFailures('embed/timeline/index.html', s).join('\n')).not.toMatch(/seo/);
    const embedWithBadLinks = { ...s, failedAudits: [...s.failedAudits, { category: 'seo', id: 'link-text' }] };
    expect(lighthouseFailures('embed/timeline/index.html', embedWithBadLinks as never).join('\n')).toMatch(/seo audit link-text failed/);
  });
});

describe('island props per chart', () => {
  it("finds each chart island's props, as the browser reads them, and the chart by the figure it holds", () => {
    const html = `<astro-island uid="1" props="{&quot;steps&quot;:[0,5],&quot;t&quot;:[0,&quot;&lt;é&amp;&quot;]}" ssr><div><figure id="x" data-chart="resale-flow"></figure></div></astro-island>
      <astro-island uid="2" props="{}"><p>no chart</p></astro-island><astro-island uid="3"><figure data-chart="timeline"></figure></astro-island>
      <astro-island uid="4" props="{}"><figure data-chart="timeline"></figure><figure data-chart="network-map"></figure></astro-island>`;
    expect(chartIslandProps(html)).toEqual([{ chart: 'resale-flow', raw: Buffer.byteLength('{"steps":[0,5],"t":[0,"<é&"]}') }]);
  });

  it('fails a chart island over 6 KB', () => {
    expect(islandPropsFailures('zh/index.html', [{ chart: 'timeline', raw: 6 * 1024 }])).toEqual([]);
    expect(islandPropsFailures('zh/index.html', [{ chart: 'timeline', raw: 6 * 1024 + 1 }])).toEqual([
      "zh/index.html: the timeline island's props 6.0 KB > 6 KB",
    ]);
  });
});

describe('build time per kind of route', () => {
  // As Astro prints it, colour codes and all.
  const log = [
    ' generating static routes ',
    '\u001b[2m08:20:15\u001b[22m \u001b[34mλ\u001b[39m src/pages/[...lang]/downloads/[file].ts',
    '08:20:15   ├─ /downloads/resale-flow.svg/ \u001b[2m(+351ms)\u001b[22m ',
    '08:20:15   ├─ /downloads/resale-flow.png/ (+984ms) ',
    '08:20:16   ├─ /zh/downloads/resale-flow@2x.png/ (+1.85s) ',
    '08:20:17   ├─ /fr/downloads/resale-flow.csv/ (+37ms) ',
    '08:20:17   ├─ /downloads/resale-flow-card.png/ (+1.80s) ',
    '08:20:28   └─ /fr/downloads/story-card.png/ (+406ms) ',
    '08:20:39 ▶ src/pages/[...lang]/index.astro',
    '08:20:39   ├─ /index.html (+33ms) ',
    '08:20:39   ├─ /zh/index.html (+36ms) ',
    '08:20:39   ├─ /fr/embed/timeline/index.html (+20ms) ',
    '08:20:39   ├─ /zh/talk/index.html (+37ms) ',
    '08:20:39   ├─ /handout/index.html (+15ms) ',
    '08:20:39   └─ /embed.js (+1ms) ',
    '08:20:39 [build] 18 page(s) built in 37.04s',
  ].join('\n');

  it('reads each route and its time from the build log, in ms', () => {
    const timings = routeTimings(log);
    expect(timings).toHaveLength(12);
    expect(timings[0]).toEqual({ route: '/downloads/resale-flow.svg/', ms: 351 });
    expect(timings[2]).toEqual({ route: '/zh/downloads/resale-flow@2x.png/', ms: 1850 });
    expect(timings.at(-1)).toEqual({ route: '/embed.js', ms: 1 });
  });

  it('sorts routes into kinds, cards apart from the other PNGs', () => {
    const kinds = Object.fromEntries(
      [
        '/downloads/timeline.png/',
        '/zh/downloads/timeline@2x.png/',
        '/fr/downloads/story-card.png/',
        '/downloads/network-map-card.png/',
        '/downloads/a.svg/',
        '/zh/downloads/a.csv/',
        '/fr/embed/timeline/index.html',
        '/talk/index.html',
        '/zh/handout/index.html',
        '/index.html',
        '/fr/index.html',
        '/embed.js',
      ].map((r) => [r, routeKind(r).kind]),
    );
    expect(kinds).toEqual({
      '/downloads/timeline.png/': 'downloads PNG',
      '/zh/downloads/timeline@2x.png/': 'downloads PNG',
      '/fr/downloads/story-card.png/': 'social cards (PNG)',
      '/downloads/network-map-card.png/': 'social cards (PNG)',
      '/downloads/a.svg/': 'downloads SVG',
      '/zh/downloads/a.csv/': 'downloads CSV',
      '/fr/embed/timeline/index.html': 'embeds',
      '/talk/index.html': 'talk',
      '/zh/handout/index.html': 'handout',
      '/index.html': 'story pages',
      '/fr/index.html': 'story pages',
      '/embed.js': 'other',
    });
  });

  it('adds up each kind and the PNG routes, as shares of the whole build', () => {
    const time = buildTimeByKind(routeTimings(log), 20_000);
    expect(time.png).toEqual({ routes: 4, ms: 984 + 1850 + 1800 + 406, share: (984 + 1850 + 1800 + 406) / 20_000 });
    expect(time.kinds.find((k) => k.kind === 'story pages')).toEqual({ kind: 'story pages', routes: 2, ms: 69, share: 69 / 20_000 });
    expect(time.routesMs).toBe(351 + 984 + 1850 + 37 + 1800 + 406 + 33 + 36 + 20 + 37 + 15 + 1);
  });

  it('fails when the PNG routes take over a quarter of the build, or when the log has no route timings', () => {
    const timings = routeTimings(log);
    expect(buildTimeFailures(buildTimeByKind(timings, 20_160))).toEqual([]);
    expect(buildTimeFailures(buildTimeByKind(timings, 20_100))).toHaveLength(1);
    expect(buildTimeFailures(buildTimeByKind(timings, 19_000))).toEqual(['build time: PNG routes took 5.0 s, 27% of the build (budget 25%)']);
    expect(buildTimeFailures(buildTimeByKind(routeTimings('08:20:39 [build] 18 page(s) built in 37.04s'), 20_000))).toEqual([
      'build time: no route timings found in the build log (has Astro changed its output?)',
    ]);
  });
});
