/**
 * A chart's drawing as markup, rendered on the server only. Each chart's `render.ts` is a stub in the
 * browser bundle (astro.config.mjs), so no island carries the layout code or the words
 * and shapes: islands adopt the server's markup as it is (ChartIsland.svelte).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';

/** A Svelte component's server markup without hydration markers: nothing hydrates it (the island adopts it as its static content), and they weigh. */
export function serverMarkup(component: unknown, props: object): string {
  // (astro check types a .svelte import in a .ts file as an Astro component; these are Svelte ones.)
  return render(component as Component<Record<string, unknown>>, { props: props as Record<string, unknown> }).body.replace(/<!--[[\]!]*(-?\d+)?-->/g, '');
}
