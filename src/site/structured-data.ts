/** What link previews and search engines read: the story's card, and its structured data (schema.org NewsArticle, as JSON-LD). */
import type { Edition } from '~/edition/edition';
import { STORY_CARD } from './downloads';
import { pageUrl } from './paths';

/** The story's social card (1200×630, STORY_CARD in downloads.ts), which the story, the talk and the handout unfurl with. */
export function storyCard(e: Edition, site: URL, base: string) {
  return {
    url: pageUrl(site, e.locale, `downloads/${STORY_CARD}`, base),
    alt: e.t('share.cardAlt', { title: e.story.text('headline'), subtitle: e.story.text('standfirst') }),
  };
}

/**
 * A day from data/updates.json as a date-time with its time zone, as search engines ask: the updates log
 * records days only, so the start of the day in UTC.
 */
export const isoDateTime = (day: string) => `${day}T00:00:00Z`;

export function newsArticle(e: Edition, url: string, images: string[]) {
  const organization = { '@type': 'Organization', name: e.t('site.name'), url: new URL('./', url).href };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: e.story.text('display-headline'),
    description: e.story.text('standfirst'),
    inLanguage: e.lang,
    image: images,
    url,
    author: organization,
    publisher: organization,
    // Dates only once data/updates.json records a publication: a preview claims none.
    ...(e.dates.published && {
      datePublished: isoDateTime(e.dates.published.iso),
      dateModified: isoDateTime((e.dates.updated ?? e.dates.published).iso),
    }),
  };
}
