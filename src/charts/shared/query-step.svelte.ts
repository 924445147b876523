/**
 * For embeds: the step a reporter pinned with ?step=N in the iframe's URL. Read once the chart runs in
 * a browser; until then (and without JavaScript) the chart shows its `step` prop, or everything.
 */
/** `?step=N` (1 = the first state) pins a chart with `count` steps; out of range means the whole chart. */
export function stepParam(value: string | null, count: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= count ? n - 1 : undefined;
}

export function queryStep(enabled: () => boolean, count: () => number): { readonly value: number | undefined } {
  let value = $state<number>();
  $effect(() => {
    if (enabled()) value = stepParam(new URLSearchParams(location.search).get('step'), count());
  });
  return {
    get value() {
      return value;
    },
  };
}
