/**
 * Time running down the page, for a phone, in base units (layout.ts): years down the left; each case a
 * track of marks, its events' labels in one column beside the tracks, each tied to its mark by a leader;
 * the rules as lines across, each labelled just above its line. A year is given the least height that
 * lets every label sit at or below its mark without crossing a rule. Under the events, each national
 * series is a panel of bars across from zero, one row per year, with its value at the end of each bar.
 */
import { textWidth, wrapLines } from '~/charts/shared/frame';
import { FONT, LINE, PAD, overlaps, textBox, type Box, type Line } from './labels';
import type { TimelineModel, TimelinePart } from './model';
import { eventYears, seriesAxis, textBoxAt, tooSmallNote, YEAR_MS, type TimelineLayout, type TimelinePanel } from './geometry';
import { round, timeScale } from './scales';

/** A year's row in a national panel; the value axis's height under each panel; room between panels. */
const ROW = 24;
const AXIS = 24;
const PANEL_GAP = 20;
/** Room between a leader and its label. */
const GAP = 3;

export function layoutDown(model: TimelineModel, width: number, part?: TimelinePart): TimelineLayout {
  // Room for a year ("2021") left of the tracks and the bars.
  const left = round(textWidth('0000', FONT) + 12);
  const right = width - 4;
  const tracks = model.lanes.map((_, i) => left + 10 + 18 * i);
  // The labels' column, right of the last track and its leaders.
  const column = (tracks.at(-1) ?? left) + 22;
  const wrap = (text: string) => wrapLines(text, right - column, FONT, true);
  const top = 6;
  // The cases' events, unless the national figures are drawn alone.
  const eventsDown = () => {
    const years = eventYears(model);
    const first = years[0]!;
    const last = years.at(-1)!;

    type Item = { at: number; id: string; lines: string[]; kind: 'rule' | 'lane' | 'event'; mark?: Box };
    const place = (yearH: number) => {
      const y = timeScale([YEAR_MS(first), YEAR_MS(last + 1)], [top, top + years.length * yearH]);
      const items: Item[] = [
        ...model.rules.map((r): Item => ({ at: y(r.start), id: r.id, lines: wrap(r.label), kind: 'rule' })),
        ...model.lanes.flatMap((lane, i) =>
          lane.events.flatMap((e, j): Item[] => {
            const y0 = y(e.start);
            const mark = { x: tracks[i]! - 6, y: y0, w: 12, h: Math.max(6, y(e.end) - y0) };
            const lines = [...[e.when, ...(e.inferred ? [model.inferredNote] : [])].flatMap(wrap), ...e.counts.flatMap(wrap)];
            const event: Item = { at: mark.y + mark.h / 2 - LINE / 2, id: e.id, lines, kind: 'event', mark };
            // The lane's name heads its first event's label.
            const name = wrap(lane.label);
            return j === 0 ? [{ at: event.at - name.length * LINE - PAD, id: lane.id, lines: name, kind: 'lane' }, event] : [event];
          }),
        ),
      ].sort((a, b) => a.at - b.at);
      let cursor = top;
      const placed: (Item & { box: Box })[] = [];
      for (const item of items) {
        const { w, h } = textBox(item.lines, 0, 0);
        // A rule's label sits just above its line; any other label at its mark or, when that is taken, lower.
        const boxY = item.kind === 'rule' ? item.at - h - 2 : Math.max(item.at, cursor);
        if (boxY < cursor) return undefined;
        placed.push({ ...item, box: { x: column, y: round(boxY), w, h } });
        cursor = (item.kind === 'rule' ? item.at + 2 : boxY + h) + PAD;
      }
      return { y, placed, end: Math.max(cursor, top + years.length * yearH) };
    };
    // The least year height that places every label, in steps of 4.
    const fit = Array.from({ length: 80 }, (_, i) => 48 + 4 * i).reduce<ReturnType<typeof place>>((found, h) => found ?? place(h), undefined);
    if (!fit) throw new Error('timeline: no year height places every label');
    const { y, placed, end } = fit;
    const label = (id: string) => placed.find((p) => p.id === id)!;

    const rules = model.rules.map((r) => {
      const at = y(r.start);
      const { box, lines } = label(r.id);
      const leader: Line = [column, at, column, at];
      return { id: r.id, x: at, segments: [[left, at, right, at] as Line], label: { id: r.id, lines, box, leader, clear: true, anchor: 'start' as const } };
    });
    const lanes = model.lanes.map((lane, i) => {
      const ends = lane.events.map((e) => label(e.id).mark!);
      const y0 = Math.min(...ends.map((m) => m.y)) - 6;
      const y1 = Math.max(...ends.map((m) => m.y + m.h)) + 6;
      return { id: lane.id, lines: label(lane.id).lines, line: [tracks[i]!, y0, tracks[i]!, y1] as Line, box: label(lane.id).box };
    });
    const events = model.lanes.flatMap((lane) =>
      lane.events.map((e) => {
        const { box, lines, mark } = label(e.id);
        const leader: Line = [mark!.x + mark!.w, mark!.y + mark!.h / 2, column - GAP, box.y + LINE / 2];
        const dateLines = [e.when, ...(e.inferred ? [model.inferredNote] : [])].flatMap(wrap).length;
        return { id: e.id, mark: mark!, label: { id: e.id, lines, box, leader, clear: true, anchor: 'start' as const }, dateLines };
      }),
    );
    const bands = years.flatMap((year, i) => (i % 2 === 0 ? [{ x: 0, y: y(YEAR_MS(year)), w: width, h: round(y(YEAR_MS(year + 1)) - y(YEAR_MS(year))) }] : []));
    const yearLabels = years.map((year) => ({ text: String(year), x: 4, y: round(y(YEAR_MS(year)) + FONT + 2), anchor: 'start' as const }));
    return { y, end, rules, lanes, events, bands, yearLabels };
  };
  const cases = part !== 'national' && model.lanes.length > 0;
  const drawn = cases ? eventsDown() : { y: timeScale(model.domain, [top, top]), end: top - 24, rules: [], lanes: [], events: [], bands: [], yearLabels: [] };
  const { y, end, rules, lanes, events, bands, yearLabels } = drawn;

  // The national series: a panel each, one row per year, bars across from zero with their values at their ends.
  let py = end + 24;
  const row = timeScale(model.domain, [0, model.years.length * ROW]);
  const panels = (part === 'cases' ? [] : model.series).map((s): TimelinePanel => {
    const lines = wrapLines(s.label, right - 8, FONT, true);
    const title = { lines, box: textBox(lines, 8, py) };
    const rows = title.box.y + title.box.h + 6;
    const barRight = right - Math.max(...s.bars.map((b) => textWidth(b.text, FONT))) - 6;
    const bottom = rows + row(model.domain[1]);
    const gridOf = (count: number) => {
      const axis = seriesAxis(model, s, [left, barRight], count);
      const grid = axis.labels.map((t) => {
        const at = axis.at(t.value);
        const w = textWidth(t.text, FONT);
        // The last label ends at the chart's edge rather than past it.
        const anchor = at + w / 2 > right ? ('end' as const) : ('middle' as const);
        return { line: [at, rows, at, bottom] as Line, label: { text: t.text, x: anchor === 'end' ? right : at, y: round(bottom + 17), anchor } };
      });
      const apart = grid.every((g, i) => i === 0 || !overlaps(textBoxAt(grid[i - 1]!.label), textBoxAt(g.label), 4));
      return { axis, grid, apart };
    };
    // Fewer gridlines where their labels would touch on a narrow phone.
    const { axis, grid } = [3, 2, 1].map(gridOf).find((g) => g.apart) ?? gridOf(1);
    const bars = s.bars.map((b) => {
      const y0 = rows + row(b.start);
      return { id: b.id, box: { x: left, y: round(y0 + 1.5), w: round(axis.at(b.value) - left), h: round(rows + row(b.end) - y0 - 3) }, partial: b.partial };
    });
    const times = model.years.map((year) => ({
      text: String(year),
      x: 4,
      y: round(rows + (row(YEAR_MS(year)) + row(YEAR_MS(year + 1))) / 2 + 4.5),
      anchor: 'start' as const,
    }));
    // The years' labels left of the bars are taken: a value may sit inside a short bar, over the axis, not on a year.
    const taken: Box[] = times.map(textBoxAt);
    const values = [...s.bars]
      .sort((a, b) => Number(a.partial) - Number(b.partial))
      .map((b) => {
        const end = axis.at(b.value);
        const base = (rows + row(b.start) + rows + row(b.end)) / 2 + 4.5;
        // At the bar's end; else inside it, against its end; else half a row up or down.
        const tries = [
          { text: b.text, x: end + 4, y: base, anchor: 'start' as const },
          { text: b.text, x: end - 4, y: base, anchor: 'end' as const },
          ...[-1, 1].map((d) => ({ text: b.text, x: end + 4, y: base + (d * ROW) / 2, anchor: 'start' as const })),
        ].filter((t) => textBoxAt(t).x >= 0 && textBoxAt(t).x + textBoxAt(t).w <= right);
        const chosen = tries.find((t) => !taken.some((o) => overlaps(textBoxAt(t), o, 2))) ?? tries[0]!;
        taken.push(textBoxAt(chosen));
        return { ...chosen, id: b.id, x: round(chosen.x), y: round(chosen.y) };
      });
    // The note beside the values of the bars too short to see, on their rows.
    const small = s.bars.filter((b) => b.value * axis.unit < 2);
    const note = tooSmallNote(
      model,
      s,
      axis.unit,
      right - left - 60,
      ({ w, h }) => {
        const ys = [Math.min(...small.map((b) => rows + row(b.start))), Math.max(...small.map((b) => rows + row(b.end)))];
        const ny = round(Math.max(rows, (ys[0]! + ys[1]! - h) / 2));
        // Right of every value on the rows it spans.
        const beside = taken.filter((b) => b.y < ny + h && ny < b.y + b.h);
        const nx = Math.max(left, ...beside.map((b) => b.x + b.w)) + 8;
        return [{ x: round(nx), y: ny, w, h }].filter((b) => b.x + b.w <= right);
      },
      taken,
    );
    py = bottom + AXIS + PANEL_GAP;
    return {
      id: s.id,
      title,
      zero: left,
      unit: axis.unit,
      domain: axis.domain,
      bars,
      grid,
      times,
      values: s.bars.map((b) => values.find((v) => v.id === b.id)!),
      note,
    };
  });
  return {
    width,
    height: round(panels.length > 0 ? py - PANEL_GAP : end + 8),
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
