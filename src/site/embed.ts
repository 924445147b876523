/**
 * Embedding charts in other sites: the message an embed page sends when its height changes, the host
 * script that reporters paste once (served as /embed.js), the pym.js child message, and the embed
 * code and oEmbed record built from one description of the iframe.
 */
import type { ChartId } from '~/charts/registry';
import { escapeHtml as attr } from '~/i18n/format';
import type { Locale } from '~/i18n/locale';

/** An embed page's path in an edition: a whole chart, or one of its parts. */
export const embedPath = (chart: ChartId, part?: string) => `embed/${chart}/${part === undefined ? '' : `${part}/`}`;
/** The oEmbed record of an embed page, in the same edition. */
export const oembedPath = (chart: ChartId, part?: string) => `oembed/${chart}${part === undefined ? '' : `-${part}`}.json`;

/** The message an embed page posts to its parent: `{ type, chart, height }`. */
export const HEIGHT_MESSAGE = 'sold-numbers:height';
/** The host script asks embeds that loaded before it to report again. */
export const PING_MESSAGE = 'sold-numbers:ping';
/** A height beyond this is not a chart: ignore it rather than stretch the host page. */
export const MAX_HEIGHT = 20000;

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  chart: ChartId;
  height: number;
}

export function heightMessage(chart: ChartId, height: number): HeightMessage {
  return { type: HEIGHT_MESSAGE, chart, height: Math.ceil(height) };
}

/**
 * True only for a well-formed height message (our type, a known chart, a sane height); anything else
 * is ignored. Self-contained, because /embed.js carries its source.
 */
export function isHeightMessage(data: unknown, type: string, chartIds: readonly string[], max: number): data is HeightMessage {
  if (!data || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  return (
    m.type === type &&
    typeof m.chart === 'string' &&
    chartIds.indexOf(m.chart) >= 0 &&
    typeof m.height === 'number' &&
    isFinite(m.height) &&
    m.height > 0 &&
    m.height <= max
  );
}

/** The pym.js child protocol: a CMS that already loads pym.js resizes our iframe with this. */
export function pymHeightMessage(childId: string, height: number): string {
  return ['pym', childId, 'height', String(Math.ceil(height))].join('xPYMx');
}

/**
 * WordPress's embed secret: wp-embed.js and WordPress's oEmbed filter add `#?secret=<letters and digits>` to a frame's
 * address and only accept messages that carry it. Null when the address has none.
 */
export function wordpressSecret(hash: string): string | null {
  const secret = /[#?&]secret=([A-Za-z0-9]+)(?:&|$)/.exec(hash)?.[1];
  return secret ?? null;
}

export type EmbedTheme = 'light' | 'dark' | 'auto';

/**
 * `?theme=dark|auto`: embeds are light by default, like the news pages they sit in; auto follows the
 * reader's system. Anything else is light.
 */
export function themeParam(value: string | null): EmbedTheme {
  return value === 'dark' || value === 'auto' ? value : 'light';
}

/**
 * The host script, served as /embed.js. It must stay self-contained: its source text is what is
 * served. A message resizes the iframe whose window sent it (event.source against each iframe's
 * contentWindow), and only when it is a well-formed height from the origin /embed.js came from: no
 * attribute is needed, since CMS sanitizers strip unknown ones. It may load before or after the
 * iframes, or several times. The inline !important style wins over host CSS such as `iframe { height: 100% }`.
 */
export function hostScript(isValid: typeof isHeightMessage, heightType: string, pingType: string, maxHeight: number, chartIds: readonly string[]): void {
  const w = window as Window & { __soldNumbersHost?: boolean };
  // Only our own site's pages may resize iframes: the origin this script was loaded from (or, if a
  // CMS inlined it, the origin of the iframe's own src).
  const script = document.currentScript as HTMLScriptElement | null;
  const ours = script && script.src ? new URL(script.src, location.href).origin : '';
  const originOf = (frame: HTMLIFrameElement) => {
    const src = frame.getAttribute('src');
    if (!src) return '';
    const url = new URL(src, location.href);
    return /^https?:$/.test(url.protocol) ? url.origin : '';
  };
  const frames = () => Array.prototype.slice.call(document.getElementsByTagName('iframe')) as HTMLIFrameElement[];
  const trusted = (frame: HTMLIFrameElement) => {
    const origin = originOf(frame);
    return origin !== '' && (!ours || origin === ours);
  };
  // Embeds that loaded before this script have already reported: ask ours to report again.
  for (const frame of frames()) {
    if (trusted(frame) && frame.contentWindow) frame.contentWindow.postMessage({ type: pingType }, originOf(frame));
  }
  if (w.__soldNumbersHost) return;
  w.__soldNumbersHost = true;
  window.addEventListener('message', (event: MessageEvent) => {
    if (!event.source || !isValid(event.data, heightType, chartIds, maxHeight)) return;
    const frame = frames().filter((f) => f.contentWindow === event.source)[0];
    if (!frame || !trusted(frame) || originOf(frame) !== event.origin) return;
    const height = Math.ceil((event.data as HeightMessage).height);
    frame.style.setProperty('height', `${height}px`, 'important');
    frame.style.setProperty('min-height', '0', 'important');
    frame.style.setProperty('max-height', 'none', 'important');
  });
}

/** The source of /embed.js, which accepts heights from the charts `chartIds`. */
export function hostScriptSource(chartIds: readonly string[]): string {
  const args = [HEIGHT_MESSAGE, PING_MESSAGE, MAX_HEIGHT, chartIds].map((a) => JSON.stringify(a)).join(',');
  return `/* Sold Numbers embeds: keeps each of our iframes at its content's height. */\n(${hostScript.toString()})(${isHeightMessage.toString()},${args});\n`;
}

export interface EmbedFrame {
  chart: ChartId;
  /** Absolute URL of the embed page, with its query. */
  src: string;
  title: string;
  /** Absolute URL of /embed.js. */
  script: string;
  /** Height in px the iframe starts at (the chart's embed height). */
  height: number;
}

/**
 * The iframe's inline style: it holds under a host's CSS such as `* { box-sizing: content-box }` with
 * `iframe { padding: 1em; border: 2px inset }`, which would otherwise push a 100% wide frame past its column.
 */
export const FRAME_STYLE = 'box-sizing:border-box;display:block;width:100%;max-width:100%;margin:0;padding:0;border:0';

/** The iframe alone: works in any CMS, at a fixed height. */
export function iframeCode(f: EmbedFrame): string {
  return `<iframe src="${attr(f.src)}" title="${attr(f.title)}" data-sold-numbers width="100%" height="${f.height}" style="${FRAME_STYLE}" loading="lazy"></iframe>`;
}

/** The embed code reporters paste: the iframe plus the host script that keeps it at its content's height. */
export function embedCode(f: EmbedFrame): string {
  return `${iframeCode(f)}\n<script async src="${attr(f.script)}"></script>`;
}

export interface OEmbed {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

export function oembed(f: EmbedFrame, provider: { name: string; url: string }, thumbnail: { url: string; width: number; height: number }): OEmbed {
  return {
    type: 'rich',
    version: '1.0',
    title: f.title,
    provider_name: provider.name,
    provider_url: provider.url,
    html: iframeCode(f),
    width: 640,
    height: f.height,
    thumbnail_url: thumbnail.url,
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
  };
}

export interface ShareOptions {
  chart: ChartId;
  /** The chart's embed height. */
  height: number;
  editions: {
    locale: Locale;
    /** The language's name in itself, for the choice. */
    name: string;
    /** The chart's title in that language: the iframe's title. */
    title: string;
    /** The embed page, without query. */
    src: string;
    /** What WordPress and other oEmbed consumers are given, one address a line: the embed pages that fit their height cap. */
    addresses: string[];
  }[];
  locale: string;
  script: string;
  downloads: { label: string; href: string }[];
  labels: Record<'summary' | 'language' | 'theme' | 'auto' | 'light' | 'dark' | 'address' | 'copyAddress' | 'code' | 'copy' | 'copied' | 'downloads', string>;
}

const chosen = (o: ShareOptions, locale: string) => o.editions.find((e) => e.locale === locale) ?? o.editions[0]!;

/** The embed code for one choice of edition and theme (light, the default, adds no query), titled in that edition's language. */
export function shareCode(o: ShareOptions, locale: string, theme: EmbedTheme): string {
  const edition = chosen(o, locale);
  const src = theme === 'light' ? edition.src : `${edition.src}?theme=${theme}`;
  return embedCode({ chart: o.chart, src, title: edition.title, script: o.script, height: o.height });
}

/** The addresses to paste into WordPress or another oEmbed consumer, each on its own line (the consumer chooses the theme). */
export function shareAddresses(o: ShareOptions, locale: string): string {
  return chosen(o, locale).addresses.join('\n');
}
