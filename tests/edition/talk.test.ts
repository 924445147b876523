import { describe, it, expect } from 'vitest';
import { buildEdition, editionLocales } from '~/edition/edition';
import { citedSources, firstSentence, talkSlides, talkStops, type TalkSlide } from '~/edition/talk';

const en = buildEdition('en');
const slides = talkSlides(en);
/** An option a slide draws its chart with (its step, its part). */
const option = (s: TalkSlide, name: string) => (s.chart?.options as Record<string, unknown> | undefined)?.[name];

describe('firstSentence', () => {
  it('stops at the first full stop followed by a space, not inside a number', () => {
    expect(firstSentence('It cost 3.87 dollars. Then more.')).toBe('It cost 3.87 dollars.');
  });
  it('stops at a Chinese full stop, which has no space after it', () => {
    expect(firstSentence('第一句。第二句。')).toBe('第一句。');
  });
  it('keeps text without an ending whole', () => {
    expect(firstSentence('No ending here')).toBe('No ending here');
  });
});

describe('talkSlides', () => {
  it('tells the story in order: title, every Shanghai step, every Hunan step (and its diagram), timeline, advice, sources', () => {
    expect(slides.map((s) => s.id)).toEqual([
      'title',
      ...[1, 2, 3, 4, 5, 6].map((i) => `shanghai-${i}`),
      'hunan-1',
      'hunan-1-diagram',
      ...[2, 3, 4, 5].map((i) => `hunan-${i}`),
      'timeline',
      'timeline-national',
      'advice',
      'sources',
    ]);
    expect(slides.map((s) => s.n)).toEqual(slides.map((_, i) => i + 1));
  });

  it('gives the timeline a slide per part of its model, so its labels read from afar: the cases, then the national figures', () => {
    const parts = slides.filter((s) => s.kind === 'chart');
    expect(parts.map((s) => [s.id, s.chart?.chart.id, option(s, 'part'), s.chart?.figureId])).toEqual([
      ['timeline', 'timeline', 'cases', 'talk-timeline'],
      ['timeline-national', 'timeline', 'national', 'talk-timeline-national'],
    ]);
    expect(parts.map((s) => s.title)).toEqual(['Two cases, one crackdown, 1 of 2', 'Two cases, one crackdown, 2 of 2']);
    expect(parts[1]!.body).toBe(en.story.html('timeline-after'));
    expect(parts.every((s) => s.notes.length > 0)).toBe(true);
  });

  it('pins each step slide to its step of the chart, with an element id no other slide uses', () => {
    const steps = slides.filter((s) => s.kind === 'step');
    expect(steps.map((s) => [s.chart?.chart.id, option(s, 'step')])).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((i) => ['resale-flow', i]),
      ...[0, 1, 2, 3, 4].map((i) => ['network-map', i]),
    ]);
    const ids = slides.flatMap((s) => (s.chart ? [s.chart.figureId] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('talk-resale-flow-3');
  });

  it("uses the story's own words for the steps", () => {
    expect(slides.find((s) => s.id === 'shanghai-4')!.body).toBe(en.story.html('shanghai-4'));
  });

  it('moves a diagram from its step onto a slide of its own, titled by the diagram, with no chart', () => {
    const step = slides.find((s) => s.id === 'hunan-1')!;
    const diagram = slides.find((s) => s.id === 'hunan-1-diagram')!;
    expect(en.story.html('hunan-1')).toContain('<figure class="diagram relay">');
    expect(step.body).not.toContain('<figure');
    expect(step.body).toContain('mobile port');
    expect(diagram).toMatchObject({ kind: 'diagram', title: 'How a “mobile port” relays a call', preview: 'How a “mobile port” relays a call' });
    expect(diagram.chart).toBeUndefined();
    expect(diagram.body).toMatch(/^<figure class="diagram relay">[\s\S]*<\/figure>$/);
    expect(diagram.body).toContain('href="#source-pingtang-police-2024-07"');
  });

  it('gives every slide a plain title and speaker notes', () => {
    for (const s of slides) {
      expect(s.title, s.id).toMatch(/\S/);
      expect(s.title, s.id).not.toMatch(/[<>]/);
      expect(s.notes, s.id).toMatch(/<p>/);
    }
    expect(slides.find((s) => s.id === 'shanghai-3')!.title).toBe('A cheap plan, a visit at home, 3 of 6');
  });

  it('has the same slides in every edition', () => {
    for (const locale of editionLocales()) expect(talkSlides(buildEdition(locale)).map((s) => s.id)).toEqual(slides.map((s) => s.id));
  });
});

describe('talkStops', () => {
  const stops = talkStops(en, slides);

  it('counts the slides and says what comes next', () => {
    expect(stops[4]!.counter).toBe(`5 / ${slides.length}`);
    expect(stops[4]!.position).toBe(`Slide 5 of ${slides.length}: ${slides[4]!.title}`);
    expect(stops[4]!.next).toBe(`Next: ${slides[5]!.title}`);
    expect(stops[4]!.preview).toBe(slides[5]!.preview);
  });

  it('says so on the last slide', () => {
    expect(stops.at(-1)!.next).toBe(en.t('talk.end'));
    expect(stops.at(-1)!.preview).toBe('');
  });
});

describe('citedSources', () => {
  it('lists the sources the words cite and those behind the figures, in the order of the source list, once each', () => {
    const figures = en.story.keyFigures('key-figures');
    const ids = citedSources(en, ['anti-fraud-law', 'shine-2021-09-07', 'anti-fraud-law'], figures).map((s) => s.id);
    expect(ids).toEqual(en.sources.map((s) => s.id).filter((id) => ids.includes(id)));
    expect(ids).toEqual(expect.arrayContaining(['anti-fraud-law', 'shine-2021-09-07', 'panews-2024-08-26']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists nothing when nothing is cited', () => {
    expect(citedSources(en, [])).toEqual([]);
  });
});

describe('talkSlides sources', () => {
  it("carry the sources each slide's body cites: a step's words and its diagram apart", () => {
    const source = (id: string) => slides.find((s) => s.id === id)!.sources;
    expect(source('shanghai-6')).toEqual(['shine-2021-09-07']);
    expect(source('shanghai-1')).toEqual([]);
    expect(source('hunan-1')).toEqual(['pingtang-police-2024-07']);
    expect(source('hunan-1-diagram')).toEqual(['pingtang-police-2024-07']);
    expect(source('advice')).toEqual(en.story.sources('talk-advice'));
  });
});
