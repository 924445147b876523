/**
 * A chart's figure as markup, rendered on the server only. Each chart's `figure.ts` is a stub in the
 * browser bundle (astro.config.mjs), so islands carry neither the layout code nor the words and shapes:
 * they adopt the server's markup as it is (ChartIsland.svelte).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';

/** What every chart's figure takes besides its model. */
export interface FigureOptions {
  tableLabel: string;
  /** Width to lay out for alone (a slide, a download); without it, a phone's, a tablet's and a desktop's. */
  width?: number | undefined;
  id: string;
  headingLevel?: 1 | 2 | 3 | undefined;
}

/** A Svelte component's server markup without hydration markers: nothing hydrates it (the island adopts it as {@html}), and they weigh. */
export function serverMarkup(component: unknown, props: object): string {
  // (astro check types a .svelte import in a .ts file as an Astro component; these are Svelte ones.)
  return render(component as Component<Record<string, unknown>>, { props: props as Record<string, unknown> }).body.replace(/<!--[[\]!]*(-?\d+)?-->/g, '');
}
