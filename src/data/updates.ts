/**
 * The story's dates: first publication and last update at the top, and the update log at the foot,
 * from data/updates.json. A correction of a figure is made in data/ and logged there.
 */
import { formatDate } from '~/i18n/format';
import type { Translate } from '~/i18n/translate';
import type { Update } from './schema';
import type { Locale } from '../i18n/locale';

export interface DatedEntry {
  /** For <time datetime>. */
  iso: string;
  /** The date in words, in this language. */
  date: string;
  text: string;
}

export interface StoryDates {
  /** The first publication; absent until data/updates.json records one, and the page says "not yet published". */
  published?: DatedEntry;
  /** The latest update, when there has been one since publication. */
  updated?: DatedEntry;
  /** Every entry, newest first. */
  log: DatedEntry[];
}

export function storyDates(updates: Update[], locale: Locale, t: Translate): StoryDates {
  const entry = (u: Update): DatedEntry => ({ iso: u.date.value, date: formatDate(u.date, locale, t), text: u.text[locale] });
  const first = updates.find((u) => u.published);
  if (!first) return { log: [] };
  const later = updates.filter((u) => u !== first && u.date.value >= first.date.value);
  return {
    published: entry(first),
    ...(later.length ? { updated: entry(later.at(-1)!) } : {}),
    log: [...updates].reverse().map(entry),
  };
}
