/**
 * Everything one language edition of the site needs, built once per locale at build time: the UI
 * strings, the figures, the story's words and every chart's model. Pages only compose these.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceRef, type SourceRef } from '~/charts/shared/frame';
import { buildCharts, chartById, CHART_IDS, type Chart, type ChartId, type ChartOf } from '~/charts/registry';
import { inLocale, siteData, type SiteData } from '~/data/load';
import { figureBook, type Figure, type FigureBook } from '~/data/figures';
import { formatDate } from '~/i18n/format';
import { htmlLang, intlLocale, localize, type Locale } from '~/i18n/locale';
import { buildLocator, readProvinces, type LocatorModel } from '~/charts/network-map/model';
import { stringLocales, translator, type Translate } from '~/i18n/translate';
import { loadStory, type Story } from './story';
import { storyDates, type StoryDates } from '~/data/updates';

export interface SourceEntry extends SourceRef {
  title: string;
  /** The publisher as it leads a short entry, with the language's colon: "Xinhua: ", "新华社：". */
  lead: string;
  author?: string;
  /** Publisher and author as a list sets them: "SHINE, Chen Huizhi", "人民日报，韩鑫". */
  byline: string;
  /** "Original report · English · published 7 September 2021 (date inferred)". */
  about: string;
  /** The title's language (HTML lang) when it is not the edition's, for a voice to read it in that language. */
  titleLang?: string | undefined;
  retrievedFrom?: string;
  note?: string;
}

export interface Edition {
  locale: Locale;
  /** BCP 47 tag for Intl. */
  tag: string;
  /** Value of <html lang>. */
  lang: string;
  t: Translate;
  book: FigureBook;
  story: Story;
  /** Every chart, in the story's order. */
  charts: Chart[];
  /** The opening's small map of where the cases happened. */
  locator: LocatorModel;
  /** A chart by id. */
  chart<I extends ChartId>(id: I): ChartOf<I>;
  sources: SourceEntry[];
  derived: Figure[];
  unknowns: { case: string; items: string[] }[];
  /** Publication, last update and the update log (data/updates.json). */
  dates: StoryDates;
}

export const storyFile = (locale: Locale) => join(process.cwd(), 'src/words/story', `${locale}.md`);

/** Locales with both UI strings and a story: each gets the whole site. */
export function editionLocales(): Locale[] {
  return stringLocales.filter((l) => existsSync(storyFile(l)));
}

/** The [...lang] route parameter of an edition: none for English, which sits at the root. */
export function langParam(locale: Locale): string | undefined {
  return locale === 'en' ? undefined : locale;
}

/** getStaticPaths() for a page that exists once per edition. */
export function editionPaths() {
  return editionLocales().map((locale) => ({ params: { lang: langParam(locale) }, props: { locale } }));
}

/** getStaticPaths() for a page that exists once per edition and chart (embeds, oEmbed). */
export function editionChartPaths() {
  return editionLocales().flatMap((locale) => CHART_IDS.map((chart) => ({ params: { lang: langParam(locale), chart }, props: { locale, chart } })));
}

/** getStaticPaths() for a page that exists once per edition and part of a chart that has parts (embeds of one part). */
export function editionPartPaths() {
  return editionLocales().flatMap((locale) =>
    CHART_IDS.flatMap((chart) =>
      edition(locale)
        .chart(chart)
        .embeds.flatMap(({ part }) =>
          part ? [{ params: { lang: langParam(locale), chart, part: part.name }, props: { locale, chart, part: part.name } }] : [],
        ),
    ),
  );
}

/** getStaticPaths() for a page that exists once per edition and embed (a whole chart or one of its parts): the oEmbed records, named `<chart>` or `<chart>-<part>`. */
export function editionEmbedPaths() {
  return editionLocales().flatMap((locale) =>
    CHART_IDS.flatMap((chart) =>
      edition(locale)
        .chart(chart)
        .embeds.map(({ part }) => ({
          params: { lang: langParam(locale), name: part ? `${chart}-${part.name}` : chart },
          props: { locale, chart, part: part?.name },
        })),
    ),
  );
}

export function buildEdition(locale: Locale, all: SiteData = siteData()): Edition {
  const data = inLocale(all, locale);
  const t = translator(locale);
  const book = figureBook(data, locale, t);
  const file = storyFile(locale);
  const story = loadStory(readFileSync(file, 'utf8'), `src/words/story/${locale}.md`, { data, book, locale, t });

  const charts = buildCharts({ data, book, locale, t });

  return {
    locale,
    tag: intlLocale(locale),
    lang: htmlLang(locale),
    t,
    book,
    story,
    charts,
    locator: buildLocator(data, readProvinces(), locale, t),
    chart: (id) => chartById(charts, id),
    sources: data.sources.map((s) => {
      const about = [t(`source.kind.${s.kind}`), t(`source.language.${s.language}`), t('source.published', { date: formatDate(s.published, locale, t) })];
      return {
        ...sourceRef(s),
        lead: t('sources.lead', { publisher: s.publisher }),
        byline: s.author ? t('source.byline', { publisher: s.publisher, author: s.author }) : s.publisher,
        url: s.url,
        title: s.title,
        titleLang: s.language === locale ? undefined : htmlLang(s.language),
        author: s.author,
        about: about.join(t('source.aboutJoin')),
        retrievedFrom: s.retrievedFrom,
        note: s.note,
      };
    }),
    derived: book.all().filter((f) => f.derived),
    unknowns: data.datasets
      .filter((d) => d.unknowns.length)
      .map((d) => ({ case: localize(d.title, locale), items: d.unknowns.map((u) => localize(u.label, locale)) })),
    dates: storyDates(data.updates, locale, t),
  };
}

const editions = new Map<Locale, Edition>();
/** The edition for a locale, built once per build. */
export function edition(locale: Locale): Edition {
  let e = editions.get(locale);
  if (!e) editions.set(locale, (e = buildEdition(locale)));
  return e;
}
