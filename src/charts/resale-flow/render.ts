/** The resale chain drawn on the server, at the widths it needs (a stub in the browser: src/charts/shared/render.ts). */
import { serverMarkup } from '~/charts/shared/render';
import type { DrawOptions } from '~/charts/shared/definition';
import type { FlowModel } from './model';
import ResaleFlowArtboards from './ResaleFlowArtboards.svelte';

export function render(model: FlowModel, options: DrawOptions & { id: string }): string {
  return serverMarkup(ResaleFlowArtboards, { ...options, model });
}
