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
  it('tells the story in order: title, every Shanghai step, the Hunan diagram and steps, the timeline by case and series, advice, sources', () => {
    expect(slides.map((s) => s.id)).toEqual([
      'title',
      ...[1, 2, 3, 4, 5, 6].map((i) => `shanghai-${i}`),
      'hunan-intro-diagram',
      ...[1, 2, 3, 4, 5].map((i) => `hunan-${i}`),
      'timeline',
      'timeline-hunan-linwu',
      'timeline-national',
      'timeline-spp-aiding-prosecutions',
      'advice',
      'sources',
    ]);
    expect(slides.map((s) => s.n)).toEqual(slides.map((_, i) => i + 1));
  });

  it('gives the timeline a slide per case and per national series, so few labels share a slide and each reads from afar', () => {
    const parts = slides.filter((s) => s.kind === 'chart');
    // Each slide draws one piece, as an embed of that piece does.
    expect(parts.map((s) => [s.id, s.chart?.chart.id, option(s, 'piece'), s.chart?.figureId])).toEqual([
      ['timeline', 'timeline', 'shanghai-jiading', 'talk-timeline'],
      ['timeline-hunan-linwu', 'timeline', 'hunan-linwu', 'talk-timeline-hunan-linwu'],
      ['timeline-national', 'timeline', 'mps-cases-solved', 'talk-timeline-national'],
      ['timeline-spp-aiding-prosecutions', 'timeline', 'spp-aiding-prosecutions', 'talk-timeline-spp-aiding-prosecutions'],
    ]);
    expect(parts.every((s) => s.title === 'Two cases, one crackdown')).toBe(true);
    expect(parts[2]!.body).toBe(en.story.html('timeline-after'));
    // The slides of a part share its notes.
    expect(parts.map((s) => s.notes)).toEqual([
      en.story.html('talk-notes-timeline'),
      en.story.html('talk-notes-timeline'),
      en.story.html('talk-notes-timeline-national'),
      en.story.html('talk-notes-timeline-national'),
    ]);
    // The chart takes the slide: no key sentence.
    expect(parts.every((s) => s.key === '')).toBe(true);
  });

  it('pins each step slide to its step of the chart, the map to its drawing or (the payoff) its panels, with an element id no other slide uses', () => {
    const steps = slides.filter((s) => s.kind === 'step');
    expect(steps.map((s) => [s.chart?.chart.id, option(s, 'step'), option(s, 'view')])).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((i) => ['resale-flow', i, undefined]),
      ...[0, 1, 2, 3].map((i) => ['network-map', i, 'drawing']),
      ['network-map', 4, 'panels'],
    ]);
    const ids = slides.flatMap((s) => (s.chart ? [s.chart.figureId] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('talk-resale-flow-3');
  });

  it("sets a step's first sentence large on its slide, and keeps all its words in the notes", () => {
    const step = slides.find((s) => s.id === 'shanghai-4')!;
    expect(step.key).toBe(firstSentence(en.story.text('shanghai-4')));
    expect(step.key.length).toBeGreaterThan(20);
    expect(slides.filter((s) => s.kind !== 'step').every((s) => s.key === '')).toBe(true);
    for (const s of slides.filter((s) => s.kind === 'step')) expect(s.key, s.id).toMatch(/\S/);
  });

  it('gives each step its own slide, its words and notes, since every step of every chart reveals something', () => {
    for (const block of ['hunan-2', 'hunan-3']) {
      const slide = slides.find((s) => s.id === block)!;
      expect(slide.body).toBe(en.story.split(block).html);
      expect(slide.notes).toBe(en.story.html(`talk-notes-${block}`));
    }
  });

  it('has no two slides in a row that show the same thing', () => {
    const shows = (s: TalkSlide) => JSON.stringify([s.kind, s.key, s.chart?.chart.id, s.chart?.options, s.chart ? '' : s.body]);
    for (const [i, s] of slides.entries()) if (i > 0) expect(shows(s), s.id).not.toBe(shows(slides[i - 1]!));
  });

  it("uses the story's own words for the steps", () => {
    expect(slides.find((s) => s.id === 'shanghai-4')!.body).toBe(en.story.html('shanghai-4'));
  });

  it("gives a diagram in a section's opening words a slide of its own before the chart's, titled by the diagram, with no chart", () => {
    const diagram = slides.find((s) => s.id === 'hunan-intro-diagram')!;
    expect(en.story.html('hunan-intro')).toContain('<figure class="diagram relay">');
    expect(slides[slides.indexOf(diagram) + 1]!.id).toBe('hunan-1');
    expect(slides.filter((s) => s.kind === 'step').every((s) => !s.body.includes('<figure'))).toBe(true);
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
    // The section's name, never "…, 3 of 6".
    expect(slides.find((s) => s.id === 'shanghai-3')!.title).toBe('A cheap plan, a visit at home');
    for (const s of slides) expect(s.title, s.id).not.toMatch(/\d+\s*(of|sur)\s*\d+|\d+\s*\/\s*\d+/);
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
  it("carry the sources each slide's body cites: a step's words, a diagram's", () => {
    const source = (id: string) => slides.find((s) => s.id === id)!.sources;
    expect(source('shanghai-6')).toEqual(['shine-2021-09-07']);
    expect(source('shanghai-1')).toEqual([]);
    expect(source('hunan-5')).toEqual(['odaily-2024-08-26-fr', 'panews-2024-08-26']);
    expect(source('hunan-intro-diagram')).toEqual(['pingtang-police-2024-07']);
    expect(source('advice')).toEqual(en.story.sources('talk-advice'));
  });
});
