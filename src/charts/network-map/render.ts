/** The network map drawn on the server, its labels at the widths it needs (a stub in the browser: src/charts/shared/render.ts). */
import { serverMarkup } from '~/charts/shared/render';
import type { DrawOptions } from '~/charts/shared/definition';
import type { NetworkMapModel } from './model';
import NetworkMapArtboards from './NetworkMapArtboards.svelte';

export function render(model: NetworkMapModel, { tableLabel, width, step, id, headingLevel }: DrawOptions & { id: string }): string {
  return serverMarkup(NetworkMapArtboards, { model, tableLabel, width, step, id, headingLevel });
}
