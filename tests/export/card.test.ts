import { describe, expect, it } from 'vitest';
import { CHART_IDS } from '~/charts/registry';

import { textWidth } from '~/charts/shared/frame';
import { edition, editionLocales } from '~/edition/edition';
import { ASCENT, CARD, DESCENT, FEED, cardSvg, storyCardContent } from '~/export/card';
import { exportFontFamily } from '~/export/svg';

const colors = { background: '#fff', text: '#111', muted: '#555', accent: '#b00', soft: '#fdd', land: '#eee', edge: '#fff', lit: '#ddf', litEdge: '#00b' };
const credit = 'Chart: Sold Numbers, news.example.org/';

/** Every card of every edition, as the downloads route makes them: one per chart and the story's. */
const cards = editionLocales().flatMap((locale) => {
  const e = edition(locale);
  const charts = e.charts.map((c) => c.card);
  const [first] = e.story.keyFigures('key-figures');
  const story = storyCardContent(e.story.text('headline'), first && { id: first.id, text: `${first.text}\n${first.captionText}` }, charts);
  const svg = (c: (typeof charts)[number]) => cardSvg({ ...c, credit, fontFamily: exportFontFamily(locale), colors });
  return [
    ...CHART_IDS.map((id, i) => ({ name: `${locale} ${id}`, svg: svg(charts[i]!), story: undefined, first: undefined })),
    { name: `${locale} story`, svg: svg(story), story, first },
  ];
});

interface TextBox {
  text: string;
  size: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The text elements of a card's SVG source, each with the box its ink takes (width estimated as the layout does). */
function textBoxes(svg: string): TextBox[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"( text-anchor="end")? style="font-size:([\d.]+)px;font-weight:(\d+);[^"]*">([^<]*)<\/text>/g)].map(
    ([, x, y, end, size, weight, text]) => {
      const px = Number(size);
      const width = textWidth(text!, px, Number(weight) >= 700);
      const left = end ? Number(x) - width : Number(x);
      return { text: text!, size: px, x0: left, x1: left + width, y0: Number(y) - ASCENT * px, y1: Number(y) + DESCENT * px };
    },
  );
}

describe('social cards at feed size', () => {
  it.each(cards.map((c) => [c.name, c.svg]))('%s: every text is at least 16 px at 500 px wide, inside the card, and overlaps no other text', (_, svg) => {
    const boxes = textBoxes(svg);
    expect(boxes.length).toBeGreaterThan(3);
    // Every text element is one this test reads: none escapes the check.
    expect(boxes).toHaveLength((svg.match(/<text\b/g) ?? []).length);
    for (const b of boxes) {
      expect(b.size * (FEED.width / CARD.width), b.text).toBeGreaterThanOrEqual(FEED.minFont);
      expect(b.x0, b.text).toBeGreaterThanOrEqual(0);
      expect(b.x1, b.text).toBeLessThanOrEqual(CARD.width);
      expect(b.y0, b.text).toBeGreaterThanOrEqual(0);
      expect(b.y1, b.text).toBeLessThanOrEqual(CARD.height);
    }
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `"${a.text}" overlaps "${b.text}"`).toBe(false);
      }
  });

  it.each(cards.map((c) => [c.name, c.svg]))('%s: the credit sits below every other text and every bar', (_, svg) => {
    const boxes = textBoxes(svg);
    const creditTop = Math.min(...boxes.filter((b) => credit.includes(b.text)).map((b) => b.y0));
    expect(Number.isFinite(creditTop)).toBe(true);
    for (const b of boxes.filter((b) => !credit.includes(b.text))) expect(b.y1, b.text).toBeLessThanOrEqual(creditTop);
    for (const [, y, h] of svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g))
      expect(Number(y) + Number(h)).toBeLessThanOrEqual(creditTop);
  });

  it('pairs the story card’s figure with the picture of the same case', () => {
    const stories = cards.flatMap((c) => (c.story ? [{ ...c, story: c.story }] : []));
    expect(stories).toHaveLength(editionLocales().length);
    for (const { name, story, first } of stories) {
      expect(first, name).toBeDefined();
      expect(story.case, name).toBeDefined();
      expect(first!.id.startsWith(`${story.case}.`), `${name}: ${first!.id} on a ${story.case} card`).toBe(true);
    }
  });

  it('leaves no Chinese character alone on a line: the zh timeline card’s headline in two balanced lines', () => {
    const zh = cards.find((c) => c.name === 'zh timeline')!.svg;
    // The headline: the left column's lines in the text colour.
    const headline = [...zh.matchAll(/<text x="56.0" [^>]*fill:#111">([^<]*)</g)].map((m) => m[1]);
    expect(headline).toEqual(['两起案件与全国数据，', '逐年对照']);
  });

  it('names the Latin face first for Latin words, so the apostrophe and × are not the CJK face’s full-width ones', () => {
    expect(exportFontFamily('fr')).toMatch(/^'Noto Sans', 'Noto Sans SC'/);
    expect(exportFontFamily('en')).toMatch(/^'Noto Sans', 'Noto Sans SC'/);
    expect(exportFontFamily('zh')).toMatch(/^'Noto Sans SC'/);
  });
});
