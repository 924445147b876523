import { describe, expect, it } from 'vitest';
import { chartBlocks, exportFontFamily, exportStyles, chartImageSvg } from '~/export/svg';
import { readTokens } from '~/site/design-tokens';

const html = `<figure><h3>T</h3><p id="x-alt" class="visually-hidden">alt</p><div class="chart-body"><div class="map">
  <svg viewBox="0 0 600 480" width="100%" role="group"><defs><pattern id="x-hatch"></pattern></defs><text>Linwu</text></svg>
  <div class="units"><p class="units-title">Provinces</p><svg class="squares" viewBox="0 0 360 20" width="360" height="20"><rect/></svg>
  <p class="legend"><span class="key named"></span>Named: Hunan <span class="key unnamed"></span>17 further</p></div>
  <div class="units totals"><p class="units-title">62 people arrested</p><svg class="dots" viewBox="0 0 310 20" width="100%"><circle/></svg></div>
</div></div><figcaption><p>Source: X</p></figcaption></figure>`;

describe('chartBlocks', () => {
  it('reads every drawing and line of words of the chart body, in order, at the width each is drawn', () => {
    const blocks = chartBlocks(html, 720);
    expect(blocks.map((b) => (b.kind === 'drawing' ? `svg ${b.width}` : b.text))).toEqual([
      'svg 720',
      'Provinces',
      'svg 360',
      'Named: Hunan 17 further',
      '62 people arrested',
      'svg 384',
    ]);
    const legend = blocks[3]!;
    expect(legend.kind === 'text' && legend.keys).toEqual([
      { className: 'key named', text: 'Named: Hunan' },
      { className: 'key unnamed', text: '17 further' },
    ]);
  });

  it('fails on a chart without a drawing', () => {
    expect(() => chartBlocks('<div class="chart-body"><p>x</p></div>', 720)).toThrow(/drawing/);
  });
});

describe('chartImageSvg', () => {
  const colors = { background: '#fff', text: '#000', muted: '#666' };
  it('sets every block, the notes and the credit in the image', () => {
    const svg = chartImageSvg({
      meta: { title: 'T & co', subtitle: 'S', alt: 'A' },
      blocks: chartBlocks(html, 720),
      notes: ['Source: X', 'Chart: Sold Numbers, https://news.example/sold/'],
      styles: '',
      fontFamily: exportFontFamily('en'),
      width: 960,
      layoutWidth: 720,
      colors,
    });
    for (const words of ['T &amp; co', 'Provinces', '62 people arrested', 'Named: Hunan', 'Source: X', 'Chart: Sold Numbers, https://news.example/sold/'])
      expect(svg).toContain(words);
    expect(svg.match(/<svg/g)).toHaveLength(4);
    // The unnamed key takes the chart's hatching.
    expect(svg).toContain('fill="url(#x-hatch)"');
  });
});

describe('exportStyles', () => {
  it('keeps Svelte scoping without :where(), resolves tokens and drops what a still image cannot use', () => {
    const css = exportStyles(
      [
        '.dots.svelte-a circle:where(.svelte-a) { fill: var(--c); transition: fill 1s }\n.mark.svelte-a:focus { outline: 1px }\n@media (max-width: 1px) { .x { color: red } }',
      ],
      readTokens(':root {\n  --c: light-dark(#111, #eee);\n}', 'light'),
      exportFontFamily('en'),
    );
    expect(css).toBe('.dots.svelte-a circle.svelte-a { fill: #111 }');
  });
});

describe("the charts' styles in an image", () => {
  it('use no :not(), which resvg does not read (a named province would lose its fill)', async () => {
    const { readFileSync } = await import('node:fs');
    const { compile } = await import('svelte/compiler');
    const { walkFiles } = await import('~/site/files.mjs');
    const dir = 'src/charts';
    const css = walkFiles(dir)
      .filter((f: string) => f.endsWith('.svelte'))
      .map((f: string) => compile(readFileSync(`${dir}/${f}`, 'utf8'), { css: 'external', generate: 'server', filename: `${dir}/${f}` }).css?.code ?? '');
    const styles = exportStyles(css, readTokens(readFileSync('src/styles/tokens.css', 'utf8'), 'light'), exportFontFamily('en'));
    expect(styles).toMatch(/path\.network\.svelte-\w+(, [^{]*)? \{ fill: #/);
    expect(styles).not.toMatch(/:not\([^{}]*\{[^}]*fill/);
  }, 60_000);
});
