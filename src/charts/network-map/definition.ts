/**
 * Chart `network-map`: China's provinces with the Linwu County case. Provinces a source names as part of
 * the network are filled; the rest of the network is shown as a count of squares, never guessed on the
 * map. Scroll steps: the county, the first arrests, (the dealers), the provinces, the totals.
 */
import { mapCard } from './card';
import type { ChartDefinition } from '~/charts/shared/definition';
import { buildNetworkMap, mapStep, readProvinces, type NetworkMapModel, type Provinces } from './model';
import { render, type MapDrawOptions } from './render';

/** The provinces' geometry, read once per build. */
let provinces: Provinces | undefined;

export const networkMap: ChartDefinition<'network-map', NetworkMapModel, MapDrawOptions> = {
  id: 'network-map',
  build: ({ data, book, locale, t }) => buildNetworkMap(data, (provinces ??= readProvinces()), book, locale, t),
  draw: (model, options) => render(model, { ...options, id: options.id ?? 'network-map' }),
  details: (model) => model.points.map((p) => p.detail),
  steps: (model) => model.steps,
  story: { section: 'hunan', blocks: 'hunan', after: false },
  // The tallest it is at any width from 320 to 1280 px in any language (English at a 560 px window: 941 px), with room to spare.
  embedHeight: 960,
  talk: {
    // Its labels are sized for its width: laid out for 240 px, they are drawn 2.5 times the map's scale, so at
    // least 4% of a projector's height once the map fills the slide.
    layout: { width: 240 },
    // The payoff, the panels (provinces, arrests, cities), on a slide of its own, their words as large as the
    // map's labels; every other step shows the map alone (side by side, both would be too small).
    step: (_, step) => ({ view: step === mapStep('totals') ? 'panels' : 'drawing' }),
  },
  card: mapCard,
  downloads: { width: 720 },
};
