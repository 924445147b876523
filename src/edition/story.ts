/**
 * The story's words live in src/words/story/<locale>.md as [[blocks]] of Markdown. This module splits
 * them, lexes each block once with marked (an inline extension for {{figure tokens}}, a block one for
 * a {{diagram:id}} on a line of its own) and resolves every token against data/, so the prose can
 * only ever say what the data says. Headings, diagrams and plain text are read from the tokens.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { parseBlocks } from './blocks.mjs';
import type { SiteData } from '~/data/load';
import { networkProvinces } from '~/data/derive';
import type { FigureBook } from '~/data/figures';
import { renderDiagram, diagramTitle } from './diagram';
import { escapeHtml, formatDate, formatList } from '~/i18n/format';
import { markChineseRuns, typeset } from '~/i18n/typography';
import type { Translate } from '~/i18n/translate';
import { localize, type Locale } from '~/i18n/locale';

export interface StoryContext {
  data: SiteData;
  book: FigureBook;
  locale: Locale;
  t: Translate;
}

const TOKEN = /\{\{\s*([a-z0-9.:-]+)(?:\|([a-z]+))?\s*\}\}/g;
const ONE_TOKEN = new RegExp(`^${TOKEN.source}$`);

export { parseBlocks };

const malformed = (where: string, found: string) =>
  new Error(`${where}: malformed token "${found}" (write {{fact-id}}, {{id|when}}, {{id|year}}, {{cite:source-id}} or {{diagram:id}})`);

/** A citation: a link to the source in the list at the end, labelled with its publisher or, on paper, its number. */
function citeLink(sourceId: string, ctx: StoryContext, where: string, label?: string): string {
  const source = ctx.data.sourceById.get(sourceId);
  if (!source) throw new Error(`${where}: unknown source id "${sourceId}"`);
  return `<a class="cite" href="#source-${source.id}">${escapeHtml(label ?? source.publisher)}</a>`;
}

function resolveToken(id: string, modifier: string | undefined, ctx: StoryContext, where: string): { html: string; text: string } {
  if (id.startsWith('cite:')) return { html: citeLink(id.slice(5), ctx, where), text: '' };
  if (id.startsWith('diagram:')) return { html: renderDiagram(id.slice(8), { t: ctx.t, cite: (s) => citeLink(s, ctx, where) }, where), text: '' };
  if (id === 'list:network-provinces') {
    const list = formatList(
      networkProvinces(ctx.data).map((p) => localize(p.name, ctx.locale)),
      ctx.locale,
    );
    return { html: escapeHtml(list), text: list };
  }
  if (modifier === 'when' || modifier === 'year') {
    const dated = ctx.data.facts.get(id) ?? ctx.data.events.get(id);
    if (!dated) throw new Error(`${where}: unknown fact or event id "${id}"`);
    if (!dated.date) throw new Error(`${where}: "${id}" has no date (the sources do not give one), so {{${id}|${modifier}}} cannot print one`);
    // A year we inferred stays marked as inferred.
    const date = modifier === 'year' ? { value: dated.date.value.slice(0, 4), precision: 'year' as const, inferred: dated.date.inferred } : dated.date;
    const when = formatDate(date, ctx.locale, ctx.t);
    return { html: escapeHtml(when), text: when };
  }
  if (modifier) throw new Error(`${where}: unknown modifier "|${modifier}" on "${id}"`);
  if (!ctx.book.has(id)) throw new Error(`${where}: unknown fact id "${id}"`);
  const figure = ctx.book.get(id);
  const text = figure.prose ?? figure.text;
  const cls = figure.derived ? 'figure derived' : 'figure';
  const title = figure.formula ? ` title="${escapeHtml(figure.formula.text)}"` : '';
  return { html: `<span class="${cls}"${title}>${escapeHtml(text)}</span>`, text };
}

/**
 * Replaces {{tokens}} with escaped HTML, or with plain text when `plain` (for <title> and meta tags).
 * A token naming nothing, or anything left looking like a token, is an error with the place named.
 */
export function resolveTokens(text: string, ctx: StoryContext, where: string, plain = false): string {
  const out = text.replace(TOKEN, (_, id: string, modifier?: string) => {
    const resolved = resolveToken(id, modifier, ctx, where);
    return plain ? resolved.text : resolved.html;
  });
  const broken = /\{\{[^}]*\}?\}?|\}\}/.exec(out);
  if (broken) throw malformed(where, broken[0]);
  return out;
}

/** A {{…}} token in the words, resolved when the block is: its HTML, its plain text, the source it cites. */
interface FigureToken extends Tokens.Generic {
  type: 'figure';
  html: string;
  text: string;
  source?: string;
}

/** A {{diagram:id}} on a line of its own: a figure between paragraphs, with its title and the sources it cites. */
interface DiagramToken extends Tokens.Generic {
  type: 'diagram';
  id: string;
  html: string;
  title: string;
  sources: string[];
}

/** A heading the page gives an id (for aria-labelledby and links). */
type HeadingToken = Tokens.Heading & { id?: string };

const DIAGRAM_LINE = /^ {0,3}\{\{\s*diagram:([^{}\n]*?)\s*\}\}[ \t]*(?:\n+|$)/;

const markdown = new Marked({
  extensions: [
    {
      name: 'diagram',
      level: 'block',
      // Ends a paragraph, so the diagram is a block of its own even without a blank line before it.
      start: (src) => /^ {0,3}\{\{\s*diagram:/m.exec(src)?.index,
      tokenizer(src) {
        const m = DIAGRAM_LINE.exec(src);
        return m ? { type: 'diagram', raw: m[0], id: m[1]!, html: '', title: '', sources: [] } : undefined;
      },
      renderer: (token) => `${(token as DiagramToken).html}\n`,
    },
    {
      name: 'figure',
      level: 'inline',
      start: (src) => (src.includes('{{') ? src.indexOf('{{') : undefined),
      tokenizer(src) {
        const m = /^\{\{[^{}\n]*\}\}/.exec(src);
        return m ? { type: 'figure', raw: m[0], html: '', text: '' } : undefined;
      },
      renderer: (token) => (token as FigureToken).html,
    },
  ],
  renderer: {
    heading(token: HeadingToken) {
      return token.id === undefined ? false : `<h${token.depth} id="${escapeHtml(token.id)}">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
    },
  },
});

/**
 * Resolves every token marked found in a block, in place. Braces marked did not take as a token
 * (in a code span, a link's address, a stray "}}", an escaped "\{{") are malformed tokens; a diagram
 * inside a sentence would end up inside a <p>, so it must stand on a line of its own.
 */
function resolve(tokens: Token[], ctx: StoryContext, where: string): Token[] {
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'figure') {
      // resolveTokens() fails on a malformed one.
      const id = ONE_TOKEN.exec(token.raw)?.[1] ?? '';
      if (id.startsWith('diagram:')) throw new Error(`${where}: ${token.raw} must stand on a line of its own`);
      Object.assign(token, {
        html: resolveTokens(token.raw, ctx, where),
        text: resolveTokens(token.raw, ctx, where, true),
        source: id.startsWith('cite:') ? id.slice(5) : undefined,
      });
    } else if (token.type === 'diagram') {
      const sources: string[] = [];
      const cite = (sourceId: string) => {
        sources.push(sourceId);
        return citeLink(sourceId, ctx, where);
      };
      Object.assign(token, {
        html: renderDiagram(token.id as string, { t: ctx.t, cite }, where),
        title: diagramTitle(token.id as string, ctx.t, where),
        sources,
      });
    } else if (token.type === 'link' || token.type === 'image') {
      strayBraces(`${token.href} ${token.title ?? ''}`, where);
    } else if (token.type === 'table') {
      for (const cell of [...token.header, ...token.rows.flat()]) strayBraces(cell.tokens, where);
    }
    if ('tokens' in token && token.tokens) strayBraces(token.tokens, where);
  });
  strayBraces(tokens, where);
  return tokens;
}

/**
 * Fails on "{{" or "}}" in text, or in the words of sibling tokens read in a row (an escaped brace
 * beside another prints "{{" too); a figure, a diagram or a nested token between them ends the row.
 */
function strayBraces(words: string | Token[], where: string): void {
  const row =
    typeof words === 'string'
      ? words
      : words.map((t) => (t.type === 'figure' || t.type === 'diagram' || 'tokens' in t || 'items' in t ? '\0' : 'text' in t ? t.text : t.raw)).join('');
  const stray = /\{\{|\}\}/.exec(row);
  if (stray) throw malformed(where, row.slice(stray.index).split(/[\s\0]/)[0]!);
}

/** The sources tokens cite, in the order they cite them. */
function citedIn(tokens: Token[]): string[] {
  const ids: string[] = [];
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'figure' && token.source) ids.push(token.source as string);
    if (token.type === 'diagram') ids.push(...(token as DiagramToken).sources);
  });
  return ids;
}

/** Tokens that end a line of plain text. */
const LINE_ENDS = new Set(['paragraph', 'heading', 'list_item', 'blockquote', 'space', 'hr', 'br', 'code']);

/** What tokens say as plain text: figures as words, citations and diagrams left out, one space between blocks. */
function plainText(tokens: readonly Token[]): string {
  const text = (list: readonly Token[]): string =>
    list
      .map((token) => {
        if (token.type === 'figure') return (token as FigureToken).text;
        if (token.type === 'diagram' || token.type === 'html') return '';
        const inner =
          token.type === 'list' ? text(token.items as Token[]) : 'tokens' in token && token.tokens ? text(token.tokens) : 'text' in token ? token.text : '';
        return LINE_ENDS.has(token.type) ? `${inner} ` : inner;
      })
      .join('');
  // Only ASCII white space: a no-break space (French before "yuans" or ";") stays where typesetting put it.
  return text(tokens)
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** Words as HTML and as plain text. */
export interface Words {
  html: string;
  text: string;
}

/** Words, and the ids of the sources they cite. */
export type CitingWords = Words & { sources: string[] };

export interface KeyFigure {
  id: string;
  text: string;
  /** Caption HTML (tokens resolved). */
  caption: string;
  /** The caption as plain text, for images and meta tags. */
  captionText: string;
  sources: { id: string; publisher: string }[];
}

export interface Story {
  /**
   * A block as HTML; throws when the block is missing, so a page cannot silently lose a passage.
   * `headingId` gives the heading the block opens with an id (the block must open with one).
   * `citations`, a page's numbered source list (ids, in order), prints each citation as its number in
   * it, for a page read on paper or from a slide, where publishers' names would interrupt every sentence.
   */
  html(id: string, options?: { headingId?: string; citations?: readonly string[] }): string;
  /** A one-paragraph block as inline HTML (headline, standfirst). */
  inline(id: string): string;
  /** Plain text of a block, for <title> and meta tags. */
  text(id: string): string;
  /** The "## heading" a block opens with. */
  heading(id: string): Words;
  /** The ids of the sources a block cites, diagrams included, in order. */
  sources(id: string): string[];
  /** A block's words after the heading it opens with. */
  body(id: string): CitingWords;
  /** A block's words without its diagrams, and its diagrams apart (title in plain text): talk mode gives each a slide. */
  split(id: string): CitingWords & { diagrams: { title: string; html: string; sources: string[] }[] };
  keyFigures(id: string): KeyFigure[];
  ids(): string[];
}

export function loadStory(source: string, file: string, ctx: StoryContext): Story {
  const blocks = parseBlocks(source, file);
  const found = <T>(map: Map<string, T>, id: string): T => {
    if (!map.has(id)) throw new Error(`${file}: missing block [[${id}]]`);
    return map.get(id)!;
  };
  const raw = (id: string) => typeset(found(blocks, id), ctx.locale);
  const place = (id: string) => `${file}: block "${id}"`;
  // Lex and resolve every block once, up front: a broken token anywhere fails the build, used or not.
  const lexed = new Map([...blocks.keys()].map((id) => [id, resolve(markdown.lexer(raw(id)), ctx, place(id))]));
  const tokens = (id: string) => found(lexed, id);
  const heading = (id: string): HeadingToken => {
    const [first] = tokens(id);
    if (first?.type !== 'heading') throw new Error(`${place(id)} must open with a "## heading"`);
    return first as HeadingToken;
  };
  // Every piece of HTML the story gives out, with its runs of Chinese marked in another language's page.
  const withLang = (html: string) => markChineseRuns(html, ctx.locale);
  const render = (list: Token[]) => withLang(markdown.parser(list));
  const renderInline = (list: Token[]) => withLang(markdown.Parser.parseInline(list, markdown.defaults));
  /** A copy of a block's tokens whose citations print as their number in `list`. */
  const numbered = (id: string, list: readonly string[]): Token[] => {
    const number = (sourceId: string) => {
      const n = list.indexOf(sourceId) + 1;
      if (n === 0) throw new Error(`${place(id)}: cites source "${sourceId}", which is not in the page's source list`);
      return citeLink(sourceId, ctx, place(id), String(n));
    };
    const copy = structuredClone(tokens(id));
    markdown.walkTokens(copy, (token) => {
      if (token.type === 'figure' && token.source) token.html = number(token.source as string);
      if (token.type === 'diagram') token.html = renderDiagram(token.id as string, { t: ctx.t, cite: number }, place(id));
    });
    return copy;
  };

  return {
    html: (id, { headingId, citations } = {}) => {
      const list = citations ? numbered(id, citations) : tokens(id);
      const html = render(headingId === undefined ? list : [{ ...heading(id), id: headingId }, ...list.slice(1)]);
      // A citation number is joined to the word it follows (a word joiner for the space), so it never starts a line alone.
      return citations ? html.replace(/\s*(<a class="cite")/g, '\u2060$1') : html;
    },
    inline: (id) => {
      const [only, ...rest] = tokens(id);
      if (only?.type !== 'paragraph' || rest.length) throw new Error(`${place(id)} must be one paragraph`);
      return renderInline((only as Tokens.Paragraph).tokens);
    },
    text: (id) => plainText(tokens(id)),
    heading: (id) => {
      const h = heading(id);
      return { html: renderInline(h.tokens), text: plainText(h.tokens) };
    },
    sources: (id) => citedIn(tokens(id)),
    body: (id) => {
      const words = [heading(id), ...tokens(id)].slice(2);
      return { html: render(words), text: plainText(words), sources: citedIn(words) };
    },
    split: (id) => {
      const words = tokens(id).filter((t) => t.type !== 'diagram');
      const diagrams = tokens(id).filter((t): t is DiagramToken => t.type === 'diagram');
      return {
        html: render(words),
        text: plainText(words),
        sources: citedIn(words),
        diagrams: diagrams.map((d) => ({ title: d.title, html: withLang(d.html), sources: d.sources })),
      };
    },
    keyFigures: (id) =>
      raw(id)
        .split('\n')
        .filter((line) => line.trim())
        .map((line, i) => {
          const bar = line.indexOf('|');
          const [factId, caption] = bar < 0 ? [line.trim(), ''] : [line.slice(0, bar).trim(), line.slice(bar + 1).trim()];
          const where = `${place(id)}, line ${i + 1}`;
          if (!ctx.book.has(factId)) throw new Error(`${where}: unknown fact id "${factId}"`);
          const figure = ctx.book.get(factId);
          const words = resolve(markdown.Lexer.lexInline(caption, markdown.defaults), ctx, where);
          return {
            id: factId,
            text: figure.text,
            caption: renderInline(words),
            captionText: plainText(words),
            sources: figure.sources.map((s) => ({ id: s.id, publisher: s.publisher })),
          };
        }),
    ids: () => [...blocks.keys()],
  };
}
