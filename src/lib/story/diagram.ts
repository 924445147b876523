/**
 * Explanatory diagrams the story's words place with {{diagram:<id>}}. A diagram holds no figures, only
 * how something works: words from the UI strings and the source that describes it. Each is an ordered
 * list, so it reads in order without CSS, in a screen reader and in print, and wraps in any language.
 */
import { escapeHtml } from '~/lib/i18n/format';
import type { Translate } from '~/lib/i18n/translate';

export interface DiagramContext {
  t: Translate;
  /** A citation link to a source in data/sources.json; throws on an unknown id. */
  cite: (sourceId: string) => string;
}

const node = (text: string, kind = '') => `<li class="relay-node${kind && ` ${kind}`}">${escapeHtml(text)}</li>`;
const link = (text: string) => `<li class="relay-link">${escapeHtml(text)}</li>`;

const DIAGRAMS: Record<string, (c: DiagramContext) => string> = {
  // The relay as Pingtang County police describe it: one phone on a QQ or WeChat call with the scammer, a
  // second calling the victim, both on speaker.
  'mobile-port': ({ t, cite }) =>
    [
      '<figure class="diagram relay">',
      `<figcaption><span class="diagram-title">${escapeHtml(t('relay.title'))}</span> ${cite('pingtang-police-2024-07')}</figcaption>`,
      '<ol class="relay-chain">',
      node(t('relay.scammer'), 'fraud'),
      link(t('relay.onlineCall')),
      '<li class="relay-port">',
      `<span class="relay-port-name">${escapeHtml(t('relay.port'))}</span>`,
      `<ol class="relay-phones">${node(t('relay.phone1'))}${node(t('relay.phone2'))}</ol>`,
      `<span class="relay-speaker">${escapeHtml(t('relay.speaker'))}</span>`,
      '</li>',
      link(t('relay.phoneCall')),
      node(t('relay.victim')),
      '</ol>',
      '</figure>',
    ].join(''),
};

export const DIAGRAM_IDS = Object.keys(DIAGRAMS);

const FIGURE = /<figure class="diagram[ "][\s\S]*?<\/figure>/g;
const TITLE = /<span class="diagram-title">([\s\S]*?)<\/span>/;

/** Story HTML taken apart into its words and the diagrams placed in it (talk mode shows each on a slide). */
export function splitDiagrams(html: string): { text: string; diagrams: { title: string; html: string }[] } {
  const diagrams = [...html.matchAll(FIGURE)].map(([figure]) => ({ title: TITLE.exec(figure)![1]!, html: figure }));
  return { text: html.replace(FIGURE, ''), diagrams };
}

/** The diagram's HTML; `where` names the story block for the error when the id is unknown. */
export function renderDiagram(id: string, c: DiagramContext, where: string): string {
  const render = DIAGRAMS[id];
  if (!render) throw new Error(`${where}: unknown diagram "${id}" (known: ${DIAGRAM_IDS.join(', ')})`);
  return render(c);
}
