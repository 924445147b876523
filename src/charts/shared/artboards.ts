/**
 * The artboards every chart is drawn at, in one place: each one's name (its class, "artboard <name>"),
 * the width in px a chart lays it out at, and the width of room, in rem, from which it is the one shown
 * (the phone's from the narrowest screen, 20rem). ChartFrame.svelte's container queries show the phone's
 * below the tablet's `from`, the tablet's below the desktop's, else the desktop's; CSS cannot read this
 * constant, so tests/charts/shared/artboards.test.ts holds its breakpoints to it. In rem, so that with
 * larger text (the reading toolbar, or the browser's setting) a narrower layout is drawn larger, and its
 * labels grow without overlapping.
 */
export const ARTBOARDS = [
  { name: 'phone', width: 360, from: 20 },
  { name: 'tablet', width: 640, from: 32.5 },
  { name: 'desktop', width: 960, from: 52.5 },
] as const;

/** Px in a rem at the browser's default text size. */
export const REM_PX = 16;
