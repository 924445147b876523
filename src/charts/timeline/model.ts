/**
 * The timeline: both cases' events (with the counts sources give) in lanes, and the national series
 * as bars on the same time axis. Dates keep their precision: a month-precise event spans its month.
 */
import { linear } from '~/charts/shared/scale';
import { publishers, sourceRef, sourceLine, textWidth, wrapLines, type ChartMeta, type DataTable, type Detail, type SourceRef } from '~/charts/shared/frame';
import type { SiteData } from '~/lib/data/load';
import type { FigureBook } from '~/lib/data/figures';
import { dateSpan, formatWhen, joinList } from '~/lib/i18n/format';
import { intlLocale } from '~/lib/i18n/locale';
import type { Translate, TextKey } from '~/lib/i18n/translate';
import type { Locale } from '~/lib/data/schema';

export interface TimelineMark {
  id: string;
  start: number;
  end: number;
  detail: Detail;
}

export interface TimelineEvent extends TimelineMark {
  /** Its date as the label shows it ("late August 2021"), and whether the date is inferred. */
  when: string;
  inferred: boolean;
  /** Counts the source gives for the event ("14 arrested"). */
  counts: string[];
}

export interface TimelineBar extends TimelineMark {
  value: number;
  /** The value for a label on the bar, short enough for narrow screens. */
  short: string;
  /** Covers part of a year or a non-calendar twelve months: drawn as an outline. */
  partial: boolean;
}

export interface TimelineModel {
  meta: ChartMeta;
  table: DataTable;
  /** Start and end of the axis, ms since the epoch (whole years). */
  domain: [number, number];
  years: number[];
  lanes: { id: string; label: string; events: TimelineEvent[] }[];
  /** A series that grows by orders of magnitude is drawn on a log scale, and its panel's title says so. */
  series: { id: string; label: string; title: string; max: number; log: boolean; bars: TimelineBar[] }[];
  rules: (TimelineMark & { label: string })[];
  periodNote: string;
  /** The line under an inferred date: "(date inferred)". */
  inferredNote: string;
  /** BCP 47 tag for the axes' number formats. */
  tag: string;
}

/** Every mark in reading order: rules, events, then bars; its place is its data-mark number (Plot's bars too). */
export function timelineMarks(model: TimelineModel): TimelineMark[] {
  return [...model.rules, ...model.lanes.flatMap((l) => l.events), ...model.series.flatMap((s) => s.bars)];
}

const YEAR = (y: number) => Date.UTC(y, 0, 1);
/** A series whose largest value is this many times its smallest is drawn on a log scale. */
const LOG_RATIO = 100;

export function buildTimeline(data: SiteData, book: FigureBook, locale: Locale, t: Translate): TimelineModel {
  const text = (l: { en: string } & Partial<Record<Locale, string>>) => l[locale] ?? l.en;
  const refs = (ids: string[]): SourceRef[] => ids.map((id) => sourceRef(data.sourceById.get(id)!));

  const cases = data.datasets.filter((d) => d.kind === 'case');
  const lanes = cases.map((c) => ({
    id: c.id,
    // Keys made from data ids: a missing one throws when looked up.
    label: t(`timeline.lane.${c.id}` as TextKey),
    events: c.events.map((e): TimelineEvent => {
      const counts = e.counts.map((c) => t(`count.${c.kind}`, { n: book.get(c.fact).text, count: book.get(c.fact).count }));
      const [start, end] = dateSpan(e.date);
      const date = formatWhen(e, locale, t);
      // The label sets "(date inferred)" on a line of its own, so its date is the bare one.
      const when = e.date.inferred ? formatWhen({ ...e, date: { ...e.date, inferred: false } }, locale, t) : date;
      return {
        id: e.id,
        start,
        end,
        when,
        inferred: Boolean(e.date.inferred),
        counts,
        detail: { title: date, lines: [text(e.label), ...counts], sources: refs(e.sources) },
      };
    }),
  }));

  const series = data.datasets
    .filter((d) => d.kind === 'series')
    .map((s) => {
      const values = s.facts.map((f) => f.value ?? f.range?.max ?? 0);
      const log = Math.max(...values) / Math.min(...values) >= LOG_RATIO;
      return {
        id: s.id,
        label: text(s.measure!),
        title: log ? t('timeline.logScale', { label: text(s.measure!) }) : text(s.measure!),
        max: Math.max(...values),
        log,
        bars: s.facts.map((f): TimelineBar => {
          const start = dateSpan(f.date)[0];
          const end = dateSpan(f.until ?? f.date)[1];
          const value = f.value ?? f.range!.max;
          const figure = book.get(f.id);
          return {
            id: f.id,
            start,
            end,
            value,
            short: f.qualifier ? t(`qualifier.${f.qualifier}`, { n: compact(value, locale) }) : compact(value, locale),
            partial: Boolean(f.until) || f.date.precision !== 'year',
            detail: { title: figure.when!, lines: [figure.label, figure.text, ...(f.note ? [text(f.note)] : [])], sources: refs(f.sources) },
          };
        }),
      };
    });

  const rules = data.datasets
    .filter((d) => d.kind === 'milestones')
    .flatMap((d) => d.events)
    .map((e) => {
      const [start, end] = dateSpan(e.date);
      return {
        id: e.id,
        start,
        end,
        label: t(`timeline.rule.${e.id}` as TextKey),
        detail: { title: formatWhen(e, locale, t), lines: [text(e.label)], sources: refs(e.sources) },
      };
    });

  const all = [...lanes.flatMap((l) => l.events), ...series.flatMap((s) => s.bars), ...rules];
  const first = new Date(Math.min(...all.map((m) => m.start))).getUTCFullYear();
  const last = new Date(Math.max(...all.map((m) => m.end)) - 1).getUTCFullYear();
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);

  const spp = series.find((s) => s.id === 'spp-aiding-prosecutions');
  const growthInputs = book.derived('spp.aiding-growth').inputs.map((id) => book.fact(id));
  const [lastYear, firstYear] = growthInputs;
  const shanghai = lanes.find((l) => l.id === 'shanghai-jiading')?.events ?? [];
  const hunan = lanes.find((l) => l.id === 'hunan-linwu')?.events ?? [];
  const span = (events: TimelineEvent[], i: number) => events.at(i)?.detail.title ?? '';
  const allSources = [...new Map(all.flatMap((m) => m.detail.sources).map((s) => [s.id, s])).values()];

  return {
    meta: {
      id: 'timeline',
      title: t('timeline.title'),
      subtitle: t('timeline.subtitle'),
      alt: t('timeline.alt', {
        start: String(first),
        end: String(last),
        shanghaiStart: span(shanghai, 0),
        shanghaiEnd: span(shanghai, -1),
        hunanStart: span(hunan, 0),
        hunanEnd: span(hunan, -1),
        firstProsecutions: book.get(firstYear!.id).text,
        firstYear: firstYear!.date.value,
        lastProsecutions: book.get(lastYear!.id).text,
        lastYear: lastYear!.date.value,
      }),
      notes: [t('timeline.notes'), t('timeline.period'), sourceLine(allSources, t)],
      sources: allSources,
    },
    table: {
      columns: [t('table.date'), t('table.case'), t('table.event'), t('table.counts'), t('table.source')],
      rows: [
        ...lanes.flatMap((l) => l.events.map((e) => [e.detail.title, l.label, e.detail.lines[0]!, joinList(e.counts, t), publishers(e.detail.sources, t)])),
        ...rules.map((r) => [r.detail.title, '', r.detail.lines[0]!, '', publishers(r.detail.sources, t)]),
        ...series.flatMap((s) => s.bars.map((b) => [b.detail.title, s.label, b.detail.lines[0]!, b.detail.lines[1]!, publishers(b.detail.sources, t)])),
      ],
    },
    domain: [YEAR(first), YEAR(last + 1)],
    years,
    lanes,
    series: spp ? [...series.filter((s) => s !== spp), spp] : series,
    rules,
    periodNote: t('timeline.period'),
    inferredNote: t('timeline.inferred'),
    tag: intlLocale(locale),
  };
}

/** 13.7K, 1.37万: short enough for a bar on a narrow screen. Exact values are in the detail and the table. */
function compact(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { notation: 'compact', maximumSignificantDigits: 3 }).format(n);
}

/** A label's box in px: left, top, width, height; or the box a leader line takes. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  leader?: boolean;
}

/** A label of one or more lines, placed by its box, with the leader that ties it to its mark. */
export interface PlacedLabel {
  id: string;
  lines: string[];
  box: Box;
  /** x1, y1, x2, y2 of the leader line, from the mark to the label. */
  leader: [number, number, number, number];
  /** False when no place was free and the label went under the others, its leader crossing some. */
  clear: boolean;
}

/** A national series' panel: its title, where Plot draws it, its scale, and the values on its bars. */
export interface TimelinePanel {
  id: string;
  /** The series label, wrapped to the chart's width. */
  title: string[];
  /** Baseline of the title's first line. */
  titleY: number;
  /** Top of the panel's drawing and its height (headroom above the bars, and the year axis below the last one, included). */
  y: number;
  height: number;
  /** Height of the bars' area, PANEL_HEAD under the panel's top. */
  plotH: number;
  log: boolean;
  /** The y domain, in the series' unit: from 0 (linear) or a power of ten (log). */
  domain: [number, number];
  /** The value on each bar, centred at x, baseline at y (chart px). */
  values: { id: string; text: string; x: number; y: number }[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  x: (ms: number) => number;
  left: number;
  right: number;
  /** The rules' lines run from their labels to `bottom`; the year bands from `top` to `bottom`. */
  top: number;
  bottom: number;
  narrow: boolean;
  rules: { id: string; x: number; label: PlacedLabel }[];
  lanes: { id: string; label: string; y: number }[];
  /** Each event's mark (x0 to x1 on the lane at y) and label: its first `dateLines` lines give the date, the rest the counts. */
  events: { id: string; x0: number; x1: number; y: number; label: PlacedLabel; dateLines: number }[];
  panels: TimelinePanel[];
}

/** Font sizes of the timeline's labels and of its bar values and axes, in px; its styles use the same. */
export const TIMELINE_FONT = 13;
export const TIMELINE_SMALL = 11;
/** Line height of a label, and the room kept around labels. */
const LINE = 16;
const PAD = 4;
/** Half the height of an event's mark. */
const MARK = 7;
/** Widest line of a label on a narrow chart, in px, and as a share of its width. */
const LABEL_MAX = 170;
const LABEL_SHARE = 0.4;
/** Widest line of a rule's label on a wide chart, in px. */
const RULE_MAX = 300;
/** Where a rule's line ends while labels are placed: below anything. */
const DOWN = 1e5;
/** Room between a leader and the label beside it. */
const GAP = 3;

/** Heights of a national series' bars: natural ones, and the least a panel can be squeezed to. */
const SERIES_H = { narrow: 110, wide: 130, least: 64 };
/** Room above a panel's bars for the values shifted off each other. */
export const PANEL_HEAD = 14;
/** Room under each panel, and the year axis's height under the last. */
const SERIES_GAP = 16;
export const AXIS_H = 24;

const overlaps = (a: Box, b: Box, pad = 0) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
/** To a tenth of a pixel: finer only adds bytes to the page (three artboards of coordinates). */
const round = (v: number) => Math.round(v * 10) / 10;
/** The box a leader line takes, a little wider than the line, for collisions. */
const lineBox = ([x1, y1, x2, y2]: [number, number, number, number]): Box => ({
  x: Math.min(x1, x2) - 1,
  y: Math.min(y1, y2),
  w: Math.abs(x2 - x1) + 2,
  h: Math.abs(y2 - y1),
});

/**
 * Places a label of `lines` beside a mark's vertical leader at `anchorX`: its top at `yMin` or lower,
 * inside `span`, on none of the `taken` boxes, and its leader (`leader(box)`) crossing none of them nor
 * the label itself. It tries the highest free place on the first of `sides`, then on the other. Where
 * nothing is free, it goes under everything placed (`clear` is then false). The label and its leader
 * join `taken`.
 */
export function placeLabel(
  id: string,
  lines: string[],
  anchorX: number,
  yMin: number,
  span: [number, number],
  taken: Box[],
  leader: (box: Box) => [number, number, number, number],
  sides: readonly ('start' | 'end')[] = ['start', 'end'],
): PlacedLabel {
  const w = round(Math.max(...lines.map((l) => textWidth(l, TIMELINE_FONT, true))));
  const h = lines.length * LINE;
  const [left, right] = span;
  // A rule's line runs to the bottom of the chart: no label goes under it.
  const bottoms = taken.filter((b) => b.y + b.h < DOWN).map((b) => b.y + b.h + PAD);
  const last = Math.max(yMin, ...bottoms);
  const ys = [...new Set([yMin, ...bottoms.filter((y) => y > yMin), last])].sort((a, b) => a - b);
  for (const side of sides) {
    for (const y of ys) {
      const box = { x: round(clamp(side === 'start' ? anchorX + GAP : anchorX - w - GAP, left, Math.max(left, right - w))), y, w, h };
      const line = leader(box);
      // Leaders may run side by side (marks a day apart); a leader never crosses a label.
      const clear = !overlaps(box, lineBox(line)) && !taken.some((b) => overlaps(box, b, PAD) || (!b.leader && overlaps(lineBox(line), b)));
      if (clear || (y === last && side === sides.at(-1))) {
        taken.push(box, { ...lineBox(line), leader: true });
        return { id, lines, box, leader: line, clear };
      }
    }
  }
  throw new Error(`timeline: no place for the label of ${id}`);
}

/**
 * One label per event of a lane, under the lane at `y`. Labels are placed in the order and with the
 * side preference that leaves the fewest leaders crossing a label, then the shortest lane; marks
 * close together get a staircase of labels.
 */
function laneLabels(events: { id: string; lines: string[]; x: number }[], y: number, span: [number, number]): PlacedLabel[] {
  const tries = [false, true].flatMap((reverse) =>
    (['start', 'end'] as const).map((first) => {
      const taken: Box[] = [];
      const order = reverse ? [...events].reverse() : events;
      const sides = first === 'start' ? (['start', 'end'] as const) : (['end', 'start'] as const);
      const labels = order.map((e) => placeLabel(e.id, e.lines, e.x, y + MARK + 6, span, taken, (box) => [e.x, y + MARK, e.x, box.y + LINE / 2], sides));
      const crossed = labels.filter((l) => !l.clear).length;
      const depth = Math.max(...labels.map((l) => l.box.y + l.box.h));
      return { labels: events.map((e) => labels.find((l) => l.id === e.id)!), crossed, depth };
    }),
  );
  return tries.reduce((best, t) => (t.crossed < best.crossed || (t.crossed === best.crossed && t.depth < best.depth) ? t : best)).labels;
}

/** Where a label of `lines` has its baselines, from its box (for the component). */
export const baseline = (label: PlacedLabel, i: number) => label.box.y + 12 + i * LINE;

/**
 * The timeline's geometry at one width, all of it: rule labels at the top, each at its own line;
 * the lanes with one label per event (its date and counts) under it, tied to it by a leader and placed
 * off every other label; then one panel per national series on the same time scale, a log scale for
 * a series that grows by orders of magnitude, with the value on every bar. Given a `height` (a
 * slide's), the panels shrink towards it; the lanes keep their room.
 */
export function layoutTimeline(model: TimelineModel, width: number, height?: number): TimelineLayout {
  const narrow = width < 560;
  const left = narrow ? 34 : 44;
  const right = width - 8;
  const span: [number, number] = [4, width - 4];
  const time = linear(model.domain, [left, right]);
  const x = (ms: number) => round(time(ms));

  // Rule labels, top down; each rule's line runs down from its label, so later labels avoid it.
  const ruleTaken: Box[] = [];
  const rules = model.rules.map((r) => {
    const rx = x(r.start);
    // Narrower and narrower lines until the label sits beside its line without crossing another rule's.
    const widest = narrow ? LABEL_MAX : RULE_MAX;
    const tries = [1, 0.7, 0.5].map((share) => {
      const taken = [...ruleTaken];
      return {
        taken,
        label: placeLabel(r.id, wrapLines(r.label, widest * share, TIMELINE_FONT, true), rx, 4, span, taken, (box) => [rx, box.y + 2, rx, DOWN]),
      };
    });
    const chosen = tries.find((t) => t.label.clear) ?? tries[0]!;
    ruleTaken.splice(0, ruleTaken.length, ...chosen.taken);
    return { id: r.id, x: rx, label: chosen.label };
  });
  const top = Math.max(4, ...rules.map((r) => r.label.box.y + r.label.box.h)) + 8;

  // Lanes: the lane's name, its line, and its events' labels under it.
  const lanes: TimelineLayout['lanes'] = [];
  const events: TimelineLayout['events'] = [];
  let y = top + 30;
  for (const lane of model.lanes) {
    lanes.push({ id: lane.id, label: lane.label, y });
    const marks = lane.events.map((e) => {
      const x0 = x(e.start);
      return { id: e.id, x0, x1: Math.max(x0 + 6, x(e.end)) };
    });
    // On a narrow chart a long line wraps ("7 September 2021" / "(date inferred)").
    const wrap = (line: string) => (narrow ? wrapLines(line, Math.min(LABEL_MAX, width * LABEL_SHARE), TIMELINE_FONT, true) : [line]);
    const dates = lane.events.map((e) => [e.when, ...(e.inferred ? [model.inferredNote] : [])].flatMap(wrap));
    const labels = laneLabels(
      lane.events.map((e, i) => ({ id: e.id, lines: [...dates[i]!, ...e.counts.flatMap(wrap)], x: (marks[i]!.x0 + marks[i]!.x1) / 2 })),
      y,
      span,
    );
    marks.forEach((m, i) => events.push({ ...m, y, label: labels[i]!, dateLines: dates[i]!.length }));
    y = Math.max(y + MARK, ...labels.map((l) => l.box.y + l.box.h)) + 40;
  }

  // The national series, one panel each, the last with the year axis under it.
  const n = model.series.length;
  const natural = narrow ? SERIES_H.narrow : SERIES_H.wide;
  const titles = model.series.map((s) => wrapLines(s.title, right - 8, TIMELINE_FONT, true));
  const titleH = titles.reduce((h, t) => h + (t.length - 1) * LINE + 28, 0);
  const fitted = height === undefined || n === 0 ? natural : Math.floor((height - y - AXIS_H - titleH - n * (SERIES_GAP + PANEL_HEAD)) / n);
  const plotH = Math.max(SERIES_H.least, Math.min(natural, fitted));
  const panels = model.series.map((s, i): TimelinePanel => {
    const title = titles[i]!;
    const titleY = y + 12;
    // The bars start under the title, with room for the top tick's label.
    const py = titleY + (title.length - 1) * LINE + 16;
    const domain = seriesDomain(s);
    const share = s.log
      ? (v: number) => (Math.log10(v) - Math.log10(domain[0])) / (Math.log10(domain[1]) - Math.log10(domain[0]))
      : (v: number) => v / domain[1];
    const scale = (v: number) => PANEL_HEAD + plotH * (1 - share(v));
    const taken: Box[] = [];
    // Full bars first, each with its value above it; a partial bar's value goes just inside its outline's top.
    const order = [...s.bars].sort((a, b) => Number(a.partial) - Number(b.partial));
    const values = order.map((b) => {
      const text = narrow ? b.short : b.detail.lines[1]!;
      const w = textWidth(text, TIMELINE_SMALL);
      const cx = clamp((x(b.start) + x(b.end)) / 2, left + w / 2, right - w / 2);
      const barTop = py + scale(b.value);
      // Baselines to try: inside the top of a partial bar's outline first; else above the bar, a row
      // higher while the panel has room, then inside the bar's top.
      const inside = PANEL_HEAD + plotH - scale(b.value) > 2 * LINE ? [barTop + 13] : [];
      const above = Array.from({ length: 4 }, (_, k) => barTop - 4 - 13 * k).filter((base) => base - 10 >= py);
      const bases = b.partial ? [...inside, ...above] : [...above, ...inside];
      const box = (base: number) => ({ x: cx - w / 2, y: base - 10, w, h: 12 });
      const base = bases.find((y) => !taken.some((o) => overlaps(box(y), o, 2))) ?? bases[0] ?? barTop - 4;
      taken.push(box(base));
      return { id: b.id, text, x: round(cx), y: round(base) };
    });
    const height = PANEL_HEAD + plotH + (i === n - 1 ? AXIS_H : 0);
    y = py + height + SERIES_GAP;
    return { id: s.id, title, titleY, y: py, height, plotH, log: s.log, domain, values: s.bars.map((b) => values.find((v) => v.id === b.id)!) };
  });
  const bottom = n ? panels.at(-1)!.y + PANEL_HEAD + plotH : y;
  return { width, height: y, x, left, right, top, bottom, narrow, rules, lanes, events, panels };
}

/** The y domain of a series' panel: room above the tallest bar for its value; a log scale from a power of ten. */
function seriesDomain(s: TimelineModel['series'][number]): [number, number] {
  if (!s.log) return [0, s.max / 0.82];
  const min = Math.min(...s.bars.map((b) => b.value));
  return [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(s.max / 0.8))];
}
