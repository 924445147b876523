/**
 * A linear scale with nice ticks. d3-scale's scaleLinear would bring d3-interpolate and d3-format
 * into every chart island; this is all the charts need, on d3-array's tick maths.
 */
import { nice, ticks } from 'd3-array';

export interface Linear {
  (value: number): number;
  domain: [number, number];
  ticks(count?: number): number[];
}

/** Maps [d0, d1] onto [r0, r1]; with `niceDomain`, the domain is first widened to round numbers. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number], niceDomain = false): Linear {
  const [a, b] = niceDomain ? nice(d0, d1, 10) : [d0, d1];
  const k = b === a ? 0 : (r1 - r0) / (b - a);
  const scale = ((v: number) => r0 + (v - a) * k) as Linear;
  scale.domain = [a, b];
  scale.ticks = (count = 10) => ticks(a, b, count);
  return scale;
}
