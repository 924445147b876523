/**
 * The resale chain's and the network map's figures as markup, rendered on the server only, as the
 * timeline's artboards are (timeline-artboards.ts): in the browser bundle this module is a stub
 * (astro.config.mjs), so the islands carry neither the layout code nor the words and shapes; they adopt
 * the server's markup as it is (ChartIsland.svelte).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { FlowModel } from '../lib/flow';
import type { NetworkMapModel } from '../lib/geo';
import NetworkMapArtboards from './NetworkMapArtboards.svelte';
import ResaleFlowArtboards from './ResaleFlowArtboards.svelte';

interface FigureOptions {
  tableLabel: string;
  /** Width to lay out for alone (a slide, a download); without it, a phone's, a tablet's and a desktop's. */
  width?: number | undefined;
  /** The step the page is built at (a slide's); without it, everything, as without JavaScript. */
  step?: number | undefined;
  id: string;
  headingLevel?: 1 | 2 | 3 | undefined;
}

export type FigureProps = FigureOptions & ({ chart: 'resale-flow'; model: FlowModel; locale: string } | { chart: 'network-map'; model: NetworkMapModel });

export function figure(props: FigureProps): string {
  // (astro check types a .svelte import in a .ts file as an Astro component; these are Svelte ones.)
  const component = (props.chart === 'resale-flow' ? ResaleFlowArtboards : NetworkMapArtboards) as unknown as Component<FigureProps>;
  // Without Svelte's hydration markers: nothing hydrates this markup (the island adopts it as {@html}), and they weigh.
  return render(component, { props }).body.replace(/<!--[[\]!]*(-?\d+)?-->/g, '');
}
