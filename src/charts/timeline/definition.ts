/**
 * Chart `timeline`: the two cases' events in lanes, each with one label (its date and the counts its
 * sources give) tied to it by a leader; the crackdown and the law as rules, each labelled at its line;
 * the national figures as bars from zero on the same time scale. It does not step; talk mode gives each
 * of its parts a slide.
 */
import { artboardFor } from './artboards';
import { timelineCard } from './card';
import type { ChartDefinition } from '~/charts/shared/definition';
import { buildTimeline, timelineMarks, timelineParts, timelinePieces, type TimelineModel } from './model';
import { render, type TimelineDrawOptions } from './render';

export const timeline: ChartDefinition<'timeline', TimelineModel, TimelineDrawOptions> = {
  id: 'timeline',
  build: ({ data, book, locale, t }) => buildTimeline(data, book, locale, t),
  draw: (model, options) => render(model, { ...options, id: options.id ?? 'timeline' }),
  // Every mark in reading order, numbered as the drawing's data-mark attributes.
  details: (model) => timelineMarks(model).map((m) => m.detail),
  steps: () => 0,
  story: { section: 'crackdown', blocks: 'timeline', after: true },
  // The tallest it is at any width from 320 to 1280 px in any language: the phone's layout, time down the page, drawn
  // about 510 px wide just below the tablet's artboard (French: 3,549 px); at a 600-700 px column it is 1,350-1,600 px.
  embedHeight: 3580,
  // On a phone the whole timeline runs past WordPress's 1000 px cap: each case and each national series is offered alone.
  embedParts: {
    // The tallest piece at any width from 320 to 1280 px in any language (a French national series at 540 px: 1,055 px).
    height: 1080,
    parts: (model) => timelinePieces(model).map((p) => ({ name: p.id, label: p.label, options: { piece: p.id } })),
  },
  talk: {
    // About a projector's width with all its text at 20.5 px, its panels squeezed to the slide's shape.
    layout: { width: 920, height: 620, font: 20.5 },
    // A slide per part, so its labels read from the back of a room (on one slide they would be too small):
    // the cases' events with the section's opening words, the national figures with the note on them.
    views: (model) =>
      timelineParts(model).map((part, i) => ({
        slide: i === 0 ? 'timeline' : `timeline-${part}`,
        figure: i === 0 ? 'talk-timeline' : `talk-timeline-${part}`,
        ...(part === 'cases' ? { words: 'timeline-intro', afterHeading: true } : { words: 'timeline-after' }),
        options: { part },
      })),
  },
  card: timelineCard,
  // The download is the artboard a 720 px column shows (the tablet's), so it carries the very words a reader saw there.
  downloads: { width: artboardFor(720).width },
};
