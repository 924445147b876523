import { describe, it, expect } from 'vitest';
import { linear } from '~/charts/shared/scale';

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
});
