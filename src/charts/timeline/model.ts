/**
 * The timeline's model in one locale: both cases' events (with the counts sources give) in lanes, the
 * milestones as rules, and the national series as bars on the same time axis. Dates keep their
 * precision: a month-precise event spans its month. Its layouts are in layout.ts.
 */
import { publishers, sourceRef, sourceLine, type ChartMeta, type DataTable, type Detail, type SourceRef } from '~/charts/shared/frame';
import type { SiteData } from '~/data/load';
import type { FigureBook } from '~/data/figures';
import { dateSpan, formatCompact, formatWhen, joinList } from '~/i18n/format';
import { localize, type Locale } from '~/i18n/locale';
import type { Translate, TextKey } from '~/i18n/translate';

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
  /** The value as the bar is labelled, in the chart's one number style (13.7k, 1.37万; exact in the detail and the table). */
  text: string;
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
  /** Each national series, its bars' lengths proportional to their values. */
  series: { id: string; label: string; max: number; bars: TimelineBar[] }[];
  rules: (TimelineMark & { label: string })[];
  periodNote: string;
  /** The line under an inferred date: "(date inferred)". */
  inferredNote: string;
  /** The note on bars too short to see beside the largest: their values are written, their lengths stay true. */
  tooSmallNote: string;
  /** For the value axes' numbers, in the bars' style. */
  locale: Locale;
}

/** Every mark in reading order: rules, events, then bars; its place is its data-mark number. */
export function timelineMarks(model: TimelineModel): TimelineMark[] {
  return [...model.rules, ...model.lanes.flatMap((l) => l.events), ...model.series.flatMap((s) => s.bars)];
}

/** The parts a slide can show alone: the cases' events (with the rules), or the national figures (with the rules). */
export type TimelinePart = 'cases' | 'national';

/** The parts the model has, in reading order: talk mode gives each a slide. */
export function timelineParts(model: TimelineModel): TimelinePart[] {
  return [...(model.lanes.length > 0 ? (['cases'] as const) : []), ...(model.series.length > 0 ? (['national'] as const) : [])];
}

/** What a slide can show of the timeline alone: one case (a lane's id) or one national series (its id). */
export function timelineSlices(model: TimelineModel): { part: TimelinePart; only: string }[] {
  return [...model.lanes.map((l) => ({ part: 'cases' as const, only: l.id })), ...model.series.map((s) => ({ part: 'national' as const, only: s.id }))];
}

/**
 * The model narrowed to one case or one series (`only`, a lane's or a series' id), for a slide of its own:
 * a case keeps the years and rules of its own events, so its events spread across the slide rather than
 * crowd one corner of the whole span; a series keeps every year and rule.
 */
export function narrowTimeline(model: TimelineModel, only: string): TimelineModel {
  const lane = model.lanes.find((l) => l.id === only);
  if (lane) {
    const year = (ms: number) => new Date(ms).getUTCFullYear();
    const first = Math.min(...lane.events.map((e) => year(e.start)));
    const last = Math.max(...lane.events.map((e) => year(e.end - 1)));
    const within = (m: TimelineMark) => year(m.start) >= first && year(m.start) <= last;
    return { ...model, lanes: [lane], series: [], years: model.years.filter((y) => y >= first && y <= last), rules: model.rules.filter(within) };
  }
  const series = model.series.find((s) => s.id === only);
  if (series) return { ...model, lanes: [], series: [series] };
  throw new Error(`timeline: no case or series "${only}"`);
}

const YEAR = (y: number) => Date.UTC(y, 0, 1);

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
      return {
        id: s.id,
        label: text(s.measure!),
        max: Math.max(...values),
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
            text: f.qualifier ? t(`qualifier.${f.qualifier}`, { n: formatCompact(value, locale) }) : formatCompact(value, locale),
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
    tooSmallNote: t('timeline.tooSmall'),
    locale,
  };
}
