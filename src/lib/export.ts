/**
 * Static images of the charts for downloads and social cards: the same server-rendered chart SVG the
 * page shows, with the chart styles inlined (tokens resolved to one theme) and the frame's words
 * (title, subtitle, notes, source) set as SVG text around it. resvg turns the SVG into PNG.
 */
import { wrapLines, type ChartMeta, type ChartSpec } from './chart';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

/** The font every export names first; the build hands resvg its files, so images match everywhere. */
export const EXPORT_FONT = 'Noto Sans SC';

/** Custom properties of tokens.css, with light-dark() resolved to one theme. */
export function tokenValues(tokensCss: string, theme: 'light' | 'dark'): Map<string, string> {
  const root = /:root\s*\{([\s\S]*?)\n\}/.exec(tokensCss)?.[1] ?? '';
  const values = new Map<string, string>();
  for (const [, name, raw] of root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    const pair = /^light-dark\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/.exec(raw!.trim());
    values.set(name!, pair ? pair[theme === 'light' ? 1 : 2]! : raw!.replace(/\s+/g, ' ').trim());
  }
  return values;
}

/**
 * One stylesheet for a standalone SVG from the chart components' <style> blocks: var() resolved,
 * :global() unwrapped, and what a static image has no use for (media queries, keyframes, focus and
 * transitions) left out.
 */
export function exportStyles(componentSources: string[], tokensCss: string, theme: 'light' | 'dark' = 'light'): string {
  const tokens = tokenValues(tokensCss, theme);
  tokens.set('--font-sans', `'${EXPORT_FONT}', ${tokens.get('--font-sans') ?? 'sans-serif'}`);
  const resolve = (css: string): string => {
    const next = css.replace(/var\((--[\w-]+)\)/g, (m, name: string) => tokens.get(name) ?? m);
    return next === css ? css : resolve(next);
  };
  const css = componentSources
    .flatMap((source) => [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@(media|keyframes)[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')
    .replace(/:global\(([^)]*)\)/g, '$1');
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

/** The chart's own <svg> from a server-rendered chart component (the first one in its figure). */
export function chartSvg(html: string): { inner: string; width: number; height: number; attrs: string } {
  const m = /<svg([^>]*)>([\s\S]*?)<\/svg>/.exec(html);
  const box = m && /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(m[1]!);
  if (!m || !box) throw new Error('no chart <svg> with a viewBox in the rendered chart');
  const attrs = m[1]!.replace(/\s(width|height|viewBox|role|aria-[\w-]+)="[^"]*"/g, '');
  return { inner: m[2]!, width: Number(box[1]), height: Number(box[2]), attrs };
}

export interface FigureImage {
  /** Title, subtitle and alt text come from here. */
  meta: Pick<ChartMeta, 'title' | 'subtitle' | 'alt'>;
  /** Bold lines under the drawing: what the interactive chart shows as HTML beside it (legends, totals). */
  extra: string[];
  /** Small lines at the foot: notes and the source line. */
  notes: string[];
  /** The chart's drawing; none for the story's card. */
  chart?: ReturnType<typeof chartSvg>;
  styles: string;
  /** Width of the image in px. */
  width: number;
  /** A fixed canvas (social cards): the chart is scaled to fit what the words leave free. */
  height?: number;
  colors: { background: string; text: string; muted: string };
}

/** The full figure as one standalone SVG: title, subtitle, chart, extra lines, notes and source. */
export function figureSvg(f: FigureImage): string {
  const pad = Math.round(f.width * 0.04);
  const inner = f.width - 2 * pad;
  const size = { title: Math.round(f.width / 30), body: Math.round(f.width / 48), small: Math.round(f.width / 58) };
  let y = pad;
  const text: string[] = [];
  const block = (s: string, px: number, color: string, weight = 400) => {
    for (const line of wrapLines(s, inner, px)) {
      y += px * 1.3;
      // Inline style, so the chart stylesheet's generic `text` rules cannot restyle the frame's words.
      text.push(`<text x="${pad}" y="${y.toFixed(1)}" style="font-size:${px}px;font-weight:${weight};fill:${color}">${escapeXml(line)}</text>`);
    }
  };
  block(f.meta.title, size.title, f.colors.text, 700);
  block(f.meta.subtitle, size.body, f.colors.muted);
  y += pad / 2;
  const footer: [string, number, string, number][] = [
    ...f.extra.map((s): [string, number, string, number] => [s, size.body, f.colors.text, 700]),
    ...f.notes.map((s): [string, number, string, number] => [s, size.small, f.colors.muted, 400]),
  ];
  const footerHeight = footer.reduce((h, [s, px]) => h + wrapLines(s, inner, px).length * px * 1.3, 0) + pad;
  let chart = '';
  if (f.chart) {
    const natural = (inner * f.chart.height) / f.chart.width;
    const chartHeight = f.height ? Math.max(40, Math.min(natural, f.height - y - footerHeight - pad)) : natural;
    const chartWidth = (chartHeight * f.chart.width) / f.chart.height;
    const chartX = pad + (inner - chartWidth) / 2;
    chart = `<svg${f.chart.attrs} x="${chartX.toFixed(1)}" y="${y.toFixed(1)}" width="${chartWidth.toFixed(1)}" height="${chartHeight.toFixed(1)}" viewBox="0 0 ${f.chart.width} ${f.chart.height}">${f.chart.inner}</svg>`;
    y += chartHeight + pad / 2;
  }
  for (const [s, px, color, weight] of footer) block(s, px, color, weight);
  const height = f.height ?? Math.ceil(y + pad);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${height}" viewBox="0 0 ${f.width} ${height}" font-family="${EXPORT_FONT}, sans-serif">`,
    `<title>${escapeXml(f.meta.title)}</title><desc>${escapeXml(f.meta.alt)}</desc>`,
    `<style>${f.styles}</style>`,
    `<rect width="100%" height="100%" fill="${f.colors.background}"/>`,
    text.join(''),
    chart,
    '</svg>',
  ].join('\n');
}

/** What a chart shows as HTML beside its drawing, as lines for a static image. */
export function staticLines(spec: ChartSpec): string[] {
  if (spec.id === 'resale-flow') return [spec.model.outcome];
  if (spec.id === 'network-map') {
    const { provinces, figures } = spec.model;
    return [provinces.namedLabel, provinces.unnamedLabel, figures.arrested.text, figures.cities.text, figures.further, figures.amount];
  }
  return [];
}

/** CSV with a header row: the chart's data table, whose last column names the sources. */
export function toCsv(columns: string[], rows: string[][]): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
