/**
 * Static images of the charts for downloads: the same server-rendered chart SVG the
 * page shows, with the chart styles inlined (tokens resolved to one theme) and the frame's words
 * (title, subtitle, notes, source) set as SVG text around it. resvg turns the SVG into PNG (png.ts); social
 * cards are laid out in card.ts.
 */
import { parseHTML } from 'linkedom';
import { textWidth, wrapLines, type ChartMeta } from '~/charts/shared/frame';
import { escapeHtml } from '~/i18n/format';
import type { Locale } from '~/i18n/locale';

/**
 * The faces an export names, per language; the build hands resvg their files, so images match everywhere.
 * Latin words take the Latin face first: the CJK face's apostrophe, × and · are full-width ("d’ achat").
 */
export const EXPORT_FONTS: Record<Locale, readonly [string, string]> = {
  en: ['Noto Sans', 'Noto Sans SC'],
  fr: ['Noto Sans', 'Noto Sans SC'],
  zh: ['Noto Sans SC', 'Noto Sans'],
};

/** The CSS font-family list of an export in `locale`. */
export const exportFontFamily = (locale: Locale) => `${EXPORT_FONTS[locale].map((f) => `'${f}'`).join(', ')}, sans-serif`;

/**
 * One stylesheet for a standalone SVG from the chart components' compiled CSS (scoped to each
 * component's svelte-* class, as in the rendered markup, so one chart's rules never restyle
 * another's): var() resolved, and what a static image has no use for (media queries, keyframes,
 * focus and transitions) left out.
 */
export function exportStyles(componentCss: string[], designTokens: Map<string, string>, fontFamily: string): string {
  const tokens = new Map(designTokens);
  tokens.set('--font-sans', `${fontFamily.replace(/, sans-serif$/, '')}, ${tokens.get('--font-sans') ?? 'sans-serif'}`);
  const resolve = (css: string): string => {
    const next = css.replace(/var\((--[\w-]+)\)/g, (m, name: string) => tokens.get(name) ?? m);
    return next === css ? css : resolve(next);
  };
  const css = componentCss
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@(media|keyframes)[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')
    // resvg reads no :where(); Svelte wraps the scoping class of inner selectors in it.
    .replace(/:where\(([^()]*)\)/g, '$1');
  const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter(([, selector]) => !/:focus|:hover|::?before|::?after/.test(selector!))
    .map(([, selector, body]) => {
      const declarations = body!
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d && !/^(transition|animation|cursor|outline)/.test(d));
      return `${selector!.trim().replace(/\s+/g, ' ')} { ${declarations.join('; ')} }`;
    });
  return resolve(rules.join('\n'));
}

/** One drawing of a chart: an <svg>'s inside, its viewBox size, and its other attributes. */
export interface Drawing {
  inner: string;
  width: number;
  height: number;
  attrs: string;
}

/** An <svg> element's markup as a Drawing. */
function drawing(svg: string): Drawing {
  const m = /^<svg([^>]*)>([\s\S]*)<\/svg>$/.exec(svg.trim());
  const box = m && /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(m[1]!);
  if (!m || !box) throw new Error('a chart <svg> without a viewBox in the rendered chart');
  const attrs = m[1]!.replace(/\s(width|height|viewBox|role|aria-[\w-]+)="[^"]*"/g, '');
  return { inner: m[2]!, width: Number(box[1]), height: Number(box[2]), attrs };
}

/**
 * What a chart shows, in reading order, for a static image: each drawing (with the width it is drawn
 * at on a page `layoutWidth` px wide) and each line of words beside it (totals, captions, legends
 * with their colour keys).
 */
export type ImageBlock = { kind: 'drawing'; drawing: Drawing; width: number } | { kind: 'text'; text: string; keys: { className: string; text: string }[] };

/** Widest a drawing is shown beside the main one (the unit charts' `max-width: 24rem`). */
const PANEL_WIDTH = 384;

/** The blocks of a chart's server drawing (its frame's `.chart-body`). */
export function chartBlocks(html: string, layoutWidth: number): ImageBlock[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const body = document.querySelector('.chart-body');
  if (!body) throw new Error('no .chart-body in the rendered chart');
  const blocks: ImageBlock[] = [];
  const visit = (el: Element) => {
    if (el.classList.contains('visually-hidden')) return;
    if (el.tagName.toLowerCase() === 'svg') {
      const fixed = Number(el.getAttribute('width'));
      const width = fixed > 0 ? fixed : blocks.length === 0 ? layoutWidth : PANEL_WIDTH;
      blocks.push({ kind: 'drawing', drawing: drawing(el.outerHTML), width: Math.min(width, layoutWidth) });
    } else if (el.tagName.toLowerCase() === 'p') {
      // A legend's keys are empty spans before their words.
      const keys: { className: string; text: string }[] = [];
      for (const node of el.childNodes) {
        if (node.nodeType === 1 && (node as Element).classList.contains('key'))
          keys.push({ className: (node as Element).getAttribute('class') ?? '', text: '' });
        else if (keys.length > 0) keys[keys.length - 1]!.text += node.textContent ?? '';
      }
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) blocks.push({ kind: 'text', text, keys: keys.map((k) => ({ ...k, text: k.text.replace(/\s+/g, ' ').trim() })) });
    } else for (const child of el.children) visit(child);
  };
  for (const child of body.children) visit(child);
  if (blocks[0]?.kind !== 'drawing') throw new Error('the rendered chart does not start with its drawing');
  return blocks;
}

export interface ChartImage {
  /** Title, subtitle and alt text come from here. */
  meta: Pick<ChartMeta, 'title' | 'subtitle' | 'alt'>;
  /** What the chart shows: drawings and lines of words; none for the story's card. */
  blocks: ImageBlock[];
  /** Small lines at the foot: notes, the source line and the credit. */
  notes: string[];
  styles: string;
  /** The CSS font-family list (exportFontFamily). */
  fontFamily: string;
  /** Width of the image in px. */
  width: number;
  /** Width of the page the blocks were laid out for, in px: the image scales them to its own width. */
  layoutWidth?: number;
  colors: { background: string; text: string; muted: string; accent?: string };
}

/** A chart as one standalone SVG image: title, subtitle, the chart's drawings and words, notes, source and credit. */
export function chartImageSvg(f: ChartImage): string {
  const pad = Math.round(f.width * 0.04);
  const inner = f.width - 2 * pad;
  const size = { title: Math.round(f.width / 30), body: Math.round(f.width / 48), small: Math.round(f.width / 58) };
  const scale = inner / (f.layoutWidth ?? inner);
  let y = pad;
  const out: string[] = [];
  const block = (s: string, px: number, color: string, weight = 400) => {
    for (const line of wrapLines(s, inner, px)) {
      y += px * 1.3;
      // Inline style, so the chart stylesheet's generic `text` rules cannot restyle the frame's words.
      out.push(`<text x="${pad}" y="${y.toFixed(1)}" style="font-size:${px}px;font-weight:${weight};fill:${color}">${escapeHtml(line)}</text>`);
    }
  };
  block(f.meta.title, size.title, f.colors.text, 700);
  block(f.meta.subtitle, size.body, f.colors.muted);
  y += pad / 2;
  const hatch = f.blocks.flatMap((b) => (b.kind === 'drawing' ? [/<pattern[^>]*\sid="([^"]+)"/.exec(b.drawing.inner)?.[1]] : [])).find(Boolean);
  for (const b of f.blocks) {
    if (b.kind === 'drawing') {
      const width = Math.min(inner, b.width * scale);
      const height = (width * b.drawing.height) / b.drawing.width;
      // The main drawing is centred; the panels beside it start at the left, as on the page.
      const x = b === f.blocks[0] ? pad + (inner - width) / 2 : pad;
      out.push(
        `<svg${b.drawing.attrs} x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" viewBox="0 0 ${b.drawing.width} ${b.drawing.height}">${b.drawing.inner}</svg>`,
      );
      y += height + size.body * 0.5;
    } else if (b.keys.length > 0) {
      // A legend on one line: a swatch (the chart's own class, or its hatching) before each label.
      y += size.body * 1.3;
      let x = pad;
      for (const key of b.keys) {
        const fill = /\bunnamed\b/.test(key.className) && hatch ? ` fill="url(#${hatch})"` : '';
        out.push(
          `<rect class="${escapeHtml(key.className)}" x="${x}" y="${(y - size.body * 0.8).toFixed(1)}" width="${size.body * 0.8}" height="${size.body * 0.8}"${fill} style="stroke:${f.colors.muted}"/>`,
        );
        x += size.body * 1.2;
        out.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" style="font-size:${size.body}px;fill:${f.colors.muted}">${escapeHtml(key.text)}</text>`);
        x += textWidth(key.text, size.body) + size.body * 1.2;
      }
    } else block(b.text, size.body, f.colors.text, 700);
    // Room for descenders before what follows.
    if (b.kind === 'text') y += size.body * 0.4;
  }
  if (f.blocks.length > 0) y += pad / 2;
  for (const note of f.notes) block(note, size.small, f.colors.muted);
  const height = Math.ceil(y + pad);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${height}" viewBox="0 0 ${f.width} ${height}" font-family="${escapeHtml(f.fontFamily)}">`,
    `<title>${escapeHtml(f.meta.title)}</title><desc>${escapeHtml(f.meta.alt)}</desc>`,
    `<style>${f.styles}</style>`,
    `<rect width="100%" height="100%" fill="${f.colors.background}"/>`,
    out.join(''),
    '</svg>',
  ].join('\n');
}

/** CSV with a header row: the chart's data table, whose last column names the sources. */
export function toCsv(columns: string[], rows: string[][]): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
