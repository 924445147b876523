/**
 * The timeline's artboards: the shared ARTBOARDS (ChartFrame.svelte shows one by its container's width in
 * rem) but the narrow one (its phone artboard serves there too), each laid out at a width of the
 * timeline's own. Each is laid out in base units (layout.ts) at its `width` and scaled to its container,
 * so its labels are drawn at FONT * container / width px: each width is chosen so that the narrowest
 * container it is shown in still draws them at 14 px (the least for Chinese; for the phone's, the 256 px
 * a 288 px embed column leaves), and a phone with the largest reading size (1.5 rem) at 15 px or more.
 */
import { ARTBOARDS } from '~/charts/shared/artboards';
import { FONT } from './labels';

const WIDTH: Partial<Record<(typeof ARTBOARDS)[number]['name'], number>> = { phone: 236, tablet: 480, desktop: 768 };

const drawn = ARTBOARDS.filter((a) => WIDTH[a.name] !== undefined);

export const TIMELINE_ARTBOARDS = drawn.map((a, i) => ({
  name: a.name,
  width: WIDTH[a.name]!,
  /** The phone's runs time down the page. */
  vertical: a.name === 'phone',
  /** Shown below this container width in rem (the next artboard's start). */
  belowRem: drawn[i + 1]?.from ?? Infinity,
}));

/** The artboard shown in a container `px` wide with a root font of `rootPx` (16 by default, 24 at the largest reading size). */
export const artboardFor = (px: number, rootPx = 16) => TIMELINE_ARTBOARDS.find((a) => px / rootPx < a.belowRem)!;

/** Size in px of the labels of an artboard `width` units wide drawn `px` wide. */
export const drawnFont = (width: number, px: number) => (FONT * px) / width;
