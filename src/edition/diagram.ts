/**
 * Explanatory diagrams the story's words place with {{diagram:<id>}}. A diagram holds no figures, only
 * how something works: words from the UI strings and the source that describes it. Each is an ordered
 * list, so it reads in order without CSS, in a screen reader and in print, and wraps in any language.
 */
import { escapeHtml } from '~/i18n/format';
import type { TextKey, Translate } from '~/i18n/translate';

export interface DiagramContext {
  t: Translate;
  /** A citation link to a source in data/sources.json; throws on an unknown id. */
  cite: (sourceId: string) => string;
}

const node = (text: string, kind = '') => `<li class="relay-node${kind && ` ${kind}`}">${escapeHtml(text)}</li>`;
const link = (text: string) => `<li class="relay-link">${escapeHtml(text)}</li>`;

interface Diagram {
  /** Its class beside "diagram", for its styles. */
  kind: string;
  /** The UI string of its title. */
  title: TextKey;
  /** The source that describes what it shows. */
  source: string;
  /** What it draws, below its caption. */
  body: (t: Translate) => string;
}

const DIAGRAMS: Record<string, Diagram> = {
  // The relay as Pingtang County police describe it: one phone on a QQ or WeChat call with the scammer, a
  // second calling the victim, both on speaker.
  'mobile-port': {
    kind: 'relay',
    title: 'relay.title',
    source: 'pingtang-police-2024-07',
    body: (t) =>
      [
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
      ].join(''),
  },
};

export const DIAGRAM_IDS = Object.keys(DIAGRAMS);

/** `where` names the story block for the error when the id is unknown. */
function diagram(id: string, where: string): Diagram {
  const found = Object.hasOwn(DIAGRAMS, id) ? DIAGRAMS[id] : undefined;
  if (!found) throw new Error(`${where}: unknown diagram "${id}" (known: ${DIAGRAM_IDS.join(', ')})`);
  return found;
}

/** The diagram's title, plain text (talk mode's slide heading). */
export const diagramTitle = (id: string, t: Translate, where: string) => t(diagram(id, where).title);

/** The diagram's HTML, one line: Markdown would end an HTML block at a blank line. */
export function renderDiagram(id: string, { t, cite }: DiagramContext, where: string): string {
  const d = diagram(id, where);
  return [
    `<figure class="diagram ${d.kind}">`,
    `<figcaption><span class="diagram-title">${escapeHtml(t(d.title))}</span> ${cite(d.source)}</figcaption>`,
    d.body(t),
    '</figure>',
  ].join('');
}
