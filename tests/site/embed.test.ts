import { describe, it, expect } from 'vitest';
import { gzipSync } from 'node:zlib';
import { CHART_IDS } from '~/charts/registry';
import {
  HEIGHT_MESSAGE,
  MAX_HEIGHT,
  embedCode,
  heightMessage,
  hostScriptSource,
  iframeCode,
  isHeightMessage,
  oembed,
  pymHeightMessage,
  shareAddresses,
  shareCode,
  themeParam,
  wordpressSecret,
  type ShareOptions,
} from '~/site/embed';

describe('height messages', () => {
  it('accepts only the exact shape with a sane height and a known chart', () => {
    const valid = (data: unknown) => isHeightMessage(data, HEIGHT_MESSAGE, CHART_IDS, MAX_HEIGHT);
    expect(valid(heightMessage('timeline', 812.4))).toBe(true);
    expect(heightMessage('timeline', 812.4).height).toBe(813);
    for (const junk of [
      null,
      undefined,
      'sold-numbers:height',
      7,
      [],
      {},
      { type: 'sold-numbers:height' },
      { type: 'sold-numbers:height', chart: 'timeline', height: '800' },
      { type: 'sold-numbers:height', chart: 'timeline', height: Number.NaN },
      { type: 'sold-numbers:height', chart: 'timeline', height: Infinity },
      { type: 'sold-numbers:height', chart: 'timeline', height: 0 },
      { type: 'sold-numbers:height', chart: 'timeline', height: 20001 },
      { type: 'sold-numbers:height', chart: 'other', height: 500 },
      { type: 'other', chart: 'timeline', height: 500 },
    ]) {
      expect(valid(junk), JSON.stringify(junk)).toBe(false);
    }
  });

  it('speaks the pym.js child protocol', () => {
    expect(pymHeightMessage('container', 640.2)).toBe('pymxPYMxcontainerxPYMxheightxPYMx641');
  });
});

describe('query parameters', () => {
  it('reads ?theme: light unless dark or auto is asked for', () => {
    expect([themeParam('light'), themeParam('dark'), themeParam('auto'), themeParam(null), themeParam('<x>')]).toEqual([
      'light',
      'dark',
      'auto',
      'light',
      'light',
    ]);
  });

  it("reads WordPress's secret from the frame's address, letters and digits only", () => {
    expect(wordpressSecret('#?secret=Ab12cD34eF')).toBe('Ab12cD34eF');
    expect(wordpressSecret('#?foo=1&secret=abc')).toBe('abc');
    expect(wordpressSecret('')).toBeNull();
    expect(wordpressSecret('#?secret=')).toBeNull();
    expect(wordpressSecret('#?secret=a"b')).toBeNull();
    expect(wordpressSecret('#timeline')).toBeNull();
  });
});

describe('embed code', () => {
  const frame = {
    chart: 'resale-flow' as const,
    src: 'https://news.example/sold/embed/resale-flow/',
    title: 'How "a" <number> was sold',
    script: 'https://news.example/sold/embed.js',
    height: 860,
  };

  it('is an iframe with a fixed fallback height plus the host script, attributes escaped', () => {
    expect(iframeCode(frame)).toBe(
      '<iframe src="https://news.example/sold/embed/resale-flow/" title="How &quot;a&quot; &lt;number&gt; was sold" data-sold-numbers width="100%" height="860" style="box-sizing:border-box;display:block;width:100%;max-width:100%;margin:0;padding:0;border:0" loading="lazy"></iframe>',
    );
    expect(embedCode(frame)).toBe(`${iframeCode(frame)}\n<script async src="https://news.example/sold/embed.js"></script>`);
  });

  it('adds ?theme only when the theme is not the default light, and uses the chosen edition', () => {
    const options = {
      chart: 'timeline',
      height: 900,
      script: 's',
      locale: 'en',
      editions: [
        {
          locale: 'en',
          name: 'English',
          title: 'Timeline',
          src: 'https://x/embed/timeline/',
          addresses: ['https://x/embed/timeline/cases/', 'https://x/embed/timeline/national/'],
        },
        { locale: 'zh', name: '中文', title: '时间线', src: 'https://x/zh/embed/timeline/', addresses: ['https://x/zh/embed/timeline/cases/'] },
      ],
    } as unknown as ShareOptions;
    expect(shareCode(options, 'en', 'light')).toContain('src="https://x/embed/timeline/"');
    // The iframe's title is in the chosen language.
    expect(shareCode(options, 'zh', 'light')).toContain('title="时间线"');
    expect(shareCode(options, 'en', 'light')).toContain('title="Timeline"');
    // Addresses for oEmbed consumers, one a line, in the chosen language.
    expect(shareAddresses(options, 'en')).toBe('https://x/embed/timeline/cases/\nhttps://x/embed/timeline/national/');
    expect(shareAddresses(options, 'zh')).toBe('https://x/zh/embed/timeline/cases/');
    expect(shareCode(options, 'zh', 'dark')).toContain('src="https://x/zh/embed/timeline/?theme=dark"');
    expect(shareCode(options, 'en', 'auto')).toContain('src="https://x/embed/timeline/?theme=auto"');
  });

  it('gives an oEmbed rich record whose html is the iframe alone', () => {
    const record = oembed(
      frame,
      { name: 'Sold Numbers', url: 'https://news.example/sold/' },
      { url: 'https://news.example/sold/downloads/resale-flow-card.png', width: 1200, height: 630 },
    );
    expect(record).toMatchObject({ type: 'rich', version: '1.0', html: iframeCode(frame), width: 640, height: 860, thumbnail_width: 1200 });
  });
});

describe('/embed.js', () => {
  it('is self-contained, valid JavaScript, and at most 2 KB gzipped', () => {
    const source = hostScriptSource(CHART_IDS);
    expect(() => new Function(source)).not.toThrow();
    expect(source).not.toMatch(/\bimport\b|\brequire\(|__vite/);
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(2048);
  });
});
