/**
 * Chart `resale-flow`: the Shanghai resale chain, one stage per row, each sale's price on a shared yuan
 * scale (the resale drawn as the band the source gives, not a midpoint). Scroll steps reveal it stage by
 * stage; with no step it shows the whole chain.
 */
import { flowCard } from './card';
import type { ChartDefinition } from '~/charts/shared/definition';
import { buildResaleFlow, type FlowModel } from './model';
import { render, type FlowDrawOptions } from './render';

export const resaleFlow: ChartDefinition<'resale-flow', FlowModel, FlowDrawOptions> = {
  id: 'resale-flow',
  build: ({ book, t }) => buildResaleFlow(book, t),
  draw: (model, options) => render(model, { ...options, id: options.id ?? 'resale-flow' }),
  details: (model) => model.stages.map((s) => s.detail),
  steps: (model) => model.steps,
  story: { section: 'shanghai', blocks: 'shanghai', after: true },
  // The tallest it is at any width from 320 to 1280 px in any language (French at 360 px: 997 px), with room to spare.
  embedHeight: 1010,
  // On a slide, stacked: each stage's label on a line of its own above its bar, at 34 px on 1,050 px, so that
  // drawn across a projector its labels are at least 4% of its height.
  talk: { layout: { width: 1050, font: 34 } },
  card: flowCard,
  downloads: { width: 720 },
};
