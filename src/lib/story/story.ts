/**
 * The story's words live in src/story/<locale>.md as [[blocks]] of Markdown. This module splits
 * them and resolves figure tokens against data/, so the prose can only ever say what the data says.
 */
import { marked } from 'marked';
import type { SiteData } from '~/lib/data/load';
import { networkProvinces } from '~/lib/data/derive';
import type { FigureBook } from '~/lib/data/figures';
import { renderDiagram } from './diagram';
import { escapeHtml, formatDate, formatList } from '~/lib/i18n/format';
import { typeset } from '~/lib/i18n/typography';
import type { Translate } from '~/lib/i18n/translate';
import { localize, type Locale } from '~/lib/data/schema';

export interface StoryContext {
  data: SiteData;
  book: FigureBook;
  locale: Locale;
  t: Translate;
}

const BLOCK = /^\[\[([a-z0-9-]+)\]\]\s*$/;
const TOKEN = /\{\{\s*([a-z0-9.:-]+)(?:\|([a-z]+))?\s*\}\}/g;

/** Splits the file into its [[blocks]]; comments and text before the first block are ignored. */
export function parseBlocks(source: string, file: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let current: string | undefined;
  const lines: string[] = [];
  const flush = () => {
    if (current) blocks.set(current, lines.join('\n').trim());
    lines.length = 0;
  };
  for (const line of source.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const m = BLOCK.exec(line);
    if (m) {
      flush();
      if (blocks.has(m[1]!)) throw new Error(`${file}: block "${m[1]}" appears twice`);
      current = m[1]!;
    } else lines.push(line);
  }
  flush();
  return blocks;
}

/**
 * Replaces {{tokens}} with escaped HTML, or with plain text when `plain` (for <title> and meta tags).
 * A token naming nothing, or anything left looking like a token, is an error with the place named.
 */
export function resolveTokens(text: string, ctx: StoryContext, where: string, plain = false): string {
  const cite = (sourceId: string) => {
    const source = ctx.data.sourceById.get(sourceId);
    if (!source) throw new Error(`${where}: unknown source id "${sourceId}"`);
    return `<a class="cite" href="#source-${source.id}">${escapeHtml(source.publisher)}</a>`;
  };
  const out = text.replace(TOKEN, (_, id: string, modifier?: string) => {
    if (id.startsWith('cite:')) {
      const link = cite(id.slice(5));
      return plain ? '' : link;
    }
    if (id.startsWith('diagram:')) {
      const html = renderDiagram(id.slice(8), { t: ctx.t, cite }, where);
      return plain ? '' : html;
    }
    if (id === 'list:network-provinces') {
      const names = networkProvinces(ctx.data).map((p) => localize(p.name, ctx.locale));
      const list = formatList(names, ctx.locale);
      return plain ? list : escapeHtml(list);
    }
    if (modifier === 'when' || modifier === 'year') {
      const dated = ctx.data.facts.get(id) ?? ctx.data.events.get(id);
      if (!dated) throw new Error(`${where}: unknown fact or event id "${id}"`);
      const date = modifier === 'year' ? { value: dated.date.value.slice(0, 4), precision: 'year' as const } : dated.date;
      const when = formatDate(date, ctx.locale, ctx.t);
      return plain ? when : escapeHtml(when);
    }
    if (modifier) throw new Error(`${where}: unknown modifier "|${modifier}" on "${id}"`);
    if (!ctx.book.has(id)) throw new Error(`${where}: unknown fact id "${id}"`);
    const figure = ctx.book.get(id);
    if (plain) return figure.prose ?? figure.text;
    const cls = figure.derived ? 'figure derived' : 'figure';
    const title = figure.formula ? ` title="${escapeHtml(figure.formula.text)}"` : '';
    return `<span class="${cls}"${title}>${escapeHtml(figure.prose ?? figure.text)}</span>`;
  });
  const broken = /\{\{[^}]*\}?\}?|\}\}/.exec(out);
  if (broken) throw new Error(`${where}: malformed token "${broken[0]}" (write {{fact-id}}, {{id|when}}, {{id|year}}, {{cite:source-id}} or {{diagram:id}})`);
  return out;
}

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
  /** A block as HTML; throws when the block is missing, so a page cannot silently lose a passage. */
  html(id: string): string;
  /** A one-line block as inline HTML (headline, standfirst). */
  inline(id: string): string;
  /** Plain text of a one-line block, for <title> and meta tags. */
  text(id: string): string;
  keyFigures(id: string): KeyFigure[];
  ids(): string[];
}

export function loadStory(source: string, file: string, ctx: StoryContext): Story {
  const blocks = parseBlocks(source, file);
  const raw = (id: string) => {
    const block = blocks.get(id);
    if (block === undefined) throw new Error(`${file}: missing block [[${id}]]`);
    return typeset(block, ctx.locale);
  };
  const resolved = (id: string) => resolveTokens(raw(id), ctx, `${file}: block "${id}"`);
  // Resolve every block once up front: a broken token anywhere fails the build, used or not.
  for (const id of blocks.keys()) resolved(id);

  return {
    html: (id) => marked.parse(resolved(id), { async: false }),
    inline: (id) => marked.parseInline(resolved(id), { async: false }),
    text: (id) => resolveTokens(raw(id), ctx, `${file}: block "${id}"`, true).replace(/\s+/g, ' ').trim(),
    keyFigures: (id) =>
      raw(id)
        .split('\n')
        .filter((line) => line.trim())
        .map((line, i) => {
          const bar = line.indexOf('|');
          const [factId, caption] = bar < 0 ? [line.trim(), ''] : [line.slice(0, bar).trim(), line.slice(bar + 1).trim()];
          const where = `${file}: block "${id}", line ${i + 1}`;
          if (!ctx.book.has(factId)) throw new Error(`${where}: unknown fact id "${factId}"`);
          const figure = ctx.book.get(factId);
          return {
            id: factId,
            text: figure.text,
            caption: marked.parseInline(resolveTokens(caption, ctx, where), { async: false }),
            captionText: resolveTokens(caption, ctx, where, true),
            sources: figure.sources.map((s) => ({ id: s.id, publisher: s.publisher })),
          };
        }),
    ids: () => [...blocks.keys()],
  };
}
