/**
 * A chart's figure as markup, rendered on the server only. Each chart's `figure.ts` is a stub in the
 * browser bundle (astro.config.mjs), so islands carry neither the layout code nor the words and shapes:
 * they adopt the server's markup as it is (ChartIsland.svelte).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';

/** What every chart component takes besides its model (and a scroll chart's step). */
export interface ChartProps {
  /** Label of the data table disclosure. */
  tableLabel: string;
  /** Width in px to lay out for, alone (a slide, a download); leave out for the phone's, tablet's and desktop's artboards the story and embeds use. */
  width?: number | undefined;
  /** Element id of the figure; defaults to the chart id. */
  id?: string | undefined;
  /** Heading level of the chart title. */
  headingLevel?: 1 | 2 | 3 | undefined;
}

/** What every chart's figure takes besides its model: a chart's props with its id settled. */
export interface FigureOptions extends ChartProps {
  id: string;
}

/** A Svelte component's server markup without hydration markers: nothing hydrates it (the island adopts it as {@html}), and they weigh. */
export function serverMarkup(component: unknown, props: object): string {
  // (astro check types a .svelte import in a .ts file as an Astro component; these are Svelte ones.)
  return render(component as Component<Record<string, unknown>>, { props: props as Record<string, unknown> }).body.replace(/<!--[[\]!]*(-?\d+)?-->/g, '');
}
