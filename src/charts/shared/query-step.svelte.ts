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

/**
 * Shows a chart drawn on the server at a step (undefined: complete): the figure's data-step says which, and
 * each element that a later step reveals (data-from, the step it appears at) is marked `pending`, which the
 * chart's CSS hides (a transition, where motion is allowed); each element a later step takes the place of
 * (data-until, the step it gives way at) is marked `past`, which a chart may hide where room is short.
 */
export function showStep(node: HTMLElement, step: number | undefined) {
  const figure = node.querySelector('figure');
  if (figure) figure.dataset.step = step === undefined ? 'all' : String(step);
  for (const el of node.querySelectorAll<HTMLElement | SVGElement>('[data-from]'))
    el.classList.toggle('pending', step !== undefined && Number(el.dataset.from) > step);
  for (const el of node.querySelectorAll<HTMLElement | SVGElement>('[data-until]'))
    el.classList.toggle('past', step !== undefined && Number(el.dataset.until) <= step);
}
