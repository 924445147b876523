import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { DATA_DIR, loadData } from '~/data/load';
import { editionLocales, storyFile } from '~/edition/edition';
import { catalogues, forms } from '~/i18n/translate';
import { LOCALES } from '~/i18n/locale';
import { parseBlocks } from '~/edition/story';

// Every edition must have every UI string and every story block, with the same placeholders and
// figure tokens as English, so no language can silently drop a passage or a figure.
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const tokens = (s: string) => [...s.matchAll(/\{\{[^}]*\}\}/g)].map((m) => m[0].replace(/\s/g, '')).sort();
const english = catalogues.en!;
const englishStory = parseBlocks(readFileSync(storyFile('en'), 'utf8'), 'en.md');

describe('editions', () => {
  it('every locale is a full edition', () => {
    expect(editionLocales()).toEqual([...LOCALES]);
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    const strings = catalogues[locale]!;

    it('has exactly the English UI string keys', () => {
      expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
    });

    it('keeps every placeholder of every UI string', () => {
      for (const [key, text] of Object.entries(english))
        for (const form of forms(strings[key] ?? '')) expect(placeholders(form), key).toEqual(placeholders(forms(text)[0]!));
    });

    it('has every text in data/ (labels, names, notes, titles)', () => {
      const missing: string[] = [];
      const walk = (node: unknown, path: string) => {
        if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${(n as { id?: string })?.id ?? i}]`));
        else if (node && typeof node === 'object') {
          if ('en' in node && !(node as Record<string, unknown>)[locale]) missing.push(path);
          for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
        }
      };
      loadData(DATA_DIR).datasets.forEach((d) => walk(d, d.id));
      expect(missing).toEqual([]);
    });

    it('has every story block, with the same figure tokens', () => {
      const story = parseBlocks(readFileSync(storyFile(locale), 'utf8'), `${locale}.md`);
      expect([...story.keys()]).toEqual([...englishStory.keys()]);
      for (const [id, text] of englishStory) expect(tokens(story.get(id)!), id).toEqual(tokens(text));
    });
  });
});
