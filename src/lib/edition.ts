/**
 * Everything one language edition of the site needs, built once per locale at build time: the UI
 * strings, the figures, the story's words and the three chart models. Pages only compose these.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceRef, type SourceRef } from './chart';
import { siteData, type SiteData } from './data';
import { figureBook, type Figure, type FigureBook } from './facts';
import { buildResaleFlow, type FlowModel } from './flow';
import { formatDate, intlLocale } from './format';
import { buildNetworkMap, readProvinces, type NetworkMapModel } from './geo';
import { translator, type Translate } from './i18n';
import type { Locale } from './schema';
import { loadStory, type Story } from './story';
import { buildTimeline, type TimelineModel } from './timeline';

export interface SourceEntry extends SourceRef {
  title: string;
  author?: string;
  /** "Original report · English · published 7 September 2021 (date inferred)". */
  about: string;
  retrievedFrom?: string;
  note?: string;
}

export interface Edition {
  locale: Locale;
  /** BCP 47 tag for Intl. */
  tag: string;
  t: Translate;
  book: FigureBook;
  story: Story;
  charts: { flow: FlowModel; map: NetworkMapModel; timeline: TimelineModel };
  sources: SourceEntry[];
  derived: Figure[];
  unknowns: { case: string; items: string[] }[];
}

export const storyFile = (locale: Locale) => join(process.cwd(), 'src/story', `${locale}.md`);

export function buildEdition(locale: Locale, data: SiteData = siteData()): Edition {
  const t = translator(locale);
  const book = figureBook(data, locale, t);
  const file = storyFile(locale);
  const story = loadStory(readFileSync(file, 'utf8'), `src/story/${locale}.md`, { data, book, locale, t });
  const text = (l: { en: string } & Partial<Record<Locale, string>>) => l[locale] ?? l.en;

  return {
    locale,
    tag: intlLocale(locale),
    t,
    book,
    story,
    charts: {
      flow: buildResaleFlow(book, t),
      map: buildNetworkMap(data, readProvinces(), book, locale, t),
      timeline: buildTimeline(data, book, locale, t),
    },
    sources: data.sources.map((s) => {
      const published = formatDate(s.published, locale, t) + (s.published.inferred ? ` ${t('date.inferred')}` : '');
      const about = [t(`source.kind.${s.kind}`), t(`source.language.${s.language}`), t('source.published', { date: published })];
      return { ...sourceRef(s), url: s.url, title: s.title, author: s.author, about: about.join(' · '), retrievedFrom: s.retrievedFrom, note: s.note };
    }),
    derived: book.all().filter((f) => f.derived),
    unknowns: data.datasets
      .filter((d) => d.unknowns.length)
      .map((d) => ({ case: text(d.title), items: d.unknowns.map((u) => text(u.label)) })),
  };
}

const editions = new Map<Locale, Edition>();
/** The edition for a locale, built once per build. */
export function edition(locale: Locale): Edition {
  let e = editions.get(locale);
  if (!e) editions.set(locale, (e = buildEdition(locale)));
  return e;
}
