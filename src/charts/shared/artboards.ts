/**
 * The artboards every chart is drawn at, and the one rule that picks one (ChartFrame.svelte): each is
 * shown while its container is at least `from` rem wide and narrower than the next one's `from`, and is
 * laid out at `width` px, its container's width at `from` with the default text size (16 px a rem; the
 * narrowest, a 288 px embed's column). So an artboard is never drawn smaller than it was laid out, and
 * its labels, sized in px for that width (labelSize), render at least that large. The ranges are in rem:
 * with a larger text size a narrower artboard is chosen, drawn larger, and its labels grow with the prose.
 */
export const ARTBOARDS = [
  { name: 'narrow', width: 256, from: 0 },
  { name: 'phone', width: 336, from: 21 },
  { name: 'tablet', width: 576, from: 36 },
  { name: 'desktop', width: 832, from: 52 },
] as const;

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * The size of a chart label in px at its artboard's width: the reading floors (12 px Latin, 14 px
 * Chinese, which needs more for its strokes) with room to spare; `small` for secondary text (axes,
 * formulas) at the floor itself, a little over it in Latin for the largest text size on a phone.
 */
export function labelSize(text: string, small = false): number {
  if (CJK.test(text)) return small ? 14 : 16;
  return small ? 13 : 15;
}
