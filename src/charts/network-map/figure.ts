/** The network map's figure, drawn on the server at the widths it needs (a stub in the browser: src/charts/shared/figure.ts). */
import { serverMarkup, type FigureOptions } from '~/charts/shared/figure';
import type { NetworkMapModel } from './model';
import NetworkMapArtboards from './NetworkMapArtboards.svelte';

export function figure(props: FigureOptions & { model: NetworkMapModel; step?: number | undefined }): string {
  return serverMarkup(NetworkMapArtboards, props);
}
