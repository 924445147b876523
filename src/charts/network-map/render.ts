/** The network map drawn on the server, its labels at the widths it needs (a stub in the browser: src/charts/shared/render.ts). */
import { serverMarkup } from '~/charts/shared/render';
import type { DrawOptions } from '~/charts/shared/definition';
import type { MapView, NetworkMapModel } from './model';
import NetworkMapArtboards from './NetworkMapArtboards.svelte';

/** What the map's drawing takes besides every chart's options: on a slide, which of its parts to show. */
export interface MapDrawOptions {
  view?: MapView | undefined;
}

export function render(model: NetworkMapModel, { tableLabel, width, step, view, id, headingLevel }: DrawOptions & MapDrawOptions & { id: string }): string {
  return serverMarkup(NetworkMapArtboards, { model, tableLabel, width, step, view, id, headingLevel });
}
