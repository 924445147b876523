/**
 * Social cards: 1200×630, the size link previews use, laid out for where they are seen, a feed about
 * 500 px wide. Every word is at least 16 px there (CARD_MIN_FONT in card units), so a card carries
 * little: the headline and one figure in large type on the left, one bold visual drawn from the card's
 * data on the right (a chart's own artboard would shrink its labels to a few pixels), the credit across
 * the foot. Each chart says what its card shows (src/charts/<chart>/card.ts); this module lays it out.
 */
import type { CardBar, CardContent, CardVisual } from '~/charts/shared/card';
import { textWidth, wrapLines } from '~/charts/shared/frame';
import { escapeHtml } from '~/i18n/format';

export const CARD = { width: 1200, height: 630 };
/** The width a feed shows a card at, and the least type size there, in px. */
export const FEED = { width: 500, minFont: 16 };
/** The least type size on a card, in card units. */
export const CARD_MIN_FONT = (FEED.minFont * CARD.width) / FEED.width;

const PAD = 56;
const GAP = 40;
const COLUMN = 560;
/** Labels of the visual and the credit: just over the least size. */
const LABEL = 40;
const LEADING = 1.2;
/** A line's ink above and below its baseline, as a share of its size: what no other text may overlap. */
export const ASCENT = 0.9;
export const DESCENT = 0.25;

export interface CardColors {
  background: string;
  text: string;
  muted: string;
  /** The figure and the bars. */
  accent: string;
  /** A range's or a partial value's fill. */
  soft: string;
  /** The map's land, the lines between its shapes, a lit shape's fill and edge. */
  land: string;
  edge: string;
  lit: string;
  litEdge: string;
}

export interface Card extends CardContent {
  credit: string;
  /** The CSS font-family list of the card's language. */
  fontFamily: string;
  colors: CardColors;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const round = (n: number) => n.toFixed(1);

/** One line of text at a baseline; `anchor` end sets it to the left of x. */
function text(x: number, y: number, size: number, fill: string, s: string, weight = 400, anchor: 'start' | 'end' = 'start'): string {
  const a = anchor === 'end' ? ' text-anchor="end"' : '';
  return `<text x="${round(x)}" y="${round(y)}"${a} style="font-size:${size}px;font-weight:${weight};fill:${fill}">${escapeHtml(s)}</text>`;
}

/** Lines of text from a top edge down; returns the markup and the y under the last line's ink. */
function paragraph(lines: string[], x: number, top: number, size: number, fill: string, weight = 400): { svg: string; bottom: number } {
  const svg = lines.map((line, i) => text(x, top + ASCENT * size + i * size * LEADING, size, fill, line, weight)).join('');
  return { svg, bottom: top + ASCENT * size + (lines.length - 1) * size * LEADING + DESCENT * size };
}

/** The headline and the figure, as large as the column's height allows (never under the least size). */
function words(c: Card, bottom: number): string {
  for (let k = 1; ; k -= 0.05) {
    const size = { headline: Math.max(CARD_MIN_FONT, Math.round(60 * k)), figure: Math.max(CARD_MIN_FONT, Math.round(64 * k)) };
    const headline = paragraph(wrapLines(c.headline, COLUMN, size.headline, true), PAD, PAD - 8, size.headline, c.colors.text, 700);
    const lines = c.figure.split('\n').flatMap((part) => wrapLines(part, COLUMN, size.figure, true));
    const figure = paragraph(lines, PAD, headline.bottom + 0.4 * size.figure, size.figure, c.colors.accent, 700);
    if (figure.bottom <= bottom || size.headline === CARD_MIN_FONT) return headline.svg + figure.svg;
  }
}

/**
 * Bars on a scale from 0. When every label is short (years), one row a bar: the label, the bar, its value
 * after it. Otherwise each bar takes the box's width under its label and value.
 */
function bars(v: Extract<CardVisual, { kind: 'bars' }>, box: Box, colors: CardColors): string {
  const out: string[] = [];
  let y = box.y;
  if (v.caption) {
    const caption = paragraph(wrapLines(v.caption, box.width, LABEL), box.x, y, LABEL, colors.muted);
    out.push(caption.svg);
    y = caption.bottom + 0.5 * LABEL;
  }
  const ink = (ASCENT + DESCENT) * LABEL;
  const labelWidth = Math.max(...v.bars.map((b) => textWidth(b.label, LABEL, true)));
  const inline = labelWidth <= box.width * 0.25;
  const valueWidth = inline ? Math.max(...v.bars.map((b) => textWidth(b.text, LABEL, true))) + 12 : 0;
  const start = box.x + (inline ? labelWidth + 16 : 0);
  const scale = (box.x + box.width - valueWidth - start) / Math.max(...v.bars.map((b) => b.max));
  const words = v.bars.map((b) => (inline ? [] : [...wrapLines(b.label, box.width, LABEL, true), b.text]));
  const barHeight = 0.8 * LABEL;
  const gap = inline ? 0 : 0.6 * LABEL;
  const fixed = words.reduce((h, lines) => h + lines.length * LABEL * LEADING, 0) + (v.bars.length - 1) * gap;
  // Rows as roomy as the box allows, down to the height of a line's ink.
  const rowHeight = inline ? Math.max(ink, Math.min(1.3 * LABEL, (box.y + box.height - y) / v.bars.length)) : barHeight + 0.2 * LABEL;
  y += Math.max(0, (box.y + box.height - y - fixed - v.bars.length * rowHeight) / 2);
  v.bars.forEach((b: CardBar, i) => {
    words[i]!.forEach((line, j) => {
      const last = j === words[i]!.length - 1;
      out.push(text(box.x, y + ASCENT * LABEL, LABEL, last ? colors.accent : colors.text, line, 700));
      y += LABEL * LEADING;
    });
    const baseline = y + ASCENT * LABEL;
    const top = inline ? baseline - 0.72 * LABEL : y + 0.05 * LABEL;
    // A single value is a bar from 0; a range, a band from its least to its most.
    const from = b.min < b.max ? b.min : 0;
    const x0 = start + from * scale;
    const width = Math.max(3, (b.max - from) * scale);
    const style = b.outline ? `fill:${colors.soft};stroke:${colors.accent};stroke-width:3` : `fill:${colors.accent}`;
    out.push(`<rect x="${round(x0)}" y="${round(top)}" width="${round(width)}" height="${round(barHeight)}" style="${style}"/>`);
    if (inline) {
      out.push(text(box.x, baseline, LABEL, colors.text, b.label, 700));
      out.push(text(x0 + width + 12, baseline, LABEL, colors.text, b.text, 700));
    }
    y += rowHeight + gap;
  });
  return out.join('');
}

/** The map's shapes, the lit ones filled, and its one place marked and named in large type. */
function map(v: Extract<CardVisual, { kind: 'map' }>, box: Box, colors: CardColors): string {
  const scale = Math.min(box.width / v.width, box.height / v.height);
  const x = box.x + (box.width - v.width * scale) / 2;
  const y = box.y + (box.height - v.height * scale) / 2;
  const paths = v.shapes.map((s) => {
    const [fill, stroke] = s.lit ? [colors.lit, colors.litEdge] : [colors.land, colors.edge];
    return `<path d="${s.d}" style="fill:${fill};stroke:${stroke};stroke-width:${round(1.5 / scale)}"/>`;
  });
  const point = { x: x + v.point.x * scale, y: y + v.point.y * scale };
  // The name on the side with more room, inside the visual's box.
  const right = point.x - box.x < box.width / 2;
  const name = textWidth(v.point.label, LABEL, true);
  const labelX = right ? Math.min(point.x + 22, box.x + box.width - name) : Math.max(point.x - 22, box.x + name);
  return [
    `<g transform="translate(${round(x)} ${round(y)}) scale(${scale.toFixed(4)})">${paths.join('')}</g>`,
    `<circle cx="${round(point.x)}" cy="${round(point.y)}" r="12" style="fill:${colors.accent};stroke:${colors.background};stroke-width:3"/>`,
    text(labelX, point.y + 0.35 * LABEL, LABEL, colors.text, v.point.label, 700, right ? 'start' : 'end'),
  ].join('');
}

/**
 * The story's card: its headline and a key figure (`id` its fact id), with the visual of the chart card
 * from that figure's case, so the words and the picture tell of the same place.
 */
export function storyCardContent(headline: string, figure: { id: string; text: string } | undefined, charts: CardContent[]): CardContent {
  const sameCase = charts.find((c) => figure && c.case && figure.id.startsWith(`${c.case}.`)) ?? charts[0];
  if (!sameCase) throw new Error('no chart card for the story card');
  return { ...sameCase, headline, figure: figure?.text ?? sameCase.figure };
}

/** A 1200×630 social card as one standalone SVG. */
export function cardSvg(c: Card): string {
  const creditLines = wrapLines(c.credit, CARD.width - 2 * PAD, LABEL);
  const lastBaseline = CARD.height - 36;
  const creditTop = lastBaseline - (creditLines.length - 1) * LABEL * LEADING - ASCENT * LABEL;
  const credit = paragraph(creditLines, PAD, creditTop, LABEL, c.colors.muted);
  const box = { x: PAD + COLUMN + GAP, y: PAD - 16, width: CARD.width - PAD - COLUMN - GAP - 40, height: creditTop - 24 - (PAD - 16) };
  const visual = c.visual.kind === 'bars' ? bars(c.visual, box, c.colors) : map(c.visual, box, c.colors);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="${escapeHtml(c.fontFamily)}">`,
    `<title>${escapeHtml(c.headline)}</title>`,
    `<rect width="100%" height="100%" fill="${c.colors.background}"/>`,
    words(c, creditTop - 24),
    visual,
    credit.svg,
    '</svg>',
  ].join('\n');
}
