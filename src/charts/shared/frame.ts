/**
 * What every chart shares: its frame (title, subtitle, alt text, notes, sources) and its data table.
 * Chart models are built on the server, fully worded in one locale, so chart drawings only lay out
 * and draw, and the same model serves the story, an embed and a slide.
 */
import type { Figure } from '~/data/figures';
import { joinSentences } from '~/i18n/typography';
import { escapeHtml, joinList } from '~/i18n/format';
import type { Translate } from '~/i18n/translate';
import type { Source } from '~/data/schema';

export interface SourceRef {
  id: string;
  publisher: string;
  /** The page to read it on; without one, links go to the source's entry in the story's source list. */
  url?: string;
}

export interface ChartMeta {
  /** The chart's id (its definition's, src/charts/<chart>/definition.ts). */
  id: string;
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
  const label = joinSentences([d.title, ...d.lines]);
  return comparable(label).includes(comparable(visible)) ? label : joinSentences([visible, label]);
}

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

/** CJK ideographs, kana and full-width forms: each one a unit a line may break around. (The regular expressions are marked pure, so the tooltip, which imports this module, does not bundle them.) */
const CJK = '\u3000-\u9fff\uff00-\uffef';
const CJK_CHAR = /* @__PURE__ */ new RegExp(`[${CJK}]`);
// Only ordinary spaces break: a no-break space (French « » : ; ! ?) keeps its neighbours together.
const UNIT = /* @__PURE__ */ new RegExp(`[${CJK}]|[^ \\t\\n${CJK}]+|[ \\t\\n]+`, 'g');
/** Punctuation no line may start with, and punctuation no line may end with (CJK line-breaking rules, kinsoku). */
const CLOSING = /^[)\]}）」』】〉》〕〗〙｝”’，。、；：！？…,.;:!?]/;
const OPENING = /[([{（「『【〈《〔〖〘｛“‘]$/;
/** A line of one CJK character, with any closing punctuation after it: left alone on a last line, it reads as a slip. */
const ORPHAN = /* @__PURE__ */ new RegExp(`^[${CJK}]${CLOSING.source.slice(1)}*$`);

/**
 * Splits a label into lines of about `maxWidth` px for SVG text, which does not wrap by itself.
 * Latin text breaks at spaces; CJK text between characters, but never inside a run of Latin letters or
 * digits ("2021"), never before closing punctuation ("）", "，", "”") and never after opening punctuation.
 * A last line of a single CJK character (and its closing punctuation) takes the word or character
 * before it too, so no character is left alone (that line may be a character wider than `maxWidth`). Widths are estimated with textWidth(), which is enough
 * to lay out labels.
 */
export function wrapLines(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const units = text.match(UNIT) ?? [];
  const lines: string[][] = [];
  let line: string[] = [];
  const joined = (l: string[]) => l.join('');
  for (const unit of units) {
    const current = joined(line);
    const breakable =
      current.trim() !== '' &&
      unit.trim() !== '' &&
      !CLOSING.test(unit) &&
      !OPENING.test(current.trimEnd()) &&
      (/[ \t\n]$/.test(current) || CJK_CHAR.test(unit + current.at(-1)));
    if (breakable && textWidth((current + unit).trim(), fontSize, bold) > maxWidth) {
      lines.push(line);
      line = [unit];
    } else line.push(unit);
  }
  if (joined(line).trim()) lines.push(line);
  const last = lines.at(-1);
  const before = lines.at(-2);
  // Move units down from the line before until the last line is more than one character, never
  // leaving closing punctuation at the start of a line or opening punctuation at the end of one; a
  // line before of one word joins the last line whole.
  if (last && before && ORPHAN.test(joined(last).trim())) {
    const moved: string[] = [];
    while (before.length > 0 && (moved.length === 0 || moved[0]!.trim() === '' || CLOSING.test(moved[0]!) || OPENING.test(joined(before).trimEnd())))
      moved.unshift(before.pop()!);
    last.unshift(...moved);
    if (joined(before).trim() === '') lines.splice(-2, 1);
  }
  return lines.map((l) => joined(l).trim());
}
