/**
 * Property-based tests of the story's token resolver (src/edition/story.ts): random text with random
 * {{tokens}}, good and bad, either resolves to text with no "{{" or "}}" left, or throws an Error
 * that names the block. Never a TypeError, never a token leaking through.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadData } from '~/data/load';
import { derivedFigures } from '~/data/derive';
import { figureBook } from '~/data/figures';
import { translator } from '~/i18n/translate';
import { resolveTokens, type StoryContext, loadStory } from '~/edition/story';

const data = loadData();
const t = translator('en');
const ctx: StoryContext = { data, book: figureBook(data, 'en', t), locale: 'en', t };
const WHERE = 'src/words/story/en.md: block "random"';

const factIds = [...data.facts.keys()];
const eventIds = [...data.events.keys()];
const derivedIds = [...derivedFigures(data).keys()];
const sourceIds = [...data.sources.map((s) => s.id)];

const space = fc.constantFrom('', ' ', '  ', '\t');
const knownId = fc.constantFrom(...factIds, ...eventIds, ...derivedIds, 'list:network-provinces', ...sourceIds.map((s) => `cite:${s}`));
const unknownId = fc.oneof(
  fc.stringMatching(/^[a-z0-9.:-]{1,12}$/),
  fc.constantFrom('cite:', 'cite:nope', 'constructor', '__proto__', 'toString', 'list:', 'hasOwnProperty'),
);
const modifier = fc.oneof(fc.constant(''), fc.constantFrom('|when', '|year', '|WHEN', '|', '|x', '|when|year'), fc.stringMatching(/^\|[a-z]{1,6}$/));
const token = fc.tuple(space, fc.oneof(knownId, unknownId), modifier, space).map(([a, id, m, b]) => `{{${a}${id}${m}${b}}}`);
const goodToken = fc.tuple(space, knownId, fc.constantFrom('', '|when', '|year'), space).map(([a, id, m, b]) => ({ id, m, text: `{{${a}${id}${m}${b}}}` }));
const debris = fc.constantFrom('{{', '}}', '{', '}', '{{}}', '{{ }}', '{{{', '}}}', '{{A}}', '{{a b}}', '{{\n}}', '{ {x} }', '$&', '$1', '<b>', '&amp;');
const prose = fc.string({ maxLength: 20 });
const text = fc
  .array(fc.oneof({ weight: 3, arbitrary: prose }, { weight: 3, arbitrary: token }, { weight: 1, arbitrary: debris }), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** Resolves, or checks the error is a named one about this block. Returns the output or null. */
function attempt(input: string, plain: boolean, resolve = () => resolveTokens(input, ctx, WHERE, plain)): string | null {
  try {
    return resolve();
  } catch (e) {
    expect(e, 'throws an Error').toBeInstanceOf(Error);
    expect(e, `not a TypeError: ${(e as Error).message}`).not.toBeInstanceOf(TypeError);
    expect((e as Error).message.startsWith(`${WHERE}: `), `names the block: ${(e as Error).message}`).toBe(true);
    return null;
  }
}

describe('resolveTokens', () => {
  it('random text with random tokens: no "{{" or "}}" survives, or a named Error', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, plain) => {
        const out = attempt(input, plain);
        if (out === null) return;
        expect(out).not.toContain('{{');
        expect(out).not.toContain('}}');
        expect(out).not.toMatch(/NaN|undefined/);
      }),
      { numRuns: 200 },
    );
  });

  it('text built only from valid tokens and brace-free prose always resolves', () => {
    const safeProse = prose.map((s) => s.replace(/[{}]/g, ''));
    const valid = goodToken.filter(
      // A bare id must be a figure (fact or derived); |when and |year need a dated fact or an event.
      ({ id, m }) =>
        id.startsWith('cite:') || id === 'list:network-provinces' || (m === '' ? ctx.book.has(id) : Boolean(data.facts.get(id)?.date) || data.events.has(id)),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            safeProse,
            valid.map((g) => g.text),
          ),
          { maxLength: 8 },
        ),
        fc.boolean(),
        (parts, plain) => {
          const out = resolveTokens(parts.join(''), ctx, WHERE, plain);
          expect(out).not.toMatch(/\{\{|\}\}|NaN|undefined/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('in HTML mode the figures it inserts are escaped: no markup but its own span and cite link', () => {
    fc.assert(
      fc.property(fc.array(goodToken, { minLength: 1, maxLength: 4 }), (tokens) => {
        const out = attempt(tokens.map((g) => g.text).join(' '), false);
        if (out === null) return;
        const tags = out.match(/<[^>]*>/g) ?? [];
        for (const tag of tags)
          expect(tag).toMatch(/^<(\/?span|span class="figure( derived)?"( title="[^"<>]*")?|a class="cite" href="#source-[a-z0-9.-]+"|\/a)>$/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('loadStory', () => {
  // Markdown around the tokens: emphasis, links, code, lists, headings, quotes, raw HTML and comments.
  const markup = fc.constantFrom('*', '**', '_', '`', '[', '](#x)', '](', '- ', '1. ', '# ', '> ', '\n', '\n\n', '<b>', '</b>', '<!-- ', ' -->', '\\');
  const markdown = fc
    .array(fc.oneof({ weight: 3, arbitrary: prose }, { weight: 3, arbitrary: token }, { weight: 2, arbitrary: markup }, { weight: 1, arbitrary: debris }), {
      maxLength: 10,
    })
    // A line of its own like [[x]] would start another block.
    .map((parts) => parts.join('').replaceAll('[[', '[ ['));

  it('random Markdown with random tokens: the HTML and the text keep no "{{" or "}}", or a named Error', () => {
    fc.assert(
      fc.property(markdown, fc.boolean(), (input, plain) => {
        const out = attempt(input, plain, () => {
          const story = loadStory(`[[random]]\n${input}`, 'src/words/story/en.md', ctx);
          return plain ? story.text('random') : story.html('random');
        });
        if (out === null) return;
        expect(out).not.toContain('{{');
        expect(out).not.toContain('}}');
        expect(out).not.toMatch(/NaN|undefined/);
      }),
      { numRuns: 300 },
    );
  });
});
