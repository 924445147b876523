/**
 * What a timeline layout is (in base units, see layout.ts), and what both layouts share: the value
 * axes, the note on bars too small to see, and every text's box.
 */
import { textWidth, wrapLines } from '~/charts/shared/frame';
import { formatCompact } from '~/i18n/format';
import { FONT, overlaps, textBox, type Box, type Line, type PlacedLabel } from './labels';
import type { TimelineModel, TimelinePart } from './model';
import { round, valueScale } from './scales';

/** A text drawn at (x, y), its baseline, in the regular weight: values, ticks, years. */
export interface TimelineText {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/** A national series' panel: its title, its bars (lengths proportional to values, from zero), its axes and the value on every bar. */
export interface TimelinePanel {
  id: string;
  title: { lines: string[]; box: Box };
  /** Where zero is on the value axis, and how many units one of the series' unit takes: a bar is `value * unit` long. */
  zero: number;
  unit: number;
  /** The value axis's domain: [0, a round number past the largest value]. */
  domain: [number, number];
  bars: { id: string; box: Box; partial: boolean }[];
  /** Gridlines with their values' labels. */
  grid: { line: Line; label: TimelineText }[];
  /** The panel's time axis: its years (time down: every panel; time across: the last only). */
  times: TimelineText[];
  values: (TimelineText & { id: string })[];
  /** The note on bars too short to see, beside their written values. */
  note?: { lines: string[]; box: Box } | undefined;
}

export interface TimelineLayout {
  /** Size in base units (the viewBox). */
  width: number;
  height: number;
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
  /** Year labels beside the events. */
  years: TimelineText[];
  /** Each rule's line, in segments that leave a gap where a title or a lane's name is, and its label. */
  rules: { id: string; x: number; segments: Line[]; label: PlacedLabel }[];
  /** Each lane's line and its name, in lines, with their box. */
  lanes: { id: string; lines: string[]; line: Line; box: Box }[];
  /** Each event's mark and label: its first `dateLines` lines give the date, the rest the counts. */
  events: { id: string; mark: Box; label: PlacedLabel; dateLines: number }[];
  panels: TimelinePanel[];
}

export interface TimelineOptions {
  /** Height in px to fit the drawing into (a slide's): the panels shrink towards it. */
  height?: number | undefined;
  /** Size of all its text in px when drawn `width` px wide (FONT by default). */
  font?: number | undefined;
  /** One part alone; both by default. */
  part?: TimelinePart | undefined;
  /** Time runs down the page, for a phone. */
  vertical?: boolean | undefined;
}

/** A drawn text's box (regular weight, cap height and descent): for collisions and tests. */
export function textBoxAt(t: TimelineText): Box {
  const w = textWidth(t.text, FONT);
  const x = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
  return { x: round(x), y: round(t.y - 10), w: round(w), h: 13 };
}

/** Every text of a layout with its box, what it says and its weight: for the layouts' own checks and for tests. */
export function layoutTexts(l: TimelineLayout): { text: string; box: Box }[] {
  const regular = (t: TimelineText) => ({ text: t.text, box: textBoxAt(t) });
  return [
    ...l.rules.map((r) => ({ text: r.label.lines.join(' '), box: r.label.box })),
    ...l.events.map((e) => ({ text: e.label.lines.join(' '), box: e.label.box })),
    ...l.lanes.map((lane) => ({ text: lane.lines.join(' '), box: lane.box })),
    ...l.years.map(regular),
    ...l.panels.flatMap((p) => [
      { text: p.title.lines.join(' '), box: p.title.box },
      ...p.grid.map((g) => regular(g.label)),
      ...p.times.map(regular),
      ...p.values.map(regular),
      ...(p.note ? [{ text: p.note.lines.join(' '), box: p.note.box }] : []),
    ]),
  ];
}

/** The events' own years, from the first rule or event to the last. */
export function eventYears(model: TimelineModel): number[] {
  const dated = [...model.rules, ...model.lanes.flatMap((l) => l.events)];
  const first = new Date(Math.min(...dated.map((m) => m.start))).getUTCFullYear();
  const last = new Date(Math.max(...dated.map((m) => m.end)) - 1).getUTCFullYear();
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export const YEAR_MS = (y: number) => Date.UTC(y, 0, 1);

/** A series' value axis over `range` ([zero's position, the far end's]), with its gridlines' labels in the bars' number style. */
export function seriesAxis(model: TimelineModel, s: TimelineModel['series'][number], range: [number, number], count?: number) {
  const scale = valueScale(s.max, range, count);
  return {
    ...scale,
    unit: Math.abs(range[1] - range[0]) / scale.domain[1],
    labels: scale.ticks.map((v) => ({ value: v, text: formatCompact(v, model.locale) })),
  };
}

/** The widest label of any panel's value axis. */
export function widestTick(model: TimelineModel): number {
  return Math.max(0, ...model.series.flatMap((s) => seriesAxis(model, s, [0, 1]).labels.map((l) => textWidth(l.text, FONT))));
}

/** A bar shorter than this many units is too small to see beside the largest. */
const VISIBLE = 2;

/**
 * The note on a panel's bars too short to see: over their values (time across) or beside them (time
 * down), clear of every box in `taken`; `place` gives the note's box for its lines, or undefined
 * when it does not fit there.
 */
export function tooSmallNote(
  model: TimelineModel,
  s: TimelineModel['series'][number],
  unit: number,
  width: number,
  place: (size: { w: number; h: number }) => Box[],
  taken: Box[],
): TimelinePanel['note'] {
  if (!s.bars.some((b) => b.value * unit < VISIBLE)) return undefined;
  const tries = [1, 0.75, 0.5].map((share) => {
    const lines = wrapLines(model.tooSmallNote, width * share, FONT, true);
    return { lines, boxes: place(textBox(lines, 0, 0)) };
  });
  for (const { lines, boxes } of tries) {
    const box = boxes.find((b) => !taken.some((o) => overlaps(b, o, 2)));
    if (box) return { lines, box };
  }
  // No free place (a panel squeezed hard, with very large text): the first, which the layout tests catch at the sizes used.
  const fallback = tries.find((t) => t.boxes.length > 0);
  return fallback ? { lines: fallback.lines, box: fallback.boxes[0]! } : undefined;
}
