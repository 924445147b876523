/**
 * The timeline's label placer: a label of one or more lines beside its mark's leader, off every label
 * and leader already placed. Distances are in the layout's base units (see layout.ts).
 */
import { textWidth } from '~/charts/shared/frame';
import { round } from './scales';

/** Font size of every label in base units, its line height, and the room kept around labels. */
export const FONT = 13;
export const LINE = 16;
export const PAD = 4;
/** Room between a leader and the label beside it. */
const GAP = 3;
/** Where a rule's line ends while labels are placed: below anything. */
export const DOWN = 1e5;

/** A label's box: left, top, width, height; or the box a leader line takes. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  leader?: boolean;
}

/** x1, y1, x2, y2 of a line. */
export type Line = [number, number, number, number];

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

export const overlaps = (a: Box, b: Box, pad = 0) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
export const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
/** The box a leader line takes, a little wider than the line, for collisions. */
export const lineBox = ([x1, y1, x2, y2]: Line): Box => ({ x: Math.min(x1, x2) - 1, y: Math.min(y1, y2), w: Math.abs(x2 - x1) + 2, h: Math.abs(y2 - y1) });
/** The box of `lines` of bold label text with its top left at x, y. */
export const textBox = (lines: string[], x: number, y: number): Box => ({
  x,
  y,
  w: round(Math.max(...lines.map((l) => textWidth(l, FONT, true)))),
  h: lines.length * LINE,
});

/** Where a label's lines are drawn from, by its anchor. */
export const labelX = (label: Pick<PlacedLabel, 'box' | 'anchor'>) => (label.anchor === 'end' ? round(label.box.x + label.box.w) : label.box.x);

/** Where line `i` of a label has its baseline, from its box. */
export const baseline = (label: { box: Box; lines: unknown[] }, i: number) => round(label.box.y + (label.box.h / label.lines.length) * (i + 0.75));

/**
 * Places a label of `lines` beside a mark's vertical leader at `anchorX`: its top at `yMin` or lower,
 * inside `span`, on none of the `taken` boxes, and its leader (`leader(box)`) crossing none of them nor
 * the label itself. It tries the highest free place on the first of `sides`, then on the other. Where
 * nothing is free, it goes under everything placed (`clear` is then false). The label and its leader
 * join `taken`. A label never sits above an `earlier` one it shares columns with, so that labels
 * stacked at one place read in date order, top down.
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
  earlier: Box[] = [],
): PlacedLabel {
  const { w, h } = textBox(lines, 0, 0);
  const [left, right] = span;
  // A rule's line runs to the bottom of the chart: no label goes under it.
  const bottoms = taken.filter((b) => b.y + b.h < DOWN).map((b) => b.y + b.h + PAD);
  const last = Math.max(yMin, ...bottoms);
  const ys = [...new Set([yMin, ...bottoms.filter((y) => y > yMin), last])].sort((a, b) => a - b);
  for (const side of sides) {
    for (const y of ys) {
      const box = { x: round(clamp(side === 'start' ? anchorX + GAP : anchorX - w - GAP, left, Math.max(left, right - w))), y, w, h };
      const line = leader(box);
      const inOrder = !earlier.some((b) => b.x < box.x + box.w && box.x < b.x + b.w && b.y > y);
      // Leaders may run side by side (marks a day apart); a leader never crosses a label.
      const clear = inOrder && !overlaps(box, lineBox(line)) && !taken.some((b) => overlaps(box, b, PAD) || (!b.leader && overlaps(lineBox(line), b)));
      if (clear || (y === last && side === sides.at(-1))) {
        taken.push(box, { ...lineBox(line), leader: true });
        return { id, lines, box, leader: line, clear, anchor: side };
      }
    }
  }
  throw new Error(`timeline: no place for the label of ${id}`);
}

/**
 * One label per event of a lane, under its line at `y`, each tied by a leader to its mark (`x`, the
 * mark's foot at `foot`), in date order. It tries each label on its right first, on its left first, and
 * the earlier half leftwards with the later rightwards (a cluster's labels fan out), and keeps the try
 * that leaves the fewest leaders crossing a label, then the shallowest. No label goes on a `blocked` box (the rules' lines).
 */
export function laneLabels(events: { id: string; lines: string[]; x: number }[], foot: number, span: [number, number], blocked: Box[] = []): PlacedLabel[] {
  const START = ['start', 'end'] as const;
  const END = ['end', 'start'] as const;
  const tries = [() => START, () => END, (i: number) => (i < events.length / 2 ? END : START)].map((sides) => {
    const taken = [...blocked];
    const placed: PlacedLabel[] = [];
    for (const [i, e] of events.entries()) {
      const leader = (box: Box): Line => [e.x, foot, e.x, box.y + LINE / 2];
      placed.push(
        placeLabel(
          e.id,
          e.lines,
          e.x,
          foot + 6,
          span,
          taken,
          leader,
          sides(i),
          placed.map((l) => l.box),
        ),
      );
    }
    return { labels: placed, crossed: placed.filter((l) => !l.clear).length, depth: Math.max(...placed.map((l) => l.box.y + l.box.h)) };
  });
  return tries.reduce((best, t) => (t.crossed < best.crossed || (t.crossed === best.crossed && t.depth < best.depth) ? t : best)).labels;
}
