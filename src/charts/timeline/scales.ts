/**
 * The timeline's scales, from d3-scale: time (UTC, ms since the epoch) onto an axis, and a national
 * series' values onto a bar's length, linear from zero so that a bar's length is its value.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';

/** To a tenth of a unit: finer only adds bytes to the page (three artboards of coordinates). */
export const round = (v: number) => Math.round(v * 10) / 10;

/** Position of a date (ms) between `range`'s ends. */
export function timeScale([d0, d1]: [number, number], range: [number, number]): (ms: number) => number {
  const scale = scaleUtc()
    .domain([new Date(d0), new Date(d1)])
    .range(range);
  return (ms) => round(scale(new Date(ms)));
}

/** Gridlines a value axis aims for: few, so their labels stay large. */
const TICKS = 3;

/** A value scale from zero to a round number past `max`, and about `count` ticks; `range` is [zero's position, the end's]. */
export function valueScale(max: number, range: [number, number], count = TICKS) {
  const scale = scaleLinear().domain([0, max]).nice(TICKS).range(range);
  return { at: (v: number) => round(scale(v)), domain: scale.domain() as [number, number], ticks: scale.ticks(count) };
}
