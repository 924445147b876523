/**
 * The charts' figures as markup, rendered on the server only: in the browser bundle this module is a stub
 * (astro.config.mjs), so the islands carry neither the layout code nor the words and shapes; they adopt
 * the server's markup as it is (ChartIsland.svelte).
 */
import { createRawSnippet, type Component } from 'svelte';
import { render } from 'svelte/server';
import type { FlowModel } from '../lib/flow';
import type { NetworkMapModel } from '../lib/geo';
import type { TimelineModel } from '../lib/timeline';
import ChartFigure from './ChartFigure.svelte';
import NetworkMapArtboards from './NetworkMapArtboards.svelte';
import ResaleFlowArtboards from './ResaleFlowArtboards.svelte';
import { artboards } from './timeline-artboards';

type FigureOptions = {
  tableLabel: string;
  /** Width to lay out for alone (a slide, a download); without it, a phone's, a tablet's and a desktop's. */
  width?: number | undefined;
  /** The step the page is built at (a slide's); without it, everything, as without JavaScript. */
  step?: number | undefined;
  id: string;
  headingLevel?: 1 | 2 | 3 | undefined;
};

export type FigureProps = FigureOptions &
  (
    | { chart: 'resale-flow'; model: FlowModel; locale: string }
    | { chart: 'network-map'; model: NetworkMapModel }
    | { chart: 'timeline'; model: TimelineModel; height?: number | undefined }
  );

// (astro check types a .svelte import in a .ts file as an Astro component; these are Svelte ones.)
const svelte = (c: unknown) => c as Component<Record<string, unknown>>;

export function figure(props: FigureProps): string {
  const html =
    props.chart === 'timeline'
      ? render(svelte(ChartFigure), {
          props: {
            meta: props.model.meta,
            table: props.model.table,
            tableLabel: props.tableLabel,
            id: props.id,
            headingLevel: props.headingLevel,
            children: createRawSnippet(() => ({ render: () => `<div class="timeline">${artboards(props)}</div>` })),
          },
        }).body
      : render(svelte(props.chart === 'resale-flow' ? ResaleFlowArtboards : NetworkMapArtboards), { props }).body;
  // Without Svelte's hydration markers: nothing hydrates this markup (the island adopts it as {@html}), and they weigh.
  return html.replace(/<!--[[\]!]*(-?\d+)?-->/g, '');
}
