/**
 * The timeline: both cases' events (with the counts sources give) in lanes, and the national series
 * as bars on the same time axis. Dates keep their precision: a month-precise event spans its month.
 */
import { linear } from './scale';
import { fitLabel, publishers, sourceRef, sourceLine, textWidth, type ChartMeta, type DataTable, type Detail, type SourceRef } from './chart';
import type { SiteData } from './data';
import type { FigureBook } from './facts';
import { dateSpan, formatWhen, intlLocale, joinList } from './format';
import type { Translate } from './i18n';
import type { Locale } from './schema';

export interface TimelineMark {
  id: string;
  start: number;
  end: number;
  detail: Detail;
}

export interface TimelineEvent extends TimelineMark {
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
  series: { id: string; label: string; max: number; bars: TimelineBar[] }[];
  rules: (TimelineMark & { label: string })[];
  periodNote: string;
}

const YEAR = (y: number) => Date.UTC(y, 0, 1);

export function buildTimeline(data: SiteData, book: FigureBook, locale: Locale, t: Translate): TimelineModel {
  const text = (l: { en: string } & Partial<Record<Locale, string>>) => l[locale] ?? l.en;
  const refs = (ids: string[]): SourceRef[] => ids.map((id) => sourceRef(data.sourceById.get(id)!));

  const cases = data.datasets.filter((d) => d.kind === 'case');
  const lanes = cases.map((c) => ({
    id: c.id,
    label: t(`timeline.lane.${c.id}`),
    events: c.events.map((e): TimelineEvent => {
      const counts = e.counts.map((c) => t(`count.${c.kind}`, { n: book.get(c.fact).text }));
      const [start, end] = dateSpan(e.date);
      return { id: e.id, start, end, counts, detail: { title: formatWhen(e, locale, t), lines: [text(e.label), ...counts], sources: refs(e.sources) } };
    }),
  }));

  const series = data.datasets
    .filter((d) => d.kind === 'series')
    .map((s) => ({
      id: s.id,
      label: text(s.measure!),
      max: Math.max(...s.facts.map((f) => f.value ?? f.range?.max ?? 0)),
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
    }));

  const rules = data.datasets
    .filter((d) => d.kind === 'milestones')
    .flatMap((d) => d.events)
    .map((e) => {
      const [start, end] = dateSpan(e.date);
      return { id: e.id, start, end, label: t(`timeline.rule.${e.id}`), detail: { title: formatWhen(e, locale, t), lines: [text(e.label)], sources: refs(e.sources) } };
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
  };
}

/** 13.7K, 1.37万: short enough for a bar on a narrow screen. Exact values are in the detail and the table. */
function compact(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { notation: 'compact', maximumSignificantDigits: 3 }).format(n);
}

/** A count label under an event, placed to stay inside the chart and off the other labels. */
export interface CountLabel {
  event: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

export interface TimelineLayout {
  width: number;
  height: number;
  x: (ms: number) => number;
  left: number;
  right: number;
  laneY: number[];
  counts: CountLabel[];
  seriesY: number[];
  seriesH: number;
  top: number;
  narrow: boolean;
}

/** Font size of the timeline's labels in px; the component's styles use the same. */
export const TIMELINE_FONT = 13;
const ROW = 16;

/** Panel heights of the national series: the natural ones, and the least a panel can be squeezed to. */
const SERIES_H = { narrow: 110, wide: 130, least: 64 };
/** Room each series panel adds to its height (its label above, a margin below), and the year axis's. */
const SERIES_GAP = 34;
const AXIS_H = 34;

/**
 * Vertical bands for the lanes and the series panels, and the shared time scale. Count labels go in
 * rows under their lane: each takes the first row where it overlaps no label already placed. Given a
 * `height` (a slide's), the series panels shrink towards it, so the drawing is scaled down less and its
 * labels stay larger; the lanes keep their room.
 */
export function layoutTimeline(model: TimelineModel, width: number, height?: number): TimelineLayout {
  const narrow = width < 560;
  const left = 8;
  const right = width - 8;
  const top = 46;
  const natural = narrow ? SERIES_H.narrow : SERIES_H.wide;
  const x = linear(model.domain, [left, right]);
  const laneY: number[] = [];
  const counts: CountLabel[] = [];
  let y = top + 22;
  for (const lane of model.lanes) {
    laneY.push(y);
    const rows: [number, number][][] = [];
    for (const event of lane.events) {
      for (const text of event.counts) {
        const placed = fitLabel(x(event.start), text, TIMELINE_FONT, width, 0);
        const w = textWidth(text, TIMELINE_FONT);
        const span: [number, number] = placed.anchor === 'start' ? [placed.x, placed.x + w] : [placed.x - w, placed.x];
        let row = rows.findIndex((taken) => taken.every(([a, b]) => span[1] + 8 < a || span[0] - 8 > b));
        if (row < 0) row = rows.push([]) - 1;
        rows[row]!.push(span);
        counts.push({ event: event.id, text, x: placed.x, y: y + 24 + row * ROW, anchor: placed.anchor });
      }
    }
    y += 24 + Math.max(1, rows.length) * ROW + 36;
  }
  const seriesTop = y;
  const n = model.series.length;
  const fitted = height === undefined || n === 0 ? natural : Math.floor((height - seriesTop - AXIS_H) / n) - SERIES_GAP;
  const seriesH = Math.max(SERIES_H.least, Math.min(natural, fitted));
  const seriesY = model.series.map((_, i) => seriesTop + 24 + i * (seriesH + SERIES_GAP));
  return { width, height: seriesTop + n * (seriesH + SERIES_GAP) + AXIS_H, x: (ms) => x(ms), left, right, laneY, counts, seriesY, seriesH, top, narrow };
}
