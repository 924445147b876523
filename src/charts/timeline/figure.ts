/**
 * The timeline's figure, rendered on the server: its layout runs at build time only
 * (a stub in the browser: src/charts/shared/figure.ts). Without a `width`, its artboards are laid out at a
 * phone's, a tablet's and a desktop's width and CSS container queries show one.
 */
import { createRawSnippet } from 'svelte';
import ChartFigure from '~/charts/shared/ChartFigure.svelte';
import { serverMarkup, type FigureOptions } from '~/charts/shared/figure';
import type { TimelineModel, TimelinePart } from './model';
import TimelineArtboards from './TimelineArtboards.svelte';

export interface TimelineFigureProps extends FigureOptions {
  model: TimelineModel;
  /** Height in px to fit the drawing into, such as a slide's. */
  height?: number | undefined;
  /** Label size in px (talk slides); the layout's own otherwise. */
  font?: number | undefined;
  /** One part of the timeline (talk slides); both otherwise. */
  part?: TimelinePart | undefined;
}

export function figure({ model, tableLabel, width, height, font, part, id, headingLevel }: TimelineFigureProps): string {
  const drawing = serverMarkup(TimelineArtboards, { model, width, height, font, part, id });
  return serverMarkup(ChartFigure, {
    meta: model.meta,
    table: model.table,
    tableLabel,
    id,
    headingLevel,
    children: createRawSnippet(() => ({ render: () => `<div class="timeline">${drawing}</div>` })),
  });
}
