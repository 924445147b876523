/**
 * For embeds: the step a reporter pinned with ?step=N in the iframe's URL. Read once the chart runs in
 * a browser; until then (and without JavaScript) the chart shows its `step` prop, or everything.
 */
import { stepParam } from '~/lib/site/embed';

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
