/**
 * What a chart's social card shows, as data: a headline, one figure and one bold visual, all from the
 * same case. src/export/card.ts lays it out at 1200×630 so it reads at feed size.
 */

/** One bar: a value or a range (min < max) on a scale from 0, and the words for it. */
export interface CardBar {
  label: string;
  min: number;
  max: number;
  text: string;
  /** Drawn as an outline: a range, or a value that covers part of a period. */
  outline?: boolean;
}

export type CardVisual =
  | { kind: 'bars'; caption?: string; bars: CardBar[] }
  | {
      kind: 'map';
      /** The map's drawing size, in the units of its shapes. */
      width: number;
      height: number;
      shapes: { d: string; lit: boolean; context: boolean }[];
      point: { x: number; y: number; label: string };
    };

export interface CardContent {
  headline: string;
  /** One figure in large type; a line break ('\n') where its parts are best apart. */
  figure: string;
  /** The data case the figure and the visual come from (the prefix of their fact ids), when one. */
  case?: string;
  visual: CardVisual;
}
