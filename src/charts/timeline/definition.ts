/**
 * Chart `timeline`: the two cases' events in lanes, each with one label (its date and the counts its
 * sources give) tied to it by a leader; the crackdown and the law as rules, each labelled at its line;
 * the national figures as bars from zero on the same time scale. It does not step; talk mode gives each
 * of its parts a slide.
 */
import { artboardFor } from './artboards';
import { timelineCard } from './card';
import type { ChartDefinition } from '~/charts/shared/definition';
import { buildTimeline, timelineMarks, timelinePieces, type TimelineModel } from './model';
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
  // at its widest (26rem, TimelineArtboards.svelte) up to the tablet's artboard (French at 480 px: 2,987 px).
  embedHeight: 3010,
  // On a phone the whole timeline runs past WordPress's 1000 px cap: each case and each national series is offered alone.
  embedParts: {
    // The tallest piece at any width from 320 to 1280 px in any language (a French national series at 540 px: 1,055 px).
    height: 1080,
    parts: (model) => timelinePieces(model).map((p) => ({ name: p.id, label: p.label, options: { piece: p.id } })),
  },
  talk: {
    // About a projector's width with all its text at 34 px on 960 (every label at least 4% of the screen's
    // height once the drawing fills the slide), its panels squeezed to the slide's shape.
    layout: { width: 960, height: 680, font: 34 },
    // A slide per case and per national series, so that few labels share a slide and each can be large: the
    // cases' with the section's opening words (in the notes), the series' with the note on them. Each slide
    // of a part has the part's notes.
    views: (model) => {
      // The pieces an embed offers alone, each a slide: the cases, then the national series.
      const pieces = timelinePieces(model).map((p) => ({ id: p.id, part: model.lanes.some((l) => l.id === p.id) ? 'cases' : 'national' }));
      return pieces.map(({ id, part }, i) => {
        const first = i === 0 || pieces[i - 1]!.part !== part;
        const slide = i === 0 ? 'timeline' : first ? `timeline-${part}` : `timeline-${id}`;
        return {
          slide,
          figure: `talk-${slide}`,
          ...(part === 'cases' ? { words: 'timeline-intro', afterHeading: true } : { words: 'timeline-after' }),
          notes: part === 'cases' ? 'timeline' : 'timeline-national',
          options: { piece: id },
        };
      });
    },
  },
  card: timelineCard,
  // The download is the artboard a 720 px column shows (the tablet's), so it carries the very words a reader saw there.
  downloads: { width: artboardFor(720).width },
};
