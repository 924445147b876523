import { describe, it, expect } from 'vitest';
import { storyDates } from '~/data/updates';
import { loadData } from '~/data/load';
import { translator } from '~/i18n/translate';
import type { Update } from '~/data/schema';

const day = (value: string) => ({ value, precision: 'day' as const });
const text = (s: string) => ({ en: s, zh: `${s}（中）`, fr: `${s} (fr)` });

describe('storyDates', () => {
  const log: Update[] = [
    { date: day('2026-12-04'), published: true, text: text('First published'), facts: [] },
    { date: day('2027-01-10'), text: text('Corrected the number of arrests'), facts: ['hunan.arrested'] },
  ];

  it('gives the publication date and the last update, for <time datetime> and in words', () => {
    const dates = storyDates(log, 'en', translator('en'));
    expect(dates.published).toEqual({ iso: '2026-12-04', date: '4 December 2026', text: 'First published' });
    expect(dates.updated).toEqual({ iso: '2027-01-10', date: '10 January 2027', text: 'Corrected the number of arrests' });
  });

  it("lists the log newest first, in the edition's language", () => {
    const dates = storyDates(log, 'zh', translator('zh'));
    expect(dates.log.map((e) => [e.iso, e.date, e.text])).toEqual([
      ['2027-01-10', '2027年1月10日', 'Corrected the number of arrests（中）'],
      ['2026-12-04', '2026年12月4日', 'First published（中）'],
    ]);
  });

  it('has no "last updated" before any update', () => {
    expect(storyDates(log.slice(0, 1), 'fr', translator('fr')).updated).toBeUndefined();
  });

  it('has no publication date before data/updates.json records a publication: the page says "not yet published"', () => {
    const dates = storyDates([], 'en', translator('en'));
    expect(dates).toEqual({ log: [] });
    expect(translator('en')('dates.preview')).toBe('Preview: not yet published');
  });

  it('reads the committed log: published only if it records a publication, and no entry claims that every sentence was checked', () => {
    const { updates } = loadData();
    const dates = storyDates(updates, 'en', translator('en'));
    expect(dates.published === undefined).toBe(!updates.some((u) => u.published));
    expect(dates.log.length).toBe(updates.length);
    for (const u of updates) expect(u.text.en).not.toMatch(/every sentence|fact-check/i);
  });
});
