/**
 * The charts, as a list of their definitions (src/charts/shared/definition.ts), in the story's order: the
 * story, embeds, oEmbed, talk mode, the downloads and the browser tests iterate it. Adding a chart is a
 * folder with its definition, a line here, and its words.
 * Server only: the definitions build models from data/ and draw on the server; islands import types alone.
 */
import type { CardContent } from './shared/card';
import type { ChartModel, DrawOptions, EmbedPart, TalkView } from './shared/definition';
import type { BuildContext, ChartDefinition } from './shared/definition';
import { packDetails, type IslandProps } from './shared/island';
import { networkMap } from './network-map/definition';
import { resaleFlow } from './resale-flow/definition';
import { timeline } from './timeline/definition';

export const CHARTS = [resaleFlow, networkMap, timeline] as const;

type Definition = (typeof CHARTS)[number];
export type ChartId = Definition['id'];
export const CHART_IDS: readonly ChartId[] = CHARTS.map((c) => c.id);

/** A chart built by buildCharts(), with its model's type. */
export type ChartOf<I extends ChartId> = Chart<ReturnType<Extract<Definition, { id: I }>['build']>>;

/** A chart built for one edition: what pages draw and hand to its island. */
export interface Chart<Model extends ChartModel = ChartModel> {
  id: ChartId;
  model: Model;
  /** Where it appears: its story section, embed height, talk layout, card, downloads. */
  definition: Pick<Definition, 'story' | 'embedHeight' | 'downloads'>;
  /** What can be embedded: the whole chart (no `part`), then its parts, each with its iframe's starting height and the options it is drawn with. */
  embeds: { part?: EmbedPart; height: number }[];
  /** The server's drawing, with the options a page or slide asks for (a talk view's among them). */
  draw(options: DrawOptions & object): string;
  /** Everything its island receives. */
  island: IslandProps;
  /** The story blocks that are its scroll steps, one per step: `<blocks>-1`, `<blocks>-2`, … */
  stepBlocks: string[];
  /** Its talk slides: a view per scroll step, or the definition's own. */
  talk: (TalkView & { layout: object })[];
  /** What its social card shows: a headline, one figure and one visual from the same case. */
  card: CardContent;
}

function build<I extends ChartId, M extends ChartModel, O extends object>(d: ChartDefinition<I, M, O>, context: BuildContext): Chart<M> {
  const model = d.build(context);
  const steps = d.steps(model);
  const stepBlocks = Array.from({ length: steps }, (_, i) => `${d.story.blocks}-${i + 1}`);
  const views: TalkView[] =
    d.talk.views?.(model) ??
    stepBlocks.map((block, i) => ({ slide: block, figure: `talk-${d.id}-${i + 1}`, words: block, step: i, options: { step: i, ...d.talk.step?.(model, i) } }));
  return {
    id: d.id,
    model,
    definition: d,
    // The options a chart does not know it ignores; those it knows come from its own definition (its talk views and layout).
    draw: (options) => d.draw(model, options as DrawOptions & O),
    island: { details: packDetails(d.details(model)), steps },
    stepBlocks,
    talk: views.map((v) => ({ ...v, layout: d.talk.layout })),
    card: d.card(model),
    embeds: [{ height: d.embedHeight }, ...(d.embedParts?.parts(model).map((part) => ({ part, height: d.embedParts!.height })) ?? [])],
  };
}

/** Every chart, built for one edition, in the story's order. */
export function buildCharts(context: BuildContext): Chart[] {
  return CHARTS.map((d: Definition) => build(d as ChartDefinition<ChartId, ChartModel, object>, context));
}

/** The chart `id` of a list built by buildCharts(), with its model's type. */
export function chartById<I extends ChartId>(charts: Chart[], id: I): ChartOf<I> {
  const chart = charts.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart "${id}"`);
  return chart as ChartOf<I>;
}
