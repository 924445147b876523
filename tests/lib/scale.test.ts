import { describe, it, expect } from 'vitest';
import { linear } from '../../src/lib/scale';

describe('linear', () => {
  it('maps the ends of the domain onto the ends of the range, and between linearly', () => {
    const x = linear([0, 10], [0, 100]);
    expect([x(0), x(10), x(5), x(2.5)]).toEqual([0, 100, 50, 25]);
    expect(x.domain).toEqual([0, 10]);
  });

  it('extrapolates outside the domain', () => {
    const x = linear([0, 10], [0, 100]);
    expect([x(-1), x(12)]).toEqual([-10, 120]);
  });

  it('works with an offset domain and a reversed range (SVG y)', () => {
    const y = linear([100, 200], [300, 100]);
    expect([y(100), y(200), y(150)]).toEqual([300, 100, 200]);
  });

  it('maps a zero-width domain to the start of the range instead of NaN', () => {
    const x = linear([5, 5], [10, 90]);
    expect([x(5), x(0)]).toEqual([10, 10]);
  });

  it('keeps the domain as given without nice', () => {
    const x = linear([0, 145], [34, 304]);
    expect(x.domain).toEqual([0, 145]);
    expect(x(145)).toBe(304);
  });

  it('widens the domain to round numbers with nice, as d3-array does ([0, 145] → [0, 160])', () => {
    // d3-array's nice(0, 145, 10) steps by 20 (145 / 10 = 14.5 rounds to a step of 20), so 145 becomes 160, not 150.
    const x = linear([0, 145], [34, 354], true);
    expect(x.domain).toEqual([0, 160]);
    expect(x(0)).toBe(34);
    expect(x(160)).toBe(354);
    expect(x(80)).toBe(194);
    expect(x(145)).toBe(34 + (145 * 320) / 160);
    expect(linear([0, 464000], [0, 1], true).domain).toEqual([0, 500000]);
    expect(linear([3, 97], [0, 1], true).domain).toEqual([0, 100]);
  });

  it('gives round ticks inside the domain', () => {
    const x = linear([0, 145], [0, 1], true);
    expect(x.ticks(4)).toEqual([0, 50, 100, 150]);
    expect(x.ticks(3)).toEqual([0, 50, 100, 150]);
    expect(x.ticks()).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160]);
    expect(linear([0, 1], [0, 1]).ticks(5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    for (const tick of x.ticks(7)) {
      expect(tick).toBeGreaterThanOrEqual(0);
      expect(tick).toBeLessThanOrEqual(160);
    }
  });
});
