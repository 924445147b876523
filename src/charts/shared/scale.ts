/**
 * A linear scale: all the charts need on the client. Round domains and ticks are worked out at build
 * time (d3-array in the chart models), so no tick maths ships to the browser.
 */
export interface Linear {
  (value: number): number;
  domain: [number, number];
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to r0. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): Linear {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as Linear;
  scale.domain = [d0, d1];
  return scale;
}
