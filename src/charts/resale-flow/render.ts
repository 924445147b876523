/** The resale chain drawn on the server, at the widths it needs (a stub in the browser: src/charts/shared/render.ts). */
import { serverMarkup } from '~/charts/shared/render';
import type { DrawOptions } from '~/charts/shared/definition';
import type { FlowModel } from './model';
import ResaleFlowArtboards from './ResaleFlowArtboards.svelte';

/** What the chain's drawing takes besides every chart's options: a slide's label size, in px at its `width`. */
export interface FlowDrawOptions {
  font?: number | undefined;
}

export function render(model: FlowModel, options: DrawOptions & FlowDrawOptions & { id: string }): string {
  return serverMarkup(ResaleFlowArtboards, { ...options, model });
}
