import { describe, it, expect } from 'vitest';
import { DIAGRAM_IDS, renderDiagram, diagramTitle } from '~/edition/diagram';
import { translator, type Translate } from '~/i18n/translate';

const cite = (id: string) => `<a class="cite" href="#source-${id}">${id}</a>`;
const en = { t: translator('en'), cite };

describe('renderDiagram', () => {
  it('draws the mobile-port relay as an ordered chain: scammer, online call, the two phones, phone call, victim', () => {
    const html = renderDiagram('mobile-port', en, 'here');
    const items = [...html.matchAll(/<li class="relay-(node|link)[^"]*">([^<]*)<\/li>/g)].map((m) => m[2]);
    expect(items).toEqual(['Scammer abroad', 'QQ or WeChat call', 'Phone 1', 'Phone 2', 'Ordinary phone call', 'Victim']);
    expect(html).toMatch(
      /^<figure class="diagram relay"><figcaption><span class="diagram-title">How a “mobile port” relays a call<\/span> <a class="cite" href="#source-pingtang-police-2024-07">/,
    );
    expect(html).not.toMatch(/\n\s*\n/); // a blank line would end Markdown's HTML block mid-figure
  });

  it('is written in the locale of its strings', () => {
    const zh = renderDiagram('mobile-port', { t: translator('zh'), cite }, 'here');
    expect(zh).toContain('>境外诈骗分子</li>');
    expect(zh).toContain('>手机口</span>');
  });

  it('escapes its words, so a string holding markup shows as text', () => {
    const hostile: Translate = (key) => (key === 'relay.victim' ? '<script>alert(1)</script>' : key);
    const html = renderDiagram('mobile-port', { t: hostile, cite }, 'here');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('names the place and the known diagrams when the id is unknown', () => {
    expect(() => renderDiagram('sim-farm', en, 'src/words/story/en.md: block "hunan-1"')).toThrow(
      `src/words/story/en.md: block "hunan-1": unknown diagram "sim-farm" (known: ${DIAGRAM_IDS.join(', ')})`,
    );
    expect(() => renderDiagram('constructor', en, 'here')).toThrow('here: unknown diagram "constructor"');
  });
});

describe('diagramTitle', () => {
  it('is the title its caption shows, as plain text, in the locale of its strings', () => {
    expect(diagramTitle('mobile-port', translator('en'), 'here')).toBe('How a “mobile port” relays a call');
    expect(renderDiagram('mobile-port', en, 'here')).toContain(`<span class="diagram-title">${diagramTitle('mobile-port', translator('en'), 'here')}</span>`);
    expect(() => diagramTitle('sim-farm', translator('en'), 'here')).toThrow('here: unknown diagram "sim-farm"');
  });
});
