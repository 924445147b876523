/**
 * The timeline drawn on the server: its layout runs at build time only (a stub in the
 * browser: src/charts/shared/render.ts). Without a `width`, its artboards are laid out at a phone's, a
 * tablet's and a desktop's width and CSS container queries show one.
 */
import { createRawSnippet } from 'svelte';
import ChartFrame from '~/charts/shared/ChartFrame.svelte';
import type { DrawOptions } from '~/charts/shared/definition';
import { serverMarkup } from '~/charts/shared/render';
import { timelinePieces, type TimelineModel, type TimelinePart } from './model';
import TimelineArtboards from './TimelineArtboards.svelte';

/** What the timeline's drawing takes besides every chart's options: a slide's shape, type size and part. */
export interface TimelineDrawOptions {
  /** Height in px to fit the drawing into, such as a slide's; leave out for its natural height. */
  height?: number | undefined;
  /** Size of all its text in px (labels, bar values, axes), for a slide read from the back of a room; leave out for the story's. */
  font?: number | undefined;
  /** One part alone (talk mode gives each its slide): the cases' events or the national figures. */
  part?: TimelinePart | undefined;
  /** One case or one national series alone, by its id (timelinePieces): an embed of one piece, its name as the subtitle. */
  piece?: string | undefined;
}

export function render(
  model: TimelineModel,
  { tableLabel, width, height, font, part, piece, id, headingLevel }: DrawOptions & TimelineDrawOptions & { id: string },
): string {
  const drawing = serverMarkup(TimelineArtboards, { model, width, height, font, part, piece });
  const label = piece === undefined ? undefined : timelinePieces(model).find((p) => p.id === piece)?.label;
  return serverMarkup(ChartFrame, {
    meta: label === undefined ? model.meta : { ...model.meta, subtitle: label },
    table: model.table,
    tableLabel,
    id,
    headingLevel,
    children: createRawSnippet(() => ({ render: () => `<div class="timeline">${drawing}</div>` })),
  });
}
