/**
 * The one module that knows every chart: its id and model, its scroll steps, the height its embed starts
 * at, and the figure its social card leads with. Everything else takes a chart as a ChartSpec or a ChartId.
 * Imports go one way: chart folders know nothing of this registry (type imports included).
 */
import type { FlowModel } from './resale-flow/model';
import type { NetworkMapModel } from './network-map/model';
import type { TimelineModel } from './timeline/model';

export const CHART_IDS = ['resale-flow', 'network-map', 'timeline'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** A chart and its model, as the chart components take them. */
export type ChartSpec = { id: 'resale-flow'; model: FlowModel } | { id: 'network-map'; model: NetworkMapModel } | { id: 'timeline'; model: TimelineModel };

/** What each chart's island reads of its model (the rest, words and shapes, is drawn into the page's HTML). */
const ISLAND_FIELDS: Partial<Record<ChartId, readonly string[]>> = {
  'resale-flow': ['stages', 'steps'],
  'network-map': ['points', 'steps'],
};

/**
 * A chart spec to hand to an island. Astro writes a hydrated component's props into the page as JSON,
 * from each object's own enumerable properties: the fields the island does not read stay on the model,
 * for the server to draw, but not enumerable, so the page does not carry them a second time.
 */
export function forIsland<S extends ChartSpec>(spec: S): S {
  const keep = ISLAND_FIELDS[spec.id];
  if (!keep) return spec;
  const model = {};
  for (const [key, value] of Object.entries(spec.model)) Object.defineProperty(model, key, { value, enumerable: keep.includes(key) });
  return { ...spec, model };
}

/** How many scroll steps a chart has (0 for charts that do not step). */
export function stepCount(chart: ChartSpec): number {
  return chart.id === 'timeline' ? 0 : chart.model.steps;
}

/** The story section that tells each chart: its scroll steps are the story's blocks `<section>-1`, `<section>-2`, … */
export const STORY_SECTION: Record<ChartId, string> = { 'resale-flow': 'shanghai', 'network-map': 'hunan', timeline: 'timeline' };

/** The story blocks that are a chart's scroll steps, one per step of its model. */
export function stepBlocks(chart: ChartSpec): string[] {
  return Array.from({ length: stepCount(chart) }, (_, i) => `${STORY_SECTION[chart.id]}-${i + 1}`);
}

/**
 * Height an iframe gets before (or without) any script: enough for the chart in every language at a
 * 600-700 px column (tests/e2e/embed.spec.ts measures it).
 */
export const EMBED_HEIGHT: Record<ChartId, number> = { 'resale-flow': 860, 'network-map': 1110, timeline: 1680 };

/** The one figure a chart's social card sets in large type beside the drawing. */
export function cardFigure(spec: ChartSpec): string {
  if (spec.id === 'resale-flow') return spec.model.markup.text;
  if (spec.id === 'network-map') return `${spec.model.figures.arrested.text} · ${spec.model.figures.cities.text}`;
  return spec.model.meta.subtitle;
}
