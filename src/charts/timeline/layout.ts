/**
 * The timeline's geometry at one width: time across (layout-across.ts) or, for a phone, down the page
 * (layout-down.ts). Layouts are computed in base units, in which every label is FONT (13) units high,
 * and drawn in an SVG whose viewBox is those units: the drawing is scaled once, by the viewBox, to the
 * size it is shown at. Asked for `font` px on `width` px, a layout is made `width * FONT / font` units
 * wide, so its labels come out at `font` px when it is drawn `width` px wide.
 */
import { FONT } from './labels';
import type { TimelineModel } from './model';
import type { TimelineLayout, TimelineOptions } from './geometry';
import { layoutAcross } from './layout-across';
import { layoutDown } from './layout-down';
import { round } from './scales';

/** The timeline laid out for `width` px with its text at `options.font` px; see the module's comment for units. */
export function layoutTimeline(model: TimelineModel, width: number, options: TimelineOptions = {}): TimelineLayout {
  const units = FONT / (options.font ?? FONT);
  if (options.vertical) return layoutDown(model, round(width * units), options.part);
  return layoutAcross(model, round(width * units), options.height === undefined ? undefined : options.height * units, options.part);
}
