/**
 * The timeline: both cases' events (with the counts sources give) in lanes, and the national series
 * as bars on the same time axis. Dates keep their precision: a month-precise event spans its month.
 */
import { linear } from '~/charts/shared/scale';
import { publishers, sourceRef, sourceLine, textWidth, wrapLines, type ChartMeta, type DataTable, type Detail, type SourceRef } from '~/charts/shared/frame';
import type { SiteData } from '~/data/load';
import type { FigureBook } from '~/data/figures';
import { dateSpan, formatWhen, joinList } from '~/i18n/format';
import { intlLocale, localize, type Locale } from '~/i18n/locale';
import type { Translate, TextKey } from '~/i18n/translate';
import { ticks } from 'd3-array';

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
  const text = (l: { en: string } & Partial<Record<Locale, string>>) => localize(l, locale);
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
          const start = dateSpan(f.date!)[0];
          const end = dateSpan(f.until ?? f.date!)[1];
          const value = f.value ?? f.range!.max;
          const figure = book.get(f.id);
          return {
            id: f.id,
            start,
            end,
            value,
            short: f.qualifier ? t(`qualifier.${f.qualifier}`, { n: compact(value, locale) }) : compact(value, locale),
            partial: Boolean(f.until) || f.date!.precision !== 'year',
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
        firstYear: firstYear!.date!.value,
        lastProsecutions: book.get(lastYear!.id).text,
        lastYear: lastYear!.date!.value,
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

/** x1, y1, x2, y2 of a line. */
type Line = [number, number, number, number];

/** A label of one or more lines, placed by its box, with the leader that ties it to its mark. */
export interface PlacedLabel {
  id: string;
  lines: string[];
  box: Box;
  /** The leader line, from the mark to the label. */
  leader: Line;
  /** False when no place was free and the label went under the others, its leader crossing some. */
  clear: boolean;
  /**
   * The side of the box its lines align to: the left edge, or the right edge for a label left of its
   * leader, so that its words meet the leader however much narrower the font draws them than measured.
   */
  anchor: 'start' | 'end';
}

/** Where a label's lines are drawn from, by its anchor. */
export const labelX = (label: Pick<PlacedLabel, 'box' | 'anchor'>) => (label.anchor === 'end' ? round(label.box.x + label.box.w) : label.box.x);

/** The parts a slide can show alone: the cases' events (with the rules), or the national figures (with the rules). */
export type TimelinePart = 'cases' | 'national';

/** The parts the model has, in reading order: talk mode gives each a slide. */
export function timelineParts(model: TimelineModel): TimelinePart[] {
  return [...(model.lanes.length > 0 ? (['cases'] as const) : []), ...(model.series.length > 0 ? (['national'] as const) : [])];
}

/** A national series' panel: its title, where Plot draws it, its scale, and the values on its bars. */
export interface TimelinePanel {
  id: string;
  /** The series label, wrapped to the chart's width. */
  title: string[];
  /** Baseline of the title's first line. */
  titleY: number;
  /** Top of the panel's drawing and its height (the room above the bars and the axis under them included). */
  y: number;
  height: number;
  /** Length of the time axis in the panel: the bars' height (time across) or the years' column (time down). */
  plotH: number;
  /** Room above the bars (for values), and the axis's height under them (0 for none). */
  head: number;
  axis: number;
  /** Where the value axis ends on the right when time runs down (bars across); the chart's right otherwise. */
  right: number;
  log: boolean;
  /** The value domain, in the series' unit: from 0 (linear) or a power of ten (log). */
  domain: [number, number];
  /** The value on each bar, at x with its anchor, baseline at y (chart px). */
  values: { id: string; text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** Size of the labels, and of the bar values and axes, in px. */
  font: number;
  small: number;
  /** Time runs down the page (a phone's layout): the events down the left, the national bars across. */
  vertical: boolean;
  /** Position of a date on the events' time axis: x, or y when time runs down. */
  x: (ms: number) => number;
  left: number;
  right: number;
  /** Where the events' time span starts and ends, across (y) or down. */
  top: number;
  bottom: number;
  narrow: boolean;
  /** Every other year, shaded behind the events. */
  bands: Box[];
  /** Year labels drawn beside the events (Plot draws the panels' own axes): `small` ones at the size of the bar values, the others at the labels'. */
  years: { text: string; x: number; y: number; anchor: 'start' | 'middle'; small: boolean }[];
  rules: { id: string; x: number; line: Line; label: PlacedLabel }[];
  /** Each lane's line and its name's box (one line of text). */
  lanes: { id: string; label: string; line: Line; box: Box }[];
  /** Each event's mark and label: its first `dateLines` lines give the date, the rest the counts. */
  events: { id: string; mark: Box; label: PlacedLabel; dateLines: number }[];
  panels: TimelinePanel[];
}

export interface TimelineOptions {
  /** Height to fit the drawing into (a slide's): the panels shrink towards it. */
  height?: number | undefined;
  /** Size of the labels in px (TIMELINE_FONT by default): every distance of the layout grows with it. */
  font?: number | undefined;
  /** Size of the bar values and axes in px: TIMELINE_SMALL / TIMELINE_FONT of `font` by default. */
  small?: number | undefined;
  /** One part alone; both by default. */
  part?: TimelinePart | undefined;
  /** Time runs down the page, for a phone. */
  vertical?: boolean | undefined;
}

/** Font sizes of the timeline's labels and of its bar values and axes, in px, at the default type size. */
export const TIMELINE_FONT = 13;
export const TIMELINE_SMALL = 11;
/** Distances below are at the default type size; a layout multiplies them by its font / TIMELINE_FONT. */
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
const PANEL_HEAD = 14;
/** Room under each panel, and the year axis's height under the last. */
const SERIES_GAP = 16;
const AXIS_H = 24;
/** Time running down: a year's row in a national panel. */
const ROW = 24;

const overlaps = (a: Box, b: Box, pad = 0) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
/** To a tenth of a pixel: finer only adds bytes to the page (three artboards of coordinates). */
const round = (v: number) => Math.round(v * 10) / 10;
const YEAR_MS = (y: number) => Date.UTC(y, 0, 1);
/** The box a leader line takes, a little wider than the line, for collisions. */
const lineBox = ([x1, y1, x2, y2]: Line): Box => ({
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
 * join `taken`. `font` is the labels' size: line height and gaps grow with it.
 */
export function placeLabel(
  id: string,
  lines: string[],
  anchorX: number,
  yMin: number,
  span: [number, number],
  taken: Box[],
  leader: (box: Box) => Line,
  sides: readonly ('start' | 'end')[] = ['start', 'end'],
  font = TIMELINE_FONT,
): PlacedLabel {
  const k = font / TIMELINE_FONT;
  const w = round(Math.max(...lines.map((l) => textWidth(l, font, true))));
  const h = lines.length * LINE * k;
  const [left, right] = span;
  // A rule's line runs to the bottom of the chart: no label goes under it.
  const bottoms = taken.filter((b) => b.y + b.h < DOWN).map((b) => b.y + b.h + PAD * k);
  const last = Math.max(yMin, ...bottoms);
  const ys = [...new Set([yMin, ...bottoms.filter((y) => y > yMin), last])].sort((a, b) => a - b);
  for (const side of sides) {
    for (const y of ys) {
      const box = { x: round(clamp(side === 'start' ? anchorX + GAP * k : anchorX - w - GAP * k, left, Math.max(left, right - w))), y, w, h };
      const line = leader(box);
      // Leaders may run side by side (marks a day apart); a leader never crosses a label.
      const clear = !overlaps(box, lineBox(line)) && !taken.some((b) => overlaps(box, b, PAD * k) || (!b.leader && overlaps(lineBox(line), b)));
      if (clear || (y === last && side === sides.at(-1))) {
        taken.push(box, { ...lineBox(line), leader: true });
        return { id, lines, box, leader: line, clear, anchor: side };
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
function laneLabels(events: { id: string; lines: string[]; x: number }[], y: number, span: [number, number], font: number): PlacedLabel[] {
  const k = font / TIMELINE_FONT;
  const START = ['start', 'end'] as const;
  const END = ['end', 'start'] as const;
  // In order or reversed, each preferring one side; or from the outside in, the earlier half leftwards
  // and the later rightwards, so that a cluster's labels fan out to both sides.
  const outsideIn = events.map((_, i) => (i % 2 === 0 ? i / 2 : events.length - 1 - (i - 1) / 2));
  const orders = [
    ...[false, true].flatMap((reverse) => [START, END].map((sides) => (reverse ? [...events].reverse() : events).map((e) => ({ e, sides })))),
    outsideIn.map((i) => ({ e: events[i]!, sides: i < events.length / 2 ? END : START })),
  ];
  const tries = orders.map((order) => {
    const taken: Box[] = [];
    const labels = order.map(({ e, sides }) =>
      placeLabel(e.id, e.lines, e.x, y + (MARK + 6) * k, span, taken, (box) => [e.x, y + MARK * k, e.x, box.y + (LINE / 2) * k], sides, font),
    );
    const crossed = labels.filter((l) => !l.clear).length;
    const depth = Math.max(...labels.map((l) => l.box.y + l.box.h));
    return { labels: events.map((e) => labels.find((l) => l.id === e.id)!), crossed, depth };
  });
  return tries.reduce((best, t) => (t.crossed < best.crossed || (t.crossed === best.crossed && t.depth < best.depth) ? t : best)).labels;
}

/** Where line `i` of a label has its baseline, from its box (for the component). */
export const baseline = (label: { box: Box; lines: unknown[] }, i: number) => round(label.box.y + (label.box.h / label.lines.length) * (i + 0.75));

/**
 * The timeline's geometry at one width, all of it. Time across: rule labels at the top, each at its
 * own line; the lanes with one label per event (its date and counts) under it, tied to it by a leader
 * and placed off every other label; then one panel per national series on the same time scale, a log
 * scale for a series that grows by orders of magnitude, with the value on every bar. Given a `height`
 * (a slide's), the panels shrink towards it; the lanes keep their room. Given a `part`, only the
 * events (with a year axis of their own) or only the panels, each with the rules. Time down (a phone):
 * see layoutDown.
 */
export function layoutTimeline(model: TimelineModel, width: number, options: TimelineOptions = {}): TimelineLayout {
  const font = options.font ?? TIMELINE_FONT;
  const small = options.small ?? (TIMELINE_SMALL * font) / TIMELINE_FONT;
  if (options.vertical) return layoutDown(model, width, font, small);
  const k = font / TIMELINE_FONT;
  // Distances around the values grow with their size.
  const ks = small / TIMELINE_SMALL;
  const line = LINE * k;
  const cases = options.part !== 'national';
  const national = options.part !== 'cases';
  // Narrow for its type: a slide laid out at a large size words its labels as a phone does.
  const narrow = width / k < 560;
  // Room for the panels' tick labels (Plot sets them right of `left`), at least as much as the lanes need.
  const left = Math.max((narrow ? 34 : 44) * k, national ? tickRoom(model, small) : 0);
  const right = width - 8 * k;
  const span: [number, number] = [4 * k, width - 4 * k];
  // The cases alone start at their own first year, so they spread wider; they end with the chart.
  const years = national ? model.years : model.years.filter((year) => year >= eventYears(model)[0]!);
  const time = linear([YEAR_MS(years[0]!), YEAR_MS(years.at(-1)! + 1)], [left, right]);
  const x = (ms: number) => round(time(ms));

  // Rule labels, top down; each rule's line runs down from its label, so later labels avoid it.
  const ruleTaken: Box[] = [];
  const placedRules = model.rules.map((r, i) => {
    const rx = x(r.start);
    // The later rules' lines are not drawn yet: a label beside this one's keeps off them too.
    const later = model.rules.slice(i + 1).map((o): Box => ({ x: x(o.start) - 1, y: 0, w: 2, h: DOWN, leader: true }));
    // Narrower and narrower lines until the label sits beside its line without crossing another rule's.
    const widest = narrow ? Math.max(LABEL_MAX * k, (right - left) * 0.55) : RULE_MAX * k;
    const tries = [1, 0.7, 0.5].map((share) => {
      const taken = [...ruleTaken, ...later];
      const label = placeLabel(
        r.id,
        wrapLines(r.label, widest * share, font, true),
        rx,
        4 * k,
        span,
        taken,
        (box) => [rx, box.y + 2 * k, rx, DOWN],
        undefined,
        font,
      );
      return { taken: taken.filter((b) => !later.includes(b)), label };
    });
    const chosen = tries.find((t) => t.label.clear) ?? tries[0]!;
    ruleTaken.splice(0, ruleTaken.length, ...chosen.taken);
    return { id: r.id, x: rx, label: chosen.label };
  });
  const top = Math.max(4 * k, ...placedRules.map((r) => r.label.box.y + r.label.box.h)) + 8 * k;

  // Lanes: the lane's name, its line, and its events' labels under it.
  const lanes: TimelineLayout['lanes'] = [];
  const events: TimelineLayout['events'] = [];
  const yearLabels: TimelineLayout['years'] = [];
  let y = top + (cases ? 30 : 4) * k;
  for (const lane of cases ? model.lanes : []) {
    lanes.push({ id: lane.id, label: lane.label, line: [left, y, right, y], box: { x: 8 * k, y: y - 28 * k, w: textWidth(lane.label, font, true), h: line } });
    const marks = lane.events.map((e) => {
      const x0 = x(e.start);
      return { id: e.id, x0, x1: Math.max(x0 + 6 * k, x(e.end)) };
    });
    // On a narrow chart a long line wraps ("7 September 2021" / "(date inferred)").
    const wrap = (text: string) => (narrow ? wrapLines(text, Math.min(LABEL_MAX * k, width * LABEL_SHARE), font, true) : [text]);
    const dates = lane.events.map((e) => [e.when, ...(e.inferred ? [model.inferredNote] : [])].flatMap(wrap));
    const labels = laneLabels(
      lane.events.map((e, i) => ({ id: e.id, lines: [...dates[i]!, ...e.counts.flatMap(wrap)], x: (marks[i]!.x0 + marks[i]!.x1) / 2 })),
      y,
      span,
      font,
    );
    marks.forEach((m, i) =>
      events.push({ id: m.id, mark: { x: m.x0, y: y - MARK * k, w: m.x1 - m.x0, h: 2 * MARK * k }, label: labels[i]!, dateLines: dates[i]!.length }),
    );
    y = Math.max(y + MARK * k, ...labels.map((l) => l.box.y + l.box.h)) + 40 * k;
  }
  if (!national) {
    // The events alone: their own year axis under the last lane (Plot draws it under the panels).
    y -= 40 * k - 8 * k;
    for (const year of years) yearLabels.push({ text: yearText(year, narrow), x: x(YEAR_MS(year)), y: round(y + font), anchor: 'middle', small: false });
    y += font + 8 * k;
  }

  // The national series, one panel each, the last with the year axis under it.
  const series = national ? model.series : [];
  const n = series.length;
  const natural = (narrow ? SERIES_H.narrow : SERIES_H.wide) * k;
  const titles = series.map((s) => wrapLines(s.title, right - 8 * k, font, true));
  const titleH = titles.reduce((h, t) => h + (t.length - 1) * line + 28 * k, 0);
  const fitted =
    options.height === undefined || n === 0 ? natural : Math.floor((options.height - y - AXIS_H * ks - titleH - n * (SERIES_GAP * k + PANEL_HEAD * ks)) / n);
  const plotH = Math.max(SERIES_H.least * k, Math.min(natural, fitted));
  const head = PANEL_HEAD * ks;
  const panels = series.map((s, i): TimelinePanel => {
    const title = titles[i]!;
    const titleY = y + 12 * k;
    // The bars start under the title, with room for the top tick's label.
    const py = titleY + (title.length - 1) * line + 16 * k;
    const domain = seriesDomain(s, 0.82);
    const share = valueShare(s.log, domain);
    const scale = (v: number) => head + plotH * (1 - share(v));
    const taken: Box[] = [];
    // Full bars first, each with its value above it; a partial bar's value goes just inside its outline's top.
    const order = [...s.bars].sort((a, b) => Number(a.partial) - Number(b.partial));
    const values = order.map((b) => {
      const text = narrow ? b.short : b.detail.lines[1]!;
      const w = textWidth(text, small);
      const cx = clamp((x(b.start) + x(b.end)) / 2, left + w / 2, right - w / 2);
      const barTop = py + scale(b.value);
      // Baselines to try: inside the top of a partial bar's outline first; else above the bar, a row
      // higher while the panel has room, then inside the bar's top.
      // Inside, a row lower while the bar is tall enough: a partial bar's value stays in its own outline,
      // never above a full bar it overlaps, where it would read as that bar's.
      const inside = Array.from({ length: b.partial ? 3 : 1 }, (_, j) => barTop + 13 * ks * (j + 1)).filter(
        (base) => base + 2 * line - 13 * ks <= py + head + plotH,
      );
      const above = Array.from({ length: 4 }, (_, j) => barTop - 4 * k - 13 * ks * j).filter((base) => base - 10 * ks >= py);
      const bases = b.partial ? [...inside, ...above] : [...above, ...inside];
      const box = (base: number) => ({ x: cx - w / 2, y: base - 10 * ks, w, h: 12 * ks });
      const base = bases.find((yb) => !taken.some((o) => overlaps(box(yb), o, 2 * k))) ?? bases[0] ?? barTop - 4 * k;
      taken.push(box(base));
      return { id: b.id, text, x: round(cx), y: round(base), anchor: 'middle' as const };
    });
    const axis = i === n - 1 ? AXIS_H * ks : 0;
    const height = head + plotH + axis;
    y = py + height + SERIES_GAP * k;
    return {
      id: s.id,
      title,
      titleY,
      y: py,
      height,
      plotH,
      head,
      axis,
      right,
      log: s.log,
      domain,
      values: s.bars.map((b) => values.find((v) => v.id === b.id)!),
    };
  });
  const bottom = n ? panels.at(-1)!.y + head + plotH : y - 8 * k - font;
  const bands = years.flatMap((year, i) => {
    const x0 = x(YEAR_MS(year));
    return i % 2 === 0 ? [{ x: x0, y: top, w: round(x(YEAR_MS(year + 1)) - x0), h: round(bottom - top) }] : [];
  });
  const rules = placedRules.map((r) => ({ ...r, line: [r.x, r.label.leader[1], r.x, bottom] as Line }));
  // No room kept under the last panel: its axis is inside it.
  const height = n ? bottom + AXIS_H * ks : y;
  return {
    width,
    height: round(height),
    font,
    small,
    vertical: false,
    x,
    left,
    right,
    top,
    bottom,
    narrow,
    bands,
    years: yearLabels,
    rules,
    lanes,
    events,
    panels,
  };
}

/** The events' own years, from the first rule or event to the last. */
function eventYears(model: TimelineModel): number[] {
  const dated = [...model.rules, ...model.lanes.flatMap((l) => l.events)];
  const first = new Date(Math.min(...dated.map((m) => m.start))).getUTCFullYear();
  const last = new Date(Math.max(...dated.map((m) => m.end)) - 1).getUTCFullYear();
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The width the panels' value axes need left of the bars: their widest tick label, with the tick. */
function tickRoom(model: TimelineModel, size: number): number {
  const format = new Intl.NumberFormat(model.tag, { notation: 'compact', maximumSignificantDigits: 3 });
  const labels = model.series.flatMap((s) => (s.log ? logTicks(seriesDomain(s, 0.82)) : ticks(0, seriesDomain(s, 0.82)[1], 3)).map((v) => format.format(v)));
  return Math.max(...labels.map((l) => textWidth(l, size))) + 10 * (size / TIMELINE_SMALL);
}

/** 100, 1,000, 10,000 ...: one gridline per power of ten, as the log panels draw them. */
export function logTicks([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v *= 10) out.push(v);
  return out;
}

/** "2021", or "’21" where room is short. */
const yearText = (year: number, short: boolean) => (short ? `’${String(year).slice(2)}` : String(year));

/** Where a value falls between a panel's ends, 0 to 1. */
function valueShare(log: boolean, [lo, hi]: [number, number]): (v: number) => number {
  return log ? (v) => (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v) => v / hi;
}

/**
 * Time running down the page, for a phone: years down the left; each case a track of marks, its
 * events' labels in one column beside the tracks, each tied to its mark by a leader; the rules as lines
 * across, each labelled just above its line. A year is given the least height that lets every label sit
 * at or below its mark without crossing a rule. Under the events, each national series is a panel of
 * bars across, one row per year (a log scale for a series that grows by orders of magnitude), with
 * its value at the end of each bar.
 */
function layoutDown(model: TimelineModel, width: number, font: number, small: number): TimelineLayout {
  const k = font / TIMELINE_FONT;
  const ks = small / TIMELINE_SMALL;
  const line = LINE * k;
  const pad = PAD * k;
  // Room for a year ("2021") left of the tracks and the bars, with Plot's tick offset.
  const left = round(textWidth('0000', small) + 14 * ks);
  const right = width - 4 * k;
  const tracks = model.lanes.map((_, i) => left + (10 + 18 * i) * k);
  // The labels' column, right of the last track and its leaders.
  const column = (tracks.at(-1) ?? left) + 22 * k;
  const wrap = (text: string) => wrapLines(text, right - column, font, true);
  const years = eventYears(model);
  const first = years[0]!;
  const last = years.at(-1)!;
  const top = 6 * k;
  const size = (lines: string[]) => ({ w: round(Math.max(...lines.map((l) => textWidth(l, font, true)))), h: lines.length * line });

  type Item = { at: number; id: string; lines: string[]; kind: 'rule' | 'lane' | 'event'; mark?: Box };
  const place = (yearH: number) => {
    const time = linear([YEAR_MS(first), YEAR_MS(last + 1)], [top, top + years.length * yearH]);
    const y = (ms: number) => round(time(ms));
    const items: Item[] = [
      ...model.rules.map((r): Item => ({ at: y(r.start), id: r.id, lines: wrap(r.label), kind: 'rule' })),
      ...model.lanes.flatMap((lane, i) =>
        lane.events.flatMap((e, j): Item[] => {
          const y0 = y(e.start);
          const mark = { x: tracks[i]! - 6 * k, y: y0, w: 12 * k, h: Math.max(6 * k, y(e.end) - y0) };
          const lines = [...[e.when, ...(e.inferred ? [model.inferredNote] : [])].flatMap(wrap), ...e.counts.flatMap(wrap)];
          const event: Item = { at: mark.y + mark.h / 2 - line / 2, id: e.id, lines, kind: 'event', mark };
          // The lane's name heads its first event's label.
          return j === 0 ? [{ at: event.at - line - pad, id: lane.id, lines: [lane.label], kind: 'lane' }, event] : [event];
        }),
      ),
    ].sort((a, b) => a.at - b.at);
    let cursor = top;
    const placed: (Item & { box: Box })[] = [];
    for (const item of items) {
      const { w, h } = size(item.lines);
      // A rule's label sits just above its line; any other label at its mark or, when that is taken, lower.
      const boxY = item.kind === 'rule' ? item.at - h - 2 * k : Math.max(item.at, cursor);
      if (boxY < cursor) return undefined;
      placed.push({ ...item, box: { x: column, y: round(boxY), w, h } });
      cursor = (item.kind === 'rule' ? item.at + 2 * k : boxY + h) + pad;
    }
    return { y, placed, end: Math.max(cursor, top + years.length * yearH) };
  };
  // The least year height that places every label; 4 px steps at the default type size.
  const fit = Array.from({ length: 60 }, (_, i) => (48 + 4 * i) * k).reduce<ReturnType<typeof place>>((found, h) => found ?? place(h), undefined);
  if (!fit) throw new Error('timeline: no year height places every label');
  const { y, placed, end } = fit;
  const label = (id: string) => placed.find((p) => p.id === id)!;

  const rules = model.rules.map((r) => {
    const at = y(r.start);
    const { box, lines } = label(r.id);
    return {
      id: r.id,
      x: at,
      line: [left, at, right, at] as Line,
      label: { id: r.id, lines, box, leader: [column, at, column, at] as Line, clear: true, anchor: 'start' as const },
    };
  });
  const lanes = model.lanes.map((lane, i) => {
    const ends = lane.events.map((e) => label(e.id).mark!);
    const y0 = Math.min(...ends.map((m) => m.y)) - 6 * k;
    const y1 = Math.max(...ends.map((m) => m.y + m.h)) + 6 * k;
    return { id: lane.id, label: lane.label, line: [tracks[i]!, y0, tracks[i]!, y1] as Line, box: label(lane.id).box };
  });
  const events = model.lanes.flatMap((lane) =>
    lane.events.map((e) => {
      const { box, lines, mark } = label(e.id);
      const leader: Line = [mark!.x + mark!.w, mark!.y + mark!.h / 2, column - GAP * k, box.y + line / 2];
      const dateLines = [e.when, ...(e.inferred ? [model.inferredNote] : [])].flatMap(wrap).length;
      return { id: e.id, mark: mark!, label: { id: e.id, lines, box, leader, clear: true, anchor: 'start' as const }, dateLines };
    }),
  );
  const bands = years.flatMap((year, i) => (i % 2 === 0 ? [{ x: 0, y: y(YEAR_MS(year)), w: width, h: round(y(YEAR_MS(year + 1)) - y(YEAR_MS(year))) }] : []));
  const yearLabels = years.map((year) => ({ text: String(year), x: 4 * k, y: round(y(YEAR_MS(year)) + small + 2 * k), anchor: 'start' as const, small: true }));

  // The national series: a panel each, one row per year, bars across with their values at their ends.
  let py = end + 24 * k;
  const D0 = model.domain[0];
  const D1 = model.domain[1];
  const plotH = model.years.length * ROW * ks;
  const panels = model.series.map((s): TimelinePanel => {
    const title = wrapLines(s.title, right - 8 * k, font, true);
    const titleY = py + 12 * k;
    const panelY = titleY + (title.length - 1) * line + 6 * k;
    const head = 2 * k;
    const axis = AXIS_H * ks;
    const texts = s.bars.map((b) => b.short);
    const barRight = right - Math.max(...texts.map((t) => textWidth(t, small))) - 6 * k;
    const domain = seriesDomain(s, 1);
    const share = valueShare(s.log, domain);
    const at = (v: number) => left + (barRight - left) * share(v);
    const row = (ms: number) => panelY + head + ((ms - D0) / (D1 - D0)) * plotH;
    const taken: Box[] = [];
    const order = [...s.bars].sort((a, b) => Number(a.partial) - Number(b.partial));
    const values = order.map((b) => {
      const text = b.short;
      const w = textWidth(text, small);
      const end = at(b.value);
      const base = (row(b.start) + row(b.end)) / 2 + small * 0.35;
      // At the bar's end; else inside it, against its end; else a row's half up or down.
      const tries = [
        { x: end + 4 * k, anchor: 'start' as const, base, box: { x: end + 4 * k, w } },
        { x: end - 4 * k, anchor: 'end' as const, base, box: { x: end - 4 * k - w, w } },
        ...[-1, 1].map((d) => ({ x: end + 4 * k, anchor: 'start' as const, base: base + (d * ROW * ks) / 2, box: { x: end + 4 * k, w } })),
      ]
        .map((t) => ({ ...t, box: { ...t.box, y: t.base - 10 * ks, h: 12 * ks } }))
        .filter((t) => t.box.x >= left && t.box.x + w <= right);
      const chosen = tries.find((t) => !taken.some((o) => overlaps(t.box, o, 2 * k))) ?? tries[0]!;
      taken.push(chosen.box);
      return { id: b.id, text, x: round(chosen.x), y: round(chosen.base), anchor: chosen.anchor };
    });
    const height = head + plotH + axis;
    py = panelY + height + SERIES_GAP * k;
    return {
      id: s.id,
      title,
      titleY,
      y: panelY,
      height,
      plotH,
      head,
      axis,
      right: round(barRight),
      log: s.log,
      domain,
      values: s.bars.map((b) => values.find((v) => v.id === b.id)!),
    };
  });
  return {
    width,
    height: round(py),
    font,
    small,
    vertical: true,
    x: y,
    left,
    right,
    top,
    bottom: end,
    narrow: true,
    bands,
    years: yearLabels,
    rules,
    lanes,
    events,
    panels,
  };
}

/** The value domain of a series' panel: room past the largest bar for its value (`fill`: its share); a log scale from a power of ten. */
function seriesDomain(s: TimelineModel['series'][number], fill: number): [number, number] {
  if (!s.log) return [0, s.max / fill];
  const min = Math.min(...s.bars.map((b) => b.value));
  return [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(s.max / 0.8))];
}
