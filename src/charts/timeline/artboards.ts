/**
 * The timeline's artboards as markup, rendered on the server: the layout and Observable Plot run at
 * build time only. In the browser bundle this module is a stub (astro.config.mjs), so the island that
 * adds the details carries none of that code; the drawing it adopts is the server's.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { TimelineModel, TimelinePart } from './model';
import TimelineArtboards from './TimelineArtboards.svelte';

export interface ArtboardsProps {
  model: TimelineModel;
  width?: number | undefined;
  height?: number | undefined;
  font?: number | undefined;
  part?: TimelinePart | undefined;
  id: string;
}

export function artboards(props: ArtboardsProps): string {
  // (astro check types a .svelte import in a .ts file as an Astro component; it is a Svelte one.)
  // Without Svelte's hydration markers: nothing hydrates this markup (the island adopts it as {@html}), and three artboards of them weigh.
  return render(TimelineArtboards as unknown as Component<ArtboardsProps>, { props }).body.replace(/<!--[[\]!]*(-?\d+)?-->/g, '');
}
