import { describe, expect, it } from 'vitest';
import { stepParam } from '~/charts/shared/query-step.svelte';

describe("a step pinned in an embed's address", () => {
  it('reads ?step=N as 1-based and ignores what is out of range', () => {
    expect([stepParam('1', 6), stepParam('6', 6), stepParam('7', 6), stepParam('0', 6), stepParam('2.5', 6), stepParam('-1', 6), stepParam(null, 6)]).toEqual([
      0,
      5,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
