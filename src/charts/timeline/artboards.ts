/**
 * The timeline's artboards: ChartFigure.svelte shows one by its container's width in rem (the phone's
 * below 32.5rem, the tablet's below 52.5rem, else the desktop's). Each is laid out in base units
 * (layout.ts) at its `width` and scaled to its container, so its labels are drawn at FONT * container
 * / width px: each width is chosen so that the narrowest container it is shown in still draws them at
 * 14 px (the least for Chinese; for the phone's, the 256 px a 288 px embed column leaves), and a phone
 * with the largest reading size (1.5 rem) at 15 px or more.
 */
import { FONT } from './labels';

export const TIMELINE_ARTBOARDS = [
  { name: 'phone', width: 236, vertical: true, belowRem: 32.5 },
  { name: 'tablet', width: 480, vertical: false, belowRem: 52.5 },
  { name: 'desktop', width: 768, vertical: false, belowRem: Infinity },
] as const;

/** The artboard shown in a container `px` wide with a root font of `rootPx` (16 by default, 24 at the largest reading size). */
export const artboardFor = (px: number, rootPx = 16) => TIMELINE_ARTBOARDS.find((a) => px / rootPx < a.belowRem)!;

/** Size in px of the labels of an artboard `width` units wide drawn `px` wide. */
export const drawnFont = (width: number, px: number) => (FONT * px) / width;
