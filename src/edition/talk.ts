/**
 * What educators use in fraud-awareness talks: the story as a deck of slides (talk mode) and the
 * sources a page cites (talk, handout). Built from the same story blocks and chart models as the
 * story page, so a slide can only say what the story says; speaker notes are [[talk-notes-<id>]].
 */
import type { Chart } from '~/charts/registry';
import type { Edition, SourceEntry } from './edition';
import { escapeHtml } from '~/i18n/format';
import type { KeyFigure } from './story';

export interface TalkSlide {
  /** Position from 1: the slide's element id is `slide-<n>` and its deep link `#slide-<n>`. */
  n: number;
  /** Stable name; the slide's speaker notes are the story block [[talk-notes-<id>]]. */
  id: string;
  /** `step`: a chart pinned to a scroll step; `chart`: a view of a chart that does not step (a part of it). */
  kind: 'title' | 'step' | 'chart' | 'diagram' | 'advice' | 'closing';
  /** Heading, inline HTML. */
  heading: string;
  /** The heading as plain text, for the counter's spoken label and the notes view. */
  title: string;
  /** Body HTML from the story; '' where the page composes the body (the closing slide). On a chart's slide it goes to the speaker notes. */
  body: string;
  /** A step's key sentence, plain: the first sentence of its words, set large above the chart; '' on other slides. */
  key: string;
  /** The slide's chart, drawn for the slide (pinned to a step, or one part of it); `figureId` keeps element ids unique in the deck. */
  chart?: { chart: Chart; options: object; figureId: string };
  /** The ids of the sources the body cites. */
  sources: string[];
  /** Speaker notes, HTML. */
  notes: string;
  /** The first sentence of the body, plain, shown in the notes view as what comes next. */
  preview: string;
}

/** The first sentence of plain text (Latin or CJK punctuation), or all of it. */
export function firstSentence(text: string): string {
  return /^[\s\S]*?(?:[.!?](?=\s|$)|[。！？])/.exec(text)?.[0] ?? text;
}

/** A slide before it is numbered, with its body as plain text (the preview is its first sentence) and the story blocks of its notes. */
type Draft = Omit<TalkSlide, 'n' | 'notes' | 'preview' | 'key'> & { text: string; notes: string[] };

/** The scroll steps at which a chart's drawing reveals something: what a step brings in carries data-from, its step (each chart's artboards). */
function revealingSteps(e: Edition, chart: Chart): Set<number> {
  const markup = chart.draw({ locale: e.tag, tableLabel: '', id: 'reveal' });
  return new Set([...markup.matchAll(/data-from="(\d+)"/g)].map((m) => Number(m[1])));
}

/**
 * A chart's slides: one per scroll step, with the step's words, as the story tells them, or the views its
 * definition gives (a slide per part). Every slide has the section's name, never "…, 4 of 6": the chart
 * and the step's key sentence say where the talk is. A step that reveals nothing new in the chart joins
 * the slide before it (its words and notes go with that slide), so no two slides look the same. A diagram
 * in the words gets a slide of its own after it, big enough to point at: beside the chart it would not fit.
 */
function chartSlides(e: Edition, chart: Chart): Draft[] {
  const title = e.story.heading(`${chart.definition.story.blocks}-intro`).text;
  const kind = chart.island.steps > 0 ? 'step' : 'chart';
  const reveals = kind === 'step' ? revealingSteps(e, chart) : new Set<number>();
  // A diagram in the section's opening words gets a slide of its own before the chart's, big enough to point at.
  const intro = `${chart.definition.story.blocks}-intro`;
  const introDiagrams = e.story.split(intro).diagrams;
  const drafts: Draft[] = introDiagrams.map((d, j): Draft => {
    const id = `${intro}-diagram${introDiagrams.length > 1 ? `-${j + 1}` : ''}`;
    return { id, kind: 'diagram', heading: escapeHtml(d.title), title: d.title, body: d.html, text: d.title, sources: d.sources, notes: [id] };
  });
  for (const view of chart.talk) {
    const { html, text, sources, diagrams } = view.afterHeading ? { ...e.story.body(view.words), diagrams: [] } : e.story.split(view.words);
    const notes = view.notes ?? view.slide;
    const previous = drafts.at(-1);
    if (view.step !== undefined && view.step > 0 && !reveals.has(view.step) && previous?.kind === kind && diagrams.length === 0) {
      Object.assign(previous, {
        body: previous.body + html,
        text: `${previous.text} ${text}`,
        sources: [...previous.sources, ...sources],
        notes: [...previous.notes, notes],
      });
      continue;
    }
    const options = { ...view.layout, ...view.options };
    drafts.push(
      { id: view.slide, kind, heading: escapeHtml(title), title, body: html, text, sources, notes: [notes], chart: { chart, options, figureId: view.figure } },
      ...diagrams.map((d, j): Draft => {
        const id = `${view.slide}-diagram${diagrams.length > 1 ? `-${j + 1}` : ''}`;
        return { id, kind: 'diagram', heading: escapeHtml(d.title), title: d.title, body: d.html, text: d.title, sources: d.sources, notes: [id] };
      }),
    );
  }
  return drafts;
}

/** The talk's slides in order: title, each chart's (in the story's order: the Shanghai steps, the Hunan steps, the timeline's parts), the advice, the sources. */
export function talkSlides(e: Edition): TalkSlide[] {
  const { story, t } = e;
  /** A slide headed by the heading a story block opens with, its body another block. */
  const headed = (heading: string, body: string) => {
    const h = story.heading(heading);
    return { heading: h.html, title: h.text, body: story.html(body), text: story.text(body), sources: story.sources(body) };
  };
  const drafts: Draft[] = [
    {
      id: 'title',
      kind: 'title',
      heading: story.inline('headline'),
      title: story.text('headline'),
      body: `<p>${story.inline('standfirst')}</p>`,
      text: story.text('standfirst'),
      sources: story.sources('standfirst'),
      notes: ['title'],
    },
    ...e.charts.flatMap((chart) => chartSlides(e, chart)),
    { id: 'advice', kind: 'advice', ...headed('advice', 'talk-advice'), notes: ['advice'] },
    { id: 'sources', kind: 'closing', heading: escapeHtml(t('talk.closing')), title: t('talk.closing'), body: '', text: '', sources: [], notes: ['sources'] },
  ];
  return drafts.map(({ text, notes, ...d }, i) => ({
    ...d,
    n: i + 1,
    // A step's key sentence, the first of its words; the other slides of a chart give it all the room, their words in the notes.
    key: d.kind === 'step' ? firstSentence(text) : '',
    // A joined slide's notes, each block once.
    notes: [...new Set(notes)].map((id) => story.html(`talk-notes-${id}`)).join(''),
    preview: firstSentence(text),
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
 * The sources behind some of the story's words, in the order of the source list, once each: those
 * cited (`cited`, ids from story.sources() or a slide's sources) and those behind the key figures shown with them.
 */
export function citedSources(e: Edition, cited: Iterable<string>, figures: KeyFigure[] = []): SourceEntry[] {
  const ids = new Set([...cited, ...figures.flatMap((f) => f.sources.map((s) => s.id))]);
  return e.sources.filter((s) => ids.has(s.id));
}
