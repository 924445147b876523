import { describe, it, expect } from 'vitest';
import { resaleFlow } from '~/charts/resale-flow/definition';
import { networkMap } from '~/charts/network-map/definition';
import { timeline } from '~/charts/timeline/definition';
import { buildEdition } from '~/edition/edition';
import { ARTBOARDS } from '~/charts/shared/artboards';

// Server rendering is what readers without JavaScript get: every chart must be complete SVG here.
const e = buildEdition('en');
const flow = e.chart('resale-flow').model;
const map = e.chart('network-map').model;
const tableLabel = e.t('chart.data');

/** Matches a class attribute containing `name`, whatever scoping class Svelte adds beside it. */
const cls = (name: string) => `class="[^"]*\\b${name}\\b[^"]*"`;
/** The artboards the resale flow and the map are drawn at (the timeline has no narrow one). */
const boards = ARTBOARDS.length;

function dom(html: string) {
  const count = (re: RegExp) => (html.match(re) ?? []).length;
  return { html, count };
}

describe('ResaleFlow server render', () => {
  const { html, count } = dom(resaleFlow.draw(flow, { locale: e.tag, tableLabel }));

  it('is a figure with the chart id, title, alt text, notes and a data table', () => {
    expect(html).toContain('<figure id="resale-flow"');
    expect(html).toContain(flow.meta.title);
    expect(html).toContain('A chain of five steps.');
    expect(html).toMatch(new RegExp(`<details ${cls('chart-data')}><summary[^>]*>The data behind this chart</summary>`));
    expect(count(/<tbody>[\s\S]*?<\/tbody>/g)).toBe(1);
    expect(count(/<tr>/g)).toBe(flow.table.rows.length + 1);
  });

  it("is laid out at every artboard's width (ARTBOARDS), for CSS to choose from, or at one given width", () => {
    for (const { name } of ARTBOARDS) expect(html).toMatch(new RegExp(`<svg ${cls(`artboard ${name}`)}`));
    expect(count(/<svg /g)).toBe(boards);
    const single = resaleFlow.draw(flow, { locale: e.tag, tableLabel, width: 720 });
    expect((single.match(/<svg /g) ?? []).length).toBe(1);
    expect(single).toMatch(new RegExp(`<svg ${cls('artboard only')}[^>]*viewBox="0 0 720 `));
  });

  it('draws the whole chain when no step is given, with the resale as a band', () => {
    expect(html).toContain('data-step="all"');
    expect(count(new RegExp(`<g ${cls('stage')}`, 'g'))).toBe(boards * 5);
    expect(html).not.toMatch(new RegExp(cls('pending')));
    expect(count(new RegExp(`<rect ${cls('band')}`, 'g'))).toBe(boards);
    expect(html).toContain('80 to 145 yuan');
    expect(html).toContain('3.2 to 5.8× markup');
    expect(html).toContain('80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8');
  });

  it('marks what each step reveals with the step it appears at, and shows only the stages up to a pinned step', () => {
    expect(count(/<g [^>]*data-from="[0-4]" data-mark="[0-4]"/g)).toBe(boards * 5);
    const pinned = resaleFlow.draw(flow, { locale: e.tag, tableLabel, step: 1, width: 720 });
    expect(pinned).toContain('data-step="1"');
    expect((pinned.match(new RegExp(`<g ${cls('pending')} data-from="[0-4]" data-mark`, 'g')) ?? []).length).toBe(3);
    expect(pinned).toMatch(new RegExp(`<p ${cls('pending')} data-from="5">${flow.outcome}`));
  });

  it('gives one tab stop per artboard (CSS shows one), with every stage reachable by arrow keys', () => {
    expect(count(/tabindex="0"/g)).toBe(boards);
    expect(count(/data-mark="/g)).toBe(boards * 5);
  });
});

describe('NetworkMap views on a slide', () => {
  const draw = (view: 'drawing' | 'panels') => networkMap.draw(map, { locale: e.tag, tableLabel, width: 240, step: 4, view, id: `m-${view}` });

  it('draws the map alone, grown downwards to hold its large labels, or the panels alone, with the hatching their squares use', () => {
    const drawing = draw('drawing');
    expect(drawing).not.toMatch(new RegExp(cls('units')));
    expect(Number(/viewBox="0 0 \d+ ([\d.]+)"/.exec(drawing)![1])).toBeGreaterThan(map.height);
    const panels = draw('panels');
    expect(panels).not.toContain('class="provinces');
    expect(panels).toContain('<pattern id="m-panels-hatch"');
    expect(panels).toContain('fill="url(#m-panels-hatch)"');
    // Without a view (the story, embeds, downloads) the map keeps its box and its panels.
    const whole = networkMap.draw(map, { locale: e.tag, tableLabel, width: 720 });
    expect(whole).toContain(`viewBox="0 0 ${map.width} ${map.height}"`);
    expect(whole).toMatch(new RegExp(cls('units')));
  });
});

describe('NetworkMap server render', () => {
  const { html, count } = dom(networkMap.draw(map, { locale: e.tag, tableLabel }));

  it('draws all 34 divisions and fills only the named province', () => {
    expect(count(/data-province="/g)).toBe(34);
    const filled = html.match(new RegExp(`<path(?=[^>]*${cls('network')})[^>]*>`, 'g')) ?? [];
    expect(filled).toHaveLength(1);
    expect(filled[0]).toContain('data-province="CN-HN"');
  });

  it('shows the unnamed provinces as a count of hatched squares, not on the map', () => {
    expect(html).toContain('17 further provinces, not named in the reports');
    expect(count(/<rect[^>]*fill="url\(#network-map-hatch\)"/g)).toBe(17);
    expect(count(new RegExp(`<rect[^>]*${cls('named')}`, 'g'))).toBe(1);
  });

  it("draws the provinces once and sizes the labels for every artboard's width", () => {
    for (const { name } of ARTBOARDS) expect(html).toMatch(new RegExp(`<g ${cls(`artboard ${name}`)}`));
    expect(count(/data-mark="0"/g)).toBe(boards);
    const single = networkMap.draw(map, { locale: e.tag, tableLabel, width: 380 });
    expect(count(/data-province="/g)).toBe(34);
    expect((single.match(/data-mark="0"/g) ?? []).length).toBe(1);
  });

  it('fills the named province from step 3 on, and shows the totals from step 4', () => {
    const pinned = networkMap.draw(map, { locale: e.tag, tableLabel, step: 2 });
    expect(pinned).toMatch(new RegExp(`<path data-from="3" [^>]*data-province="CN-HN" ${cls('network')}`));
    expect(pinned).toMatch(new RegExp(`<path data-from="3" [^>]*data-province="CN-HN" ${cls('pending')}`));
    expect(pinned).toMatch(new RegExp(`<div ${cls('totals')} data-from="4"`));
    expect(pinned).toMatch(new RegExp(`<div ${cls('pending')} data-from="4"`));
    expect(html).not.toMatch(/pending/);
  });

  it('marks Linwu County and draws one dot per arrest and per city', () => {
    expect(html).toContain('Linwu County');
    expect(count(/<circle cx="[\d.]+" cy="[\d.]+" r="3.5"/g)).toBe(62 + 86);
  });
});

describe('Timeline server render', () => {
  const { html, count } = dom(timeline.draw(e.chart('timeline').model, { locale: e.tag, tableLabel }));
  const marks = e.chart('timeline').model;
  const perBoard = marks.rules.length + marks.lanes.reduce((n, l) => n + l.events.length, 0) + marks.series.reduce((n, s) => n + s.bars.length, 0);

  it('is laid out at a phone, a tablet and a desktop width, for CSS to choose from', () => {
    expect(count(new RegExp(`<svg ${cls('artboard')}`, 'g'))).toBe(3);
    for (const name of ['phone', 'tablet', 'desktop']) expect(html).toMatch(new RegExp(`<svg ${cls(`artboard ${name}`)}`));
    const single = timeline.draw(marks, { locale: e.tag, tableLabel, width: 720 });
    expect((single.match(/<svg [^>]*class="[^"]*artboard/g) ?? []).length).toBe(1);
  });

  it('has one mark per event, bar and rule in each artboard, with one tab stop per artboard until the island runs', () => {
    expect(count(/data-mark="/g)).toBe(3 * perBoard);
    expect(count(/tabindex="0"/g)).toBe(3);
  });

  it('draws the national panels in its own svg, bars named for the details, no chart library’s markup or English names in another edition', () => {
    expect(count(/<svg /g)).toBe(3);
    expect(html).not.toContain('<style');
    expect(html).not.toMatch(/ style="/);
    expect(count(/<rect [^>]*data-mark="\d+"[^>]*role="button"/g)).toBe(3 * marks.series.reduce((n, s) => n + s.bars.length, 0));
    expect(html).toContain('aria-label="April 2021 to March 2022. Telecom and online fraud cases solved, April 2021 to March 2022. 394,000.');
    const zh = buildEdition('zh').chart('timeline').model;
    const zhHtml = timeline.draw(zh, { locale: 'zh-CN', tableLabel });
    expect(zhHtml).not.toMatch(/aria-label="[^"]*(rect|tick|axis|bar)\b/i);
    expect(zhHtml).toContain('aria-label="2021年4月至2022年3月');
  });

  it('has a title of its own, not the story section’s heading it sits under, in every edition', () => {
    for (const locale of ['en', 'zh', 'fr'] as const) {
      const edition = buildEdition(locale);
      expect(edition.chart('timeline').model.meta.title).not.toBe(edition.story.heading('timeline-intro').text);
    }
  });

  it('labels events with their dates and counts, bars with their values, and years from the data', () => {
    expect(html).toContain('14 arrested');
    expect(html).toContain('over 1,000 victims');
    expect(html).toContain('62 arrested');
    expect(html).toContain('(date inferred)');
    expect(html).toContain('>92.6k<');
    expect(html).toContain('>394k<');
    for (const year of marks.years) expect(html).toContain(`>${year}<`);
  });

  it("names every event and rule by its visible text first, the label's lines run together with a space (WCAG 2.5.3)", () => {
    const groups = [...html.matchAll(/<g class="(?:rule|event)[^"]*"[^>]*aria-label="([^"]*)"[^>]*>([\s\S]*?)<\/g>/g)];
    expect(groups.length).toBe(3 * (marks.rules.length + marks.lanes.reduce((n, l) => n + l.events.length, 0)));
    for (const [, name, inner] of groups) {
      const visible = [...inner!.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map(([, t]) => t!.replace(/<[^>]*>/g, '')).join('');
      expect(visible).toMatch(/\S \S/);
      expect(name!.replace(/&amp;/g, '&').replace(/&quot;/g, '"')).toContain(visible.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
    }
  });
});

describe('label in name (WCAG 2.5.3)', () => {
  // Lines of a mark's label read as one text, with a space between them, as a reader or axe runs them together
  // (none where a line of Chinese breaks: Chinese sets no spaces between words).
  const visibleInName = (html: string) => {
    const marks = [...html.matchAll(/<g [^>]*data-mark="\d+"[^>]*aria-label="([^"]*)"[^>]*>([\s\S]*?)<\/g>/g)];
    expect(marks.length).toBeGreaterThan(0);
    for (const [, name, inner] of marks) {
      const visible = [...inner!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
        .map(([, t]) => t)
        .join(' ')
        .replace(/(?<=[\p{Script=Han}\p{N}]) (?=[\p{Script=Han}])|(?<=\p{Script=Han}) (?=\p{N})/gu, '');
      expect(name!.replace(/&amp;/g, '&').replace(/[^\p{L}\p{N} ]/gu, '')).toContain(visible.replace(/&amp;/g, '&').replace(/[^\p{L}\p{N} ]/gu, ''));
    }
  };
  for (const locale of ['en', 'zh', 'fr'] as const) {
    it(`names each stage and place by its visible text, in ${locale} at every width`, () => {
      const ed = buildEdition(locale);
      const label = ed.t('chart.data');
      visibleInName(resaleFlow.draw(ed.chart('resale-flow').model, { locale: ed.tag, tableLabel: label }));
      visibleInName(networkMap.draw(ed.chart('network-map').model, { locale: ed.tag, tableLabel: label }));
    });
  }
});

describe('escaping', () => {
  it('renders a hostile label from data as text', () => {
    const hostile = structuredClone(flow);
    hostile.stages[0]!.label = '<script>alert(1)</script>';
    hostile.meta.title = '<img src=x onerror=alert(1)>';
    const html = resaleFlow.draw(hostile, { locale: e.tag, tableLabel });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
