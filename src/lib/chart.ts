/**
 * What every chart shares: its frame (title, subtitle, alt text, notes, sources) and its data table.
 * Chart models are built on the server, fully worded in one locale, so chart components only lay out
 * and draw, and the same model serves the story, an embed and a slide.
 */
import type { Figure } from './facts';
import type { FlowModel } from './flow';
import type { NetworkMapModel } from './geo';
import type { TimelineModel } from './timeline';
import { joinList } from './format';
import type { Translate } from './i18n';
import type { Source } from './schema';

export const CHART_IDS = ['resale-flow', 'network-map', 'timeline'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** A chart and its model, as the chart components take them. */
export type ChartSpec = { id: 'resale-flow'; model: FlowModel } | { id: 'network-map'; model: NetworkMapModel } | { id: 'timeline'; model: TimelineModel };

/** What each chart's island reads of its model (the rest, words and shapes, is drawn into the page's HTML). */
const ISLAND_FIELDS: Partial<Record<ChartId, readonly string[]>> = {
  'resale-flow': ['stages', 'steps'],
  'network-map': ['points', 'steps'],
};

/**
 * A chart spec to hand to an island. Astro writes a hydrated component's props into the page as JSON,
 * from each object's own enumerable properties: the fields the island does not read stay on the model,
 * for the server to draw, but not enumerable, so the page does not carry them a second time.
 */
export function forIsland<S extends ChartSpec>(spec: S): S {
  const keep = ISLAND_FIELDS[spec.id];
  if (!keep) return spec;
  const model = {};
  for (const [key, value] of Object.entries(spec.model)) Object.defineProperty(model, key, { value, enumerable: keep.includes(key) });
  return { ...spec, model };
}

/** How many scroll steps a chart has (0 for charts that do not step). */
export function stepCount(chart: ChartSpec): number {
  return chart.id === 'timeline' ? 0 : chart.model.steps;
}

export interface SourceRef {
  id: string;
  publisher: string;
  /** The page to read it on; without one, links go to the source's entry in the story's source list. */
  url?: string;
}

export interface ChartMeta {
  id: ChartId;
  title: string;
  subtitle: string;
  /** A description of what the chart shows, written from the data, for screen readers. */
  alt: string;
  notes: string[];
  sources: SourceRef[];
}

/** The chart's data as rows: the accessible table, and later the CSV download. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/** A detail shown on hover or focus: a heading, lines of text, and the sources behind it. */
export interface Detail {
  title: string;
  lines: string[];
  sources: SourceRef[];
}

/** Words as an accessibility checker (axe) compares them: lower case, punctuation and symbols dropped (not made spaces), single spaces. */
const comparable = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A detail read as one sentence, for a mark's accessible name. `visible` is the text the mark shows;
 * when the detail does not already say it, it leads the name, so speech users can say what they see
 * (WCAG 2.5.3, label in name).
 */
export function detailLabel(d: Detail, visible = ''): string {
  const label = [d.title, ...d.lines].join('. ');
  return comparable(label).includes(comparable(visible)) ? label : `${visible}. ${label}`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * A detail's words as the tooltip shows them, in HTML: its title, a line each, and its sources as links.
 * A string for the tooltip's {@html}: Svelte's runtime for {#each} would cost every island 2 KB.
 */
export function detailHtml(d: Detail): string {
  const links = d.sources.map((s) => `<a href="${escapeHtml(s.url ?? `#source-${s.id}`)}">${escapeHtml(s.publisher)}</a>`).join('; ');
  return [
    `<strong>${escapeHtml(d.title)}</strong>`,
    ...d.lines.map((l) => `<span>${escapeHtml(l)}</span>`),
    ...(links ? [`<span class="sources">${links}</span>`] : []),
  ].join('');
}

export function sourceRef(s: Source): SourceRef {
  return { id: s.id, publisher: s.publisher, url: s.url ?? s.retrievedFrom };
}

/** Sources of several figures, each once, in order of first use. */
export function sourcesOf(figures: Figure[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const f of figures) for (const s of f.sources) if (!seen.has(s.id)) seen.set(s.id, sourceRef(s));
  return [...seen.values()];
}

/** "SHINE / Shanghai Daily; Xinhua": each publisher once, for a table's source column. */
export function publishers(sources: { publisher: string }[], t: Translate): string {
  return joinList([...new Set(sources.map((s) => s.publisher))], t);
}

/** "Source: SHINE / Shanghai Daily; Xinhua". */
export function sourceLine(sources: SourceRef[], t: Translate): string {
  return t('source.line', { sources: publishers(sources, t) });
}

/** A derived figure's value with its formula, for tables and notes: "3.2 to 5.8× (80 ÷ 25 = 3.2; …)". */
export function withFormula(f: Figure, t: Translate): string {
  return f.formula ? t('label.aside', { text: f.text, aside: f.formula.text }) : f.text;
}

/**
 * Estimated width of a label in px: CJK characters about 1em, others about 0.6em, or 0.7em in bold
 * (wide system fonts such as DejaVu Sans set bold Latin text about that wide).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const latin = bold ? 0.7 : 0.6;
  return [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 1 : latin) * fontSize, 0);
}

/** Places a label by x inside [0, width]: right of x if it fits, else left of it, else as far right as it fits. */
export function fitLabel(x: number, text: string, fontSize: number, width: number, gap = 4): { x: number; anchor: 'start' | 'end' } {
  const w = textWidth(text, fontSize);
  if (x + gap + w <= width) return { x: x + gap, anchor: 'start' };
  if (x - gap - w >= 0) return { x: x - gap, anchor: 'end' };
  return { x: Math.max(0, width - w), anchor: 'start' };
}

/** CJK ideographs, kana and full-width forms: each one a unit a line may break around. */
const CJK = '\u3000-\u9fff\uff00-\uffef';
const CJK_CHAR = new RegExp(`[${CJK}]`);
// Only ordinary spaces break: a no-break space (French « » : ; ! ?) keeps its neighbours together.
const UNIT = new RegExp(`[${CJK}]|[^ \\t\\n${CJK}]+|[ \\t\\n]+`, 'g');
/** Punctuation no line may start with, and punctuation no line may end with (CJK line-breaking rules). */
const CLOSING = /^[)\]}）」』】〉》〕，。、；：！？,.;:!?]/;
const OPENING = /[([{（「『【〈《〔“‘]$/;

/**
 * Splits a label into lines of about `maxWidth` px for SVG text, which does not wrap by itself.
 * Latin text breaks at spaces; CJK text between characters, but never inside a run of Latin letters or
 * digits ("2021"), never before closing punctuation ("）", "，") and never after opening punctuation.
 * Widths are estimated with textWidth(), which is enough to lay out labels.
 */
export function wrapLines(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const units = text.match(UNIT) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const breakable =
      line.trim() !== '' &&
      unit.trim() !== '' &&
      !CLOSING.test(unit) &&
      !OPENING.test(line.trimEnd()) &&
      (/[ \t\n]$/.test(line) || CJK_CHAR.test(unit + line.at(-1)));
    if (breakable && textWidth((line + unit).trim(), fontSize, bold) > maxWidth) {
      lines.push(line.trim());
      line = unit;
    } else line += unit;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}
