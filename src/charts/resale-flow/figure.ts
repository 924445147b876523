/** The resale chain's figure, drawn on the server at the widths it needs (a stub in the browser: src/charts/shared/figure.ts). */
import { serverMarkup, type FigureOptions } from '~/charts/shared/figure';
import type { FlowModel } from './model';
import ResaleFlowArtboards from './ResaleFlowArtboards.svelte';

export function figure(props: FigureOptions & { model: FlowModel; locale: string; step?: number | undefined }): string {
  return serverMarkup(ResaleFlowArtboards, props);
}
