/**
 * Time across, in base units (layout.ts): rule labels at the top, each beside its own line; the lanes
 * with one label per event (its date and counts) under it, tied to it by a leader and placed off every
 * other label; then one panel per national series on the same time scale, bars up from zero with the
 * value on each. Given a `height` (a slide's), the panels shrink towards it; the lanes keep their room.
 * Given a `part`, only the events (with a year axis of their own) or only the panels, each with the rules.
 */
import { textWidth, wrapLines } from '~/charts/shared/frame';
import { formatYear } from '~/i18n/format';
import { DOWN, FONT, LINE, clamp, laneLabels, lineBox, overlaps, placeLabel, textBox, type Box, type Line, type PlacedLabel } from './labels';
import type { TimelineModel, TimelinePart } from './model';
import { eventYears, layoutTexts, seriesAxis, textBoxAt, tooSmallNote, widestTick, YEAR_MS, type TimelineLayout, type TimelinePanel } from './geometry';
import { round, timeScale } from './scales';

/** Half the height of an event's mark. */
const MARK = 7;
/** Below this width labels are worded and wrapped as on a narrow screen. */
const NARROW = 560;
/** Widest line of a label on a narrow chart, and as a share of its width; of a rule's label on a wide one. */
const LABEL_MAX = 170;
const LABEL_SHARE = 0.4;
const RULE_MAX = 300;
/** Room under a lane's lowest label, for the next lane's name. */
const LANE_GAP = 34;
/** Heights of a panel's bars: natural ones, and the least a panel can be squeezed to. */
const PANEL_H = { narrow: 110, wide: 130, least: 72 };
/** Room above a panel's bars for the value over the tallest; room under each panel; the year axis's height. */
const HEAD = 20;
const PANEL_GAP = 18;
const AXIS = 22;

export function layoutAcross(model: TimelineModel, width: number, height: number | undefined, part: TimelinePart | undefined): TimelineLayout {
  const cases = part !== 'national';
  const national = part !== 'cases';
  const narrow = width < NARROW;
  // Room for the panels' tick labels right-aligned left of the bars, at least as much as the lanes need.
  const left = round(Math.max(narrow ? 34 : 44, national ? widestTick(model) + 8 : 0));
  const right = width - 8;
  const span: [number, number] = [4, width - 4];
  // The cases alone start at their own first year, so they spread wider; they end with the chart.
  const years = national ? model.years : model.years.filter((year) => year >= eventYears(model)[0]!);
  const x = timeScale([YEAR_MS(years[0]!), YEAR_MS(years.at(-1)! + 1)], [left, right]);
  // Years written in full where a year's width holds one ("2021"), else short ("’21"): a narrow chart of few years has the room.
  const short = narrow && x(YEAR_MS(years[0]! + 1)) - x(YEAR_MS(years[0]!)) < textWidth('2000', FONT) + 8;

  // Rule labels, top down in date order; each rule's line runs down from its label, so later labels avoid it.
  const ruleLine = (rx: number): Box => ({ x: rx - 1, y: 0, w: 2, h: DOWN, leader: true });
  const ruleTaken: Box[] = [];
  const ruleLabels: PlacedLabel[] = [];
  const placedRules = model.rules.map((r, i) => {
    const rx = x(r.start);
    // The later rules' lines are not drawn yet: a label beside this one's keeps off them too.
    const later = model.rules.slice(i + 1).map((o) => ruleLine(x(o.start)));
    // Narrower and narrower lines until the label sits beside its line without crossing another rule's.
    const widest = narrow ? Math.max(LABEL_MAX, (right - left) * 0.55) : RULE_MAX;
    const tries = [1, 0.7, 0.5].map((share) => {
      const taken = [...ruleTaken, ...later];
      const lines = wrapLines(r.label, widest * share, FONT, true);
      const label = placeLabel(
        r.id,
        lines,
        rx,
        4,
        span,
        taken,
        (box) => [rx, box.y + 2, rx, DOWN],
        undefined,
        ruleLabels.map((l) => l.box),
      );
      return { taken: taken.filter((b) => !later.includes(b)), label };
    });
    const chosen = tries.find((t) => t.label.clear) ?? tries[0]!;
    ruleTaken.splice(0, ruleTaken.length, ...chosen.taken);
    ruleLabels.push(chosen.label);
    return { id: r.id, x: rx, label: chosen.label };
  });
  const top = Math.max(4, ...ruleLabels.map((l) => l.box.y + l.box.h)) + 8;

  // Lanes: the lane's name, its line, and its events' labels under it.
  const lanes: TimelineLayout['lanes'] = [];
  const events: TimelineLayout['events'] = [];
  const yearLabels: TimelineLayout['years'] = [];
  let y = top + (cases ? 30 : 4);
  for (const lane of cases ? model.lanes : []) {
    lanes.push({ id: lane.id, lines: [lane.label], line: [left, y, right, y], box: textBox([lane.label], 8, y - 28) });
    const marks = lane.events.map((e) => {
      const x0 = x(e.start);
      return { id: e.id, x0, x1: Math.max(x0 + 6, x(e.end)) };
    });
    // On a narrow chart a long line wraps ("7 September 2021" / "(date inferred)").
    const wrap = (text: string) => (narrow ? wrapLines(text, Math.min(LABEL_MAX, width * LABEL_SHARE), FONT, true) : [text]);
    // "(date inferred)" on a line of its own, or, on a wide chart, on its date's line where that leaves the
    // staircase of a cluster's labels shorter with no more leaders crossed.
    const variants = [false, ...(narrow ? [] : [true])].map((joined) => {
      const dates = lane.events.map((e) =>
        joined && e.inferred ? [`${e.when} ${model.inferredNote}`] : [e.when, ...(e.inferred ? [model.inferredNote] : [])].flatMap(wrap),
      );
      const labels = laneLabels(
        lane.events.map((e, i) => ({ id: e.id, lines: [...dates[i]!, ...e.counts.flatMap(wrap)], x: (marks[i]!.x0 + marks[i]!.x1) / 2 })),
        y + MARK,
        span,
      );
      return { dates, labels, crossed: labels.filter((l) => !l.clear).length, depth: Math.max(...labels.map((l) => l.box.y + l.box.h)) };
    });
    const { dates, labels } = variants.reduce((best, v) => (v.crossed < best.crossed || (v.crossed === best.crossed && v.depth < best.depth) ? v : best));
    marks.forEach((m, i) =>
      events.push({ id: m.id, mark: { x: m.x0, y: y - MARK, w: m.x1 - m.x0, h: 2 * MARK }, label: labels[i]!, dateLines: dates[i]!.length }),
    );
    y = Math.max(y + MARK, ...labels.map((l) => l.box.y + l.box.h)) + LANE_GAP;
  }
  if (!national) {
    // The events alone: their own year axis under the last lane.
    y -= LANE_GAP - 8;
    for (const year of years)
      yearLabels.push({ text: formatYear(year, short), x: round((x(YEAR_MS(year)) + x(YEAR_MS(year + 1))) / 2), y: round(y + FONT), anchor: 'middle' });
    y += FONT + 8;
  }

  // The national series, one panel each, the last with the year axis under it.
  const series = national ? model.series : [];
  const n = series.length;
  const natural = narrow ? PANEL_H.narrow : PANEL_H.wide;
  const titles = series.map((s) => wrapLines(s.label, right - 8, FONT, true));
  const titlesH = titles.reduce((h, t) => h + t.length * LINE, 0);
  const fitted = height === undefined || n === 0 ? natural : Math.floor((height - y - AXIS - titlesH - n * (HEAD + PANEL_GAP)) / n);
  const plotH = Math.max(PANEL_H.least, Math.min(natural, fitted));
  const panels = series.map((s, i): TimelinePanel => {
    const title = { lines: titles[i]!, box: textBox(titles[i]!, 8, y) };
    const zero = title.box.y + title.box.h + HEAD + plotH;
    const axis = seriesAxis(model, s, [zero, zero - plotH]);
    const grid = axis.labels.map((t) => {
      const at = axis.at(t.value);
      return { line: [left, at, right, at] as Line, label: { text: t.text, x: left - 6, y: round(at + 4.5), anchor: 'end' as const } };
    });
    const bars = s.bars.map((b) => {
      const top = axis.at(b.value);
      return { id: b.id, box: { x: x(b.start) + 1.5, y: top, w: round(x(b.end) - x(b.start) - 3), h: round(zero - top) }, partial: b.partial };
    });
    // Full bars' values first, each over its bar; a partial bar's value just inside its outline's top.
    const taken: Box[] = [];
    const values = [...s.bars]
      .sort((a, b) => Number(a.partial) - Number(b.partial))
      .map((b) => {
        const w = textWidth(b.text, FONT);
        const cx = round(clamp((x(b.start) + x(b.end)) / 2, left + w / 2, right - w / 2));
        const barTop = axis.at(b.value);
        const inside = [1, 2, 3].map((j) => barTop + 13 * j).filter((base) => base + 3 <= zero);
        const above = [0, 1, 2, 3].map((j) => barTop - 4 - 13 * j).filter((base) => base - 10 >= title.box.y + title.box.h + 2);
        // A full bar's value just over it, else just inside its top, before any higher place, which would part it from its bar.
        const bases = b.partial ? [...inside, ...above] : [...above.slice(0, 1), ...inside, ...above.slice(1)];
        const at = (base: number) => textBoxAt({ text: b.text, x: cx, y: base, anchor: 'middle' });
        const base = bases.find((yb) => !taken.some((o) => overlaps(at(yb), o, 2))) ?? bases[0] ?? barTop - 4;
        taken.push(at(base));
        return { id: b.id, text: b.text, x: cx, y: round(base), anchor: 'middle' as const };
      });
    // The note over the bars too short to see, above their values.
    const small = s.bars.filter((b) => b.value * axis.unit < 2);
    const smallX: [number, number] = [Math.min(...small.map((b) => x(b.start))), Math.max(...small.map((b) => x(b.end)))];
    const note = tooSmallNote(
      model,
      s,
      axis.unit,
      Math.max(smallX[1] - smallX[0], 90),
      ({ w, h }) => {
        const nx = round(clamp((smallX[0] + smallX[1]) / 2 - w / 2, left, right - w));
        const floor = Math.min(...taken.filter((b) => b.x < nx + w && nx < b.x + b.w).map((b) => b.y), zero);
        return [0, 1, 2, 3, 4].map((j) => ({ x: nx, y: round(floor - 2 - h - j * LINE), w, h })).filter((b) => b.y >= title.box.y + title.box.h + 2);
      },
      taken,
    );
    const times =
      i === n - 1
        ? model.years.map((year) => ({
            text: formatYear(year, short),
            x: round((x(YEAR_MS(year)) + x(YEAR_MS(year + 1))) / 2),
            y: round(zero + 18),
            anchor: 'middle' as const,
          }))
        : [];
    y = zero + (i === n - 1 ? AXIS : PANEL_GAP);
    return {
      id: s.id,
      title,
      zero,
      unit: axis.unit,
      domain: axis.domain,
      bars,
      grid,
      times,
      values: s.bars.map((b) => values.find((v) => v.id === b.id)!),
      note,
    };
  });
  const bottom = n ? panels.at(-1)!.zero : y - 8 - FONT;
  const bands = years.flatMap((year, i) => {
    const x0 = x(YEAR_MS(year));
    return i % 2 === 0 ? [{ x: x0, y: top, w: round(x(YEAR_MS(year + 1)) - x0), h: round(bottom - top) }] : [];
  });
  const layout = { width, height: round(y), vertical: false, x, left, right, top, bottom, narrow, bands, years: yearLabels, lanes, events, panels };
  // Each rule's line from its label to the bottom, broken where it would cross any other text: a title, a lane's name, a label, a value.
  const texts = layoutTexts({ ...layout, rules: [] }).map((t) => t.box);
  const rules = placedRules.map((r) => ({ ...r, segments: segments(r.x, r.label.leader[1], bottom, texts) }));
  return { ...layout, rules };
}

/** A vertical line at x from y0 to y1, less the stretches where it would cross a box in `gaps`. */
function segments(x: number, y0: number, y1: number, gaps: Box[]): Line[] {
  const crossed = gaps.filter((b) => overlaps(lineBox([x, y0, x, y1]), b, 2)).sort((a, b) => a.y - b.y);
  const out: Line[] = [];
  let from = y0;
  for (const b of crossed) {
    if (b.y - 3 > from) out.push([x, from, x, round(b.y - 3)]);
    from = Math.max(from, round(b.y + b.h + 3));
  }
  if (y1 > from) out.push([x, from, x, y1]);
  return out;
}
