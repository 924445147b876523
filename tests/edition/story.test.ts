import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { loadData, type SiteData } from '~/data/load';
import { storyFile } from '~/edition/edition';
import { figureBook } from '~/data/figures';
import { translator } from '~/i18n/translate';
import en from '~/words/ui/en.json';
import type { Fact, Source } from '~/data/schema';
import { loadStory, parseBlocks, resolveTokens, type StoryContext } from '~/edition/story';

const data = loadData();
const t = translator('en');

function context(d: SiteData = data, tr = t): StoryContext {
  return { data: d, book: figureBook(d, 'en', tr), locale: 'en', t: tr };
}
const ctx = context();
const WHERE = 'test.md: block "x"';
const resolve = (text: string, c: StoryContext = ctx) => resolveTokens(text, c, WHERE);

describe('parseBlocks', () => {
  it('splits the file into [[blocks]], trimmed, ignoring text before the first', () => {
    const blocks = parseBlocks('preamble\n[[one]]\n\nfirst line\nsecond line\n\n[[two-b]]\nsecond block\n', 'f.md');
    expect([...blocks]).toEqual([
      ['one', 'first line\nsecond line'],
      ['two-b', 'second block'],
    ]);
  });

  it('ignores HTML comments, even ones spanning lines or holding a block marker', () => {
    const source = '<!--\n[[hidden]]\n{{nope}}\n-->\n[[a]]\nkept <!-- dropped --> text\n<!-- [[b]] -->\n';
    const blocks = parseBlocks(source, 'f.md');
    expect([...blocks.keys()]).toEqual(['a']);
    expect(blocks.get('a')).toBe('kept  text');
  });

  it('keeps an empty block as an empty string', () => {
    expect(parseBlocks('[[empty]]\n[[full]]\ntext', 'f.md').get('empty')).toBe('');
  });

  it('only takes a marker alone on its line', () => {
    const blocks = parseBlocks('[[a]]\nsee [[b]] inline\n[[c]]  \nc text', 'f.md');
    expect([...blocks.keys()]).toEqual(['a', 'c']);
    expect(blocks.get('a')).toBe('see [[b]] inline');
  });

  it('throws on a duplicate block, naming the file and block', () => {
    expect(() => parseBlocks('[[a]]\none\n[[b]]\ntwo\n[[a]]\nthree', 'src/words/story/xx.md')).toThrow('src/words/story/xx.md: block "a" appears twice');
  });
});

describe('resolveTokens', () => {
  it('prints a stored fact as escaped text with class "figure"', () => {
    expect(resolve('{{shanghai.victims}} people')).toBe('<span class="figure">over 1,000</span> people');
    expect(resolve('{{ shanghai.price-resale }}')).toBe('<span class="figure">80 to 145 yuan</span>');
    expect(resolve('{{hunan.amount}}')).toBe('<span class="figure">over 4 million yuan</span>');
  });

  it('prints a derived figure with class "derived" and its formula as a title, in words ("times", not "×")', () => {
    expect(resolve('{{shanghai.markup}}')).toBe(
      '<span class="figure derived" title="resale price ÷ first sale price: 80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8">3.2 to 5.8 times</span>',
    );
    expect(resolve('{{hunan.unnamed-provinces}}')).toBe(
      '<span class="figure derived" title="provinces in the network − provinces named: 18 − 1 = 17">17</span>',
    );
  });

  it('prints the date of a fact or an event with |when, as precise as stored', () => {
    // The year of the Shanghai events is worked out from the report's date, so it says so.
    expect(resolve('{{shanghai.arrested|when}}')).toBe('late August 2021 (date inferred)');
    expect(resolve('{{shanghai.number-bought|when}}')).toBe('May 2021 (date inferred)');
    expect(resolve('{{hunan.discovery|when}}')).toBe('August 2023');
    expect(resolve('{{two-cards.launch|when}}')).toBe('10 October 2020');
    expect(resolve('{{hunan.case-closed|when}}')).toBe('early August 2024');
    expect(resolve('{{spp.aiding-prosecuted-2018|when}}')).toBe('2018');
  });

  it('throws on |when for a fact the sources do not date (the first Hunan arrests), rather than borrow a date', () => {
    expect(() => resolve('{{hunan.first-arrests|when}}')).toThrow('"hunan.first-arrests" has no date (the sources do not give one)');
  });

  it('prints just the year with |year, still marked when we inferred it', () => {
    expect(resolve('{{shanghai.number-bought|year}}')).toBe('2021 (date inferred)');
    expect(resolve('{{hunan.network-set-up|year}} to {{hunan.case-closed|year}}')).toBe('2023 to 2024');
    expect(resolve('{{shanghai.victims|year}}')).toBe('2021 (date inferred)');
  });

  it('links {{cite:source}} to the source list', () => {
    expect(resolve('{{cite:shine-2021-09-07}}')).toBe('<a class="cite" href="#source-shine-2021-09-07">SHINE / Shanghai Daily</a>');
    expect(resolve('{{cite:panews-2024-08-26}}')).toBe('<a class="cite" href="#source-panews-2024-08-26">PANews (on Binance Square)</a>');
  });

  it('places {{diagram:id}} as a figure that Markdown keeps whole, and drops it from plain text', () => {
    const html = resolve('{{diagram:mobile-port}}');
    expect(html).toMatch(/^<figure class="diagram relay">.*<\/figure>$/);
    expect(html).toContain('<a class="cite" href="#source-pingtang-police-2024-07">');
    expect(marked.parse(`Words.\n\n${html}\n\nMore.`, { async: false })).toContain(`\n${html}`);
    expect(resolveTokens('Before {{diagram:mobile-port}}', ctx, WHERE, true)).toBe('Before ');
  });

  it('throws on an unknown diagram, naming where', () => {
    expect(() => resolve('{{diagram:sim-farm}}')).toThrow(`${WHERE}: unknown diagram "sim-farm"`);
  });

  it('leaves text without tokens alone', () => {
    expect(resolve('Plain **Markdown**, no tokens.')).toBe('Plain **Markdown**, no tokens.');
  });

  it('throws on an unknown fact id, naming where', () => {
    expect(() => resolve('{{shanghai.nothing}}')).toThrow(`${WHERE}: unknown fact id "shanghai.nothing"`);
  });

  it('throws on an unknown fact or event with |when or |year', () => {
    expect(() => resolve('{{shanghai.nothing|when}}')).toThrow(`${WHERE}: unknown fact or event id "shanghai.nothing"`);
    expect(() => resolve('{{shanghai.nothing|year}}')).toThrow(`${WHERE}: unknown fact or event id "shanghai.nothing"`);
    // A derived figure has no date.
    expect(() => resolve('{{shanghai.markup|when}}')).toThrow(`${WHERE}: unknown fact or event id "shanghai.markup"`);
  });

  it('throws on an unknown source id', () => {
    expect(() => resolve('{{cite:no-such-source}}')).toThrow(`${WHERE}: unknown source id "no-such-source"`);
  });

  it('throws on an unknown modifier', () => {
    expect(() => resolve('{{shanghai.victims|bold}}')).toThrow(`${WHERE}: unknown modifier "|bold" on "shanghai.victims"`);
  });

  it('throws on a malformed token rather than printing it', () => {
    expect(() => resolve('{{shanghai.Victims}}')).toThrow(WHERE);
    expect(() => resolve('{{shanghai_victims}}')).toThrow(WHERE);
    expect(() => resolve('{{shanghai.arrested | when}}')).toThrow(WHERE);
  });

  it('names the file and block when a story has a broken token', () => {
    const source = '[[ok]]\n{{shanghai.victims}}\n[[broken]]\nSee {{shanghai.nothing}}.';
    expect(() => loadStory(source, 'src/words/story/test.md', ctx)).toThrow('src/words/story/test.md: block "broken": unknown fact id "shanghai.nothing"');
    expect(() => loadStory('[[c]]\n{{cite:nobody}}', 'src/words/story/test.md', ctx)).toThrow('src/words/story/test.md: block "c": unknown source id "nobody"');
    expect(() => loadStory('[[m]]\n{{shanghai.victims|shout}}', 'src/words/story/test.md', ctx)).toThrow(
      'src/words/story/test.md: block "m": unknown modifier "|shout"',
    );
  });

  describe('escapes text from data/', () => {
    const HOSTILE = '<script>alert("x")</script>';
    const shine = data.sourceById.get('shine-2021-09-07')!;
    const hostileSource: Source = { ...shine, publisher: HOSTILE };
    const victims = data.facts.get('shanghai.victims')!;
    const hostileFact: Fact = { ...victims, label: { en: HOSTILE } };
    const hostile: SiteData = {
      ...data,
      sources: data.sources.map((s) => (s.id === shine.id ? hostileSource : s)),
      sourceById: new Map([...data.sourceById, [shine.id, hostileSource]]),
      facts: new Map([...data.facts, [victims.id, hostileFact]]),
    };
    const hctx = context(hostile);

    it('a publisher in a citation', () => {
      expect(resolve('{{cite:shine-2021-09-07}}', hctx)).toBe(
        '<a class="cite" href="#source-shine-2021-09-07">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>',
      );
    });

    it('a publisher and a fact label in a rendered story', () => {
      const story = loadStory('[[p]]\n{{shanghai.victims}} people. {{cite:shine-2021-09-07}}', 'test.md', hctx);
      const html = story.html('p');
      expect(html).not.toContain('<script');
      expect(html).toContain('&lt;script&gt;');
      expect(html).toContain('<span class="figure">over 1,000</span>');
    });

    it('a formula in a title attribute, quotes included', () => {
      const tr = translator('en', { ...en, 'derived.shanghai.markup.formula': 'resale "over" <first>' });
      expect(resolve('{{shanghai.markup}}', context(data, tr))).toBe(
        '<span class="figure derived" title="resale &quot;over&quot; &lt;first&gt;: 80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8">3.2 to 5.8 times</span>',
      );
    });
  });
});

describe('loadStory on src/words/story/en.md', () => {
  const source = readFileSync(storyFile('en'), 'utf8');
  const story = loadStory(source, 'src/words/story/en.md', ctx);

  it('has the blocks the page uses', () => {
    expect(story.ids()).toEqual(
      expect.arrayContaining(['headline', 'standfirst', 'key-figures', 'shanghai-intro', 'hunan-intro', 'timeline-intro', 'advice', 'method']),
    );
  });

  it('resolves every block, leaving no token behind', () => {
    for (const id of story.ids()) {
      if (id === 'key-figures') continue; // a list of fact ids, read by keyFigures()
      const html = story.html(id);
      expect(html, id).not.toMatch(/\{\{|\}\}/);
      expect(html.trim().length, id).toBeGreaterThan(0);
    }
  });

  it('prints the figures and dates of the Shanghai case', () => {
    expect(story.html('shanghai-4')).toContain('<span class="figure">80 to 145 yuan</span>');
    expect(story.html('shanghai-4')).toContain('title="resale price ÷ first sale price: 80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8">3.2 to 5.8 times</span>');
    expect(story.html('shanghai-4')).toContain('>55 to 120 yuan</span>');
    expect(story.html('shanghai-6')).toContain(
      'In late August 2021 (date inferred), police held <span class="figure">14</span> suspects at <span class="figure">two locations</span> in Shanghai',
    );
    expect(story.html('shanghai-6')).toContain('<a class="cite" href="#source-shine-2021-09-07">SHINE / Shanghai Daily</a>');
    expect(story.inline('shanghai-1')).toContain('In May 2021 (date inferred), a <span class="figure">58</span>-year-old man');
  });

  it('prints the unnamed provinces and the growth in prosecutions', () => {
    expect(story.html('hunan-4')).toContain('The reports we found name only Hunan; the other <span class="figure derived"');
    expect(story.html('hunan-4')).toContain('>17</span> are named in none of them');
    expect(story.html('timeline-intro')).toContain('launched on 10 October 2020');
    expect(story.html('timeline-intro')).toContain(
      'from <span class="figure">137</span> people in 2018 to <span class="figure">147,000</span> in 2023, <span class="figure derived"',
    );
    expect(story.html('timeline-intro')).toContain('>more than 1,000 times</span> as many');
  });

  it('parses the key figures with their captions and sources', () => {
    const figures = story.keyFigures('key-figures');
    expect(figures.map((f) => [f.id, f.text])).toEqual([
      ['shanghai.victims', 'over 1,000'],
      ['shanghai.price-resale', '80 to 145 yuan'],
      ['hunan.arrested', '62'],
      ['hunan.amount', 'over 4 million yuan'],
    ]);
    expect(figures[0]!.caption).toBe('people fell victim in Shanghai, police said');
    expect(figures[1]!.caption).toBe('per account on resale, bought for <span class="figure">25 yuan</span>');
    expect(figures[2]!.caption).toBe('arrested in the Hunan case, in <span class="figure">86</span> cities across <span class="figure">18</span> provinces');
    expect(figures[0]!.sources).toEqual([{ id: 'shine-2021-09-07', publisher: 'SHINE / Shanghai Daily' }]);
    expect(figures[3]!.sources.map((s) => s.id)).toEqual(['odaily-2024-08-26-fr', 'panews-2024-08-26']);
  });

  it('gives plain text for the headline and standfirst', () => {
    expect(story.text('headline')).toBe('Sold numbers');
    const standfirst = story.text('standfirst');
    expect(standfirst).toMatch(/^Two police cases/);
    expect(standfirst).not.toMatch(/[<>]|\{\{/);
    expect(story.inline('headline')).toBe('Sold numbers');
  });

  it('throws on a missing block, naming the file', () => {
    expect(() => story.html('no-such-block')).toThrow('src/words/story/en.md: missing block [[no-such-block]]');
    expect(() => story.text('no-such-block')).toThrow('src/words/story/en.md: missing block [[no-such-block]]');
    expect(() => story.keyFigures('no-such-block')).toThrow('missing block [[no-such-block]]');
  });
});

describe('loadStory on other sources', () => {
  it('throws on an unknown fact id in the key figures, naming the line', () => {
    const story = loadStory('[[kf]]\nshanghai.victims | people\nshanghai.nothing | oops', 'test.md', ctx);
    expect(() => story.keyFigures('kf')).toThrow('test.md: block "kf", line 2: unknown fact id "shanghai.nothing"');
  });

  it('renders Markdown in a block', () => {
    const story = loadStory('[[p]]\n## Head\n\n**{{shanghai.arrested}}** held', 'test.md', ctx);
    expect(story.html('p')).toBe('<h2>Head</h2>\n<p><strong><span class="figure">14</span></strong> held</p>\n');
  });

  it('text() prints a date for {{id|when}} and a year for {{id|year}}', () => {
    const story = loadStory(
      '[[s]]\nIn {{shanghai.arrested|when}}, police held {{shanghai.arrested}}; case began {{shanghai.number-bought|year}}.',
      'test.md',
      ctx,
    );
    expect(story.text('s')).toBe('In late August 2021 (date inferred), police held 14; case began 2021 (date inferred).');
  });

  it('keyFigures keeps a caption that uses {{id|when}}', () => {
    const story = loadStory('[[kf]]\nshanghai.arrested | held in {{shanghai.arrested|when}} at {{shanghai.arrest-locations}}', 'test.md', ctx);
    expect(story.keyFigures('kf')[0]!.caption).toBe('held in late August 2021 (date inferred) at <span class="figure">two locations</span>');
  });
});

describe('loadStory reads Markdown through its tokens', () => {
  const load = (source: string) => loadStory(source, 'src/words/story/test.md', ctx);

  it('resolves a token inside emphasis, a link or a list item', () => {
    const story = load('[[p]]\n*{{shanghai.arrested}}* and [{{shanghai.victims}} people](#shanghai)\n\n- **{{shanghai.arrest-locations}}**');
    expect(story.html('p')).toBe(
      '<p><em><span class="figure">14</span></em> and <a href="#shanghai"><span class="figure">over 1,000</span> people</a></p>\n' +
        '<ul>\n<li><strong><span class="figure">two locations</span></strong></li>\n</ul>\n',
    );
  });

  it('fails on an unknown token inside emphasis or a link, naming the file and block', () => {
    expect(() => load('[[em]]\n*{{shanghai.nothing}}*')).toThrow('src/words/story/test.md: block "em": unknown fact id "shanghai.nothing"');
    expect(() => load('[[a]]\n[see {{cite:nobody}}](#x)')).toThrow('src/words/story/test.md: block "a": unknown source id "nobody"');
  });

  it('fails on a token where it cannot print: a link address, a code span, a stray or escaped brace pair', () => {
    expect(() => load('[[a]]\n[words]({{shanghai.victims}})')).toThrow('src/words/story/test.md: block "a": malformed token "{{shanghai.victims}}"');
    expect(() => load('[[c]]\nIn `{{shanghai.victims}}` code')).toThrow('src/words/story/test.md: block "c": malformed token');
    expect(() => load('[[s]]\nA stray }} here')).toThrow('src/words/story/test.md: block "s": malformed token "}}"');
    // An escaped brace beside another still prints "{{".
    expect(() => load('[[e]]\nAn escaped \\{{shanghai.victims}}')).toThrow('src/words/story/test.md: block "e": malformed token "{{shanghai.victims}}"');
  });

  it('places a diagram on a line of its own as a figure between paragraphs, and refuses one inside a sentence', () => {
    const html = load('[[d]]\nBefore.\n{{diagram:mobile-port}}\nAfter.').html('d');
    expect(html).toMatch(/^<p>Before\.<\/p>\n<figure class="diagram relay">[\s\S]*<\/figure>\n<p>After\.<\/p>\n$/);
    expect(() => load('[[d]]\nSee {{diagram:mobile-port}} here.')).toThrow(
      'src/words/story/test.md: block "d": {{diagram:mobile-port}} must stand on a line of its own',
    );
    expect(() => load('[[d]]\n{{diagram:sim-farm}}')).toThrow('src/words/story/test.md: block "d": unknown diagram "sim-farm"');
  });

  it('split() takes the diagrams out of a block and keeps the words around them', () => {
    const story = load('[[d]]\nBefore {{shanghai.arrested}}.\n\n{{diagram:mobile-port}}\n\nAfter.\n[[plain]]\nWords.');
    const { html, text, sources, diagrams } = story.split('d');
    expect(html).toBe('<p>Before <span class="figure">14</span>.</p>\n<p>After.</p>\n');
    expect(text).toBe('Before 14. After.');
    expect(sources).toEqual([]);
    expect(diagrams).toEqual([
      { title: 'How a “mobile port” relays a call', html: story.html('d').match(/<figure[\s\S]*<\/figure>/)![0], sources: ['pingtang-police-2024-07'] },
    ]);
    expect(story.split('plain')).toEqual({ html: story.html('plain'), text: 'Words.', sources: [], diagrams: [] });
  });

  it('text() drops the Markdown and the source markers, keeping figures as words', () => {
    const story = load('[[p]]\n## Head\n\nIt\'s **{{shanghai.arrested}} people** & "more" {{cite:shine-2021-09-07}}\n\n- one\n- two');
    expect(story.text('p')).toBe('Head It\'s 14 people & "more" one two');
  });

  it('gives the heading a block opens with, and renders the block with an id on it', () => {
    const story = load('[[s]]\n## A *cheap* plan, {{hunan.network-set-up|year}}\n\nWords.\n[[n]]\nNo heading.');
    expect(story.heading('s')).toEqual({ html: 'A <em>cheap</em> plan, 2023', text: 'A cheap plan, 2023' });
    expect(story.html('s', { headingId: 'shanghai-heading' })).toBe('<h2 id="shanghai-heading">A <em>cheap</em> plan, 2023</h2>\n<p>Words.</p>\n');
    expect(story.html('s')).toBe('<h2>A <em>cheap</em> plan, 2023</h2>\n<p>Words.</p>\n');
    expect(() => story.heading('n')).toThrow('src/words/story/test.md: block "n" must open with a "## heading"');
    expect(() => story.html('n', { headingId: 'x' })).toThrow('src/words/story/test.md: block "n" must open with a "## heading"');
  });

  it('inline() takes a block of one paragraph only', () => {
    const story = load('[[one]]\nOne *line*\n[[two]]\nOne.\n\nTwo.');
    expect(story.inline('one')).toBe('One <em>line</em>');
    expect(() => story.inline('two')).toThrow('src/words/story/test.md: block "two" must be one paragraph');
  });
});

describe('loadStory citations', () => {
  const story = loadStory(
    '[[p]]\nOne {{cite:shine-2021-09-07}} two {{cite:anti-fraud-law}}.\n[[d]]\nWords.\n\n{{diagram:mobile-port}}\n[[none]]\nNo source.',
    'src/words/story/test.md',
    ctx,
  );

  it('lists the sources a block cites, diagrams included, in order', () => {
    expect(story.sources('p')).toEqual(['shine-2021-09-07', 'anti-fraud-law']);
    expect(story.sources('d')).toEqual(['pingtang-police-2024-07']);
    expect(story.sources('none')).toEqual([]);
  });

  it('prints each citation as its number in a source list, joined to the word before it, and refuses one not in the list', () => {
    // A word joiner, not a space: the number never starts a line on its own.
    expect(story.html('p', { citations: ['anti-fraud-law', 'shine-2021-09-07'] })).toBe(
      '<p>One\u2060<a class="cite" href="#source-shine-2021-09-07">2</a> two\u2060<a class="cite" href="#source-anti-fraud-law">1</a>.</p>\n',
    );
    expect(story.html('d', { citations: ['pingtang-police-2024-07'] })).toContain(
      '\u2060<a class="cite" href="#source-pingtang-police-2024-07">1</a></figcaption>',
    );
    expect(() => story.html('p', { citations: ['anti-fraud-law'] })).toThrow(
      'src/words/story/test.md: block "p": cites source "shine-2021-09-07", which is not in the page\'s source list',
    );
    // The publishers' names are still there for the story itself.
    expect(story.html('p')).toContain('>SHINE / Shanghai Daily</a>');
  });
});
