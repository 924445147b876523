/**
 * What educators use in fraud-awareness talks: the story as a deck of slides (talk mode) and the
 * sources a page cites (talk, handout). Built from the same story blocks and chart models as the
 * story page, so a slide can only say what the story says; speaker notes are [[talk-notes-<id>]].
 */
import { stepCount, type ChartSpec } from './chart';
import type { Edition, SourceEntry } from './edition';
import { splitDiagrams } from './diagram';
import { escapeHtml } from './format';
import type { KeyFigure } from './story';
import { timelineParts, type TimelinePart } from './timeline';

export interface TalkSlide {
  /** Position from 1: the slide's element id is `slide-<n>` and its deep link `#slide-<n>`. */
  n: number;
  /** Stable name; the slide's speaker notes are the story block [[talk-notes-<id>]]. */
  id: string;
  kind: 'title' | 'step' | 'diagram' | 'timeline' | 'advice' | 'closing';
  /** Heading, inline HTML. */
  heading: string;
  /** The heading as plain text, for the counter's spoken label and the notes view. */
  title: string;
  /** Body HTML from the story; '' where the page composes the body (the closing slide). */
  body: string;
  /** The slide's chart, pinned to a step when it has steps, or one part of the timeline; `figureId` keeps element ids unique in the deck. */
  chart?: { spec: ChartSpec; step?: number; part?: TimelinePart; figureId: string };
  /** Speaker notes, HTML. */
  notes: string;
  /** The first sentence of the body, plain, shown in the notes view as what comes next. */
  preview: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Text of story HTML without tags or source markers, for titles and previews. */
export function plainText(html: string): string {
  return html
    .replace(/<a class="cite"[^>]*>[\s\S]*?<\/a>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence of plain text (Latin or CJK punctuation), or all of it. */
export function firstSentence(text: string): string {
  return /^[\s\S]*?(?:[.!?](?=\s|$)|[。！？])/.exec(text)?.[0] ?? text;
}

/** The h2 a story block opens with, as inline HTML; the block must open with one. */
function blockHeading(e: Edition, block: string): string {
  const heading = /^<h2>([\s\S]*?)<\/h2>/.exec(e.story.html(block))?.[1];
  if (heading === undefined) throw new Error(`story block [[${block}]] must open with a "## heading" for its talk slide`);
  return heading;
}

type Draft = Omit<TalkSlide, 'n' | 'title' | 'notes' | 'preview'> & { title?: string; preview?: string };

/**
 * One slide per scroll step of a chart, with the step's words, as the story tells them. A diagram in a
 * step's words gets a slide of its own after it, big enough to point at: beside the chart it would not fit.
 */
function stepSlides(e: Edition, spec: ChartSpec, intro: string, prefix: string): Draft[] {
  const section = plainText(blockHeading(e, intro));
  const count = stepCount(spec);
  return Array.from({ length: count }, (_, i): Draft[] => {
    const id = `${prefix}-${i + 1}`;
    const title = e.t('talk.stepTitle', { section, n: i + 1, count });
    const { text, diagrams } = splitDiagrams(e.story.html(id));
    return [
      { id, kind: 'step', heading: escapeHtml(title), title, body: text, chart: { spec, step: i, figureId: `talk-${spec.id}-${i + 1}` } },
      ...diagrams.map((d, j): Draft => ({
        id: `${id}-diagram${diagrams.length > 1 ? `-${j + 1}` : ''}`,
        kind: 'diagram',
        heading: d.title,
        preview: plainText(d.title),
        body: d.html,
      })),
    ];
  }).flat();
}

/**
 * The timeline, a slide per part (the cases' events, then the national figures), so that its labels
 * read from the back of a room: the whole chart on one slide would set them too small. The first keeps
 * the id `timeline`; the others are `timeline-<part>`.
 */
function timelineSlides(e: Edition): Draft[] {
  const spec = e.chart('timeline');
  if (spec.id !== 'timeline') throw new Error('the timeline chart is not a timeline');
  const parts = timelineParts(spec.model);
  const section = plainText(blockHeading(e, 'timeline-intro'));
  // The story's words for each part: the section's opening for the events, the note on the police figures for the national ones.
  const body = { cases: e.story.html('timeline-intro').replace(/^<h2>[\s\S]*?<\/h2>\s*/, ''), national: e.story.html('timeline-after') };
  return parts.map((part, i): Draft => {
    const title = parts.length > 1 ? e.t('talk.stepTitle', { section, n: i + 1, count: parts.length }) : section;
    return {
      id: i === 0 ? 'timeline' : `timeline-${part}`,
      kind: 'timeline',
      heading: escapeHtml(title),
      title,
      body: body[part],
      chart: { spec, part, figureId: i === 0 ? 'talk-timeline' : `talk-timeline-${part}` },
    };
  });
}

/** The talk's slides in order: title, the Shanghai steps, the Hunan steps, the timeline's parts, the advice, the sources. */
export function talkSlides(e: Edition): TalkSlide[] {
  const { story, t } = e;
  const drafts: Draft[] = [
    { id: 'title', kind: 'title', heading: story.inline('headline'), body: `<p>${story.inline('standfirst')}</p>` },
    ...stepSlides(e, e.chart('resale-flow'), 'shanghai-intro', 'shanghai'),
    ...stepSlides(e, e.chart('network-map'), 'hunan-intro', 'hunan'),
    ...timelineSlides(e),
    { id: 'advice', kind: 'advice', heading: blockHeading(e, 'advice'), body: story.html('talk-advice') },
    { id: 'sources', kind: 'closing', heading: escapeHtml(t('talk.closing')), body: '' },
  ];
  return drafts.map((d, i) => ({
    ...d,
    n: i + 1,
    title: d.title ?? plainText(d.heading),
    notes: story.html(`talk-notes-${d.id}`),
    preview: d.preview ?? firstSentence(plainText(d.body)),
  }));
}

/** What talk mode's controls and notes view say at one slide, in the edition's language. */
export interface TalkStop {
  /** The visible counter: "5 / 16". */
  counter: string;
  /** The counter for screen readers: "Slide 5 of 16: …". */
  position: string;
  /** What comes next: "Next: …", or that this is the last slide. */
  next: string;
  /** The first sentence of the next slide, for the presenter. */
  preview: string;
}

export function talkStops(e: Edition, slides: TalkSlide[]): TalkStop[] {
  const count = slides.length;
  return slides.map((slide, i) => {
    const following = slides[i + 1];
    return {
      counter: e.t('talk.counter', { n: slide.n, count }),
      position: e.t('talk.position', { n: slide.n, count, title: slide.title }),
      next: following ? e.t('talk.nextUp', { title: following.title }) : e.t('talk.end'),
      preview: following?.preview ?? '',
    };
  });
}

/**
 * The sources behind some of the story's words, in the order of the source list: those the HTML
 * cites ({{cite:…}} links to #source-<id>) and those behind the key figures shown with it.
 */
export function citedSources(e: Edition, html: string[], figures: KeyFigure[] = []): SourceEntry[] {
  const ids = new Set(figures.flatMap((f) => f.sources.map((s) => s.id)));
  for (const h of html) for (const m of h.matchAll(/href="#source-([^"]+)"/g)) ids.add(m[1]!);
  return e.sources.filter((s) => ids.has(s.id));
}

/**
 * Citations as small numbers ([1], [2]) into a numbered source list, for a page read on paper or from
 * a slide, where publishers' names would interrupt every sentence. `sources` is the list, in order.
 */
export function numberCitations(html: string, sources: SourceEntry[]): string {
  return html.replace(/<a class="cite" href="#source-([^"]+)">[\s\S]*?<\/a>/g, (_, id: string) => {
    const n = sources.findIndex((s) => s.id === id) + 1;
    if (n === 0) throw new Error(`citation of source "${id}" is not in the page's source list`);
    return `<a class="cite" href="#source-${id}">${n}</a>`;
  });
}
