/**
 * Newspaper typography on every BUILT page, in what a reader sees (text, alt, title, aria-label,
 * meta description, chart SVG): French spacing before ; : ! ? and inside « », the typographic
 * apostrophe; no digit-grouping comma in Chinese; Chinese publisher names where data has them; and
 * a dated story with its update log. Text inside an element marked with another language is skipped.
 */
import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, htmlPages, readDist } from './dist';
import { walkFiles } from '~/site/files.mjs';
import { chinesePunctuationSlips, endsWithElision, frenchRangeSlips } from '~/i18n/typography';
import { loadData } from '~/data/load';

const pages = htmlPages();
const inFolder = (locale: string) => pages.filter((p) => p.startsWith(`${locale}/`));

/** What a reader of the page sees or hears, as lines, without scripts, styles, code or addresses. */
function readerText(page: string): string[] {
  const { document } = parseHTML(readDist(page));
  const lang = document.documentElement.getAttribute('lang') ?? '';
  for (const el of document.querySelectorAll('script, style, template, code, pre, textarea')) el.remove();
  // A quotation or title in another language keeps its own typography.
  for (const el of document.querySelectorAll('[lang]'))
    if (el !== document.documentElement && !el.getAttribute('lang')!.startsWith(lang.slice(0, 2))) el.remove();
  const attrs = [...document.querySelectorAll('[alt], [title], [aria-label], meta[name="description"], meta[property="og:description"]')].flatMap((el) =>
    ['alt', 'title', 'aria-label', 'content'].map((a) => el.getAttribute(a) ?? '').filter(Boolean),
  );
  const title = document.querySelector('title')?.textContent ?? '';
  return [title, ...attrs, ...(document.body?.textContent ?? '').split('\n')]
    .map((s) => s.replace(/\bhttps?:\/\/\S+|\b[\w-]+(\.[\w-]+)+\/\S*/g, ' ').trim())
    .filter(Boolean);
}

/** The French slips in one line of text, each with some context. */
export function frenchSlips(line: string): string[] {
  const slips: string[] = [];
  const around = (i: number) => line.slice(Math.max(0, i - 25), i + 25);
  for (const m of line.matchAll(/(?<![\u00a0\u202f])[;:!?](?=\s|$|[»)\]])/g)) slips.push(`no no-break space before "${m[0]}": …${around(m.index)}…`);
  for (const m of line.matchAll(/«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/g)) slips.push(`guillemet without its no-break space: …${around(m.index)}…`);
  for (const m of line.matchAll(/\p{L}'\p{L}/gu)) slips.push(`straight apostrophe: …${around(m.index)}…`);
  return slips;
}

describe('the check finds what it forbids', () => {
  it('flags French spacing and apostrophe slips, and passes correct text', () => {
    expect(frenchSlips('Source : x')).toHaveLength(1);
    expect(frenchSlips('Quoi?')).toHaveLength(1);
    expect(frenchSlips('un « port » ici')).toHaveLength(2);
    expect(frenchSlips("l'article")).toHaveLength(1);
    expect(frenchSlips('Source\u00a0: x\u202f; «\u00a0port\u00a0» l’article\u202f? 10:30')).toEqual([]);
  });
});

describe('French pages', () => {
  it('has French pages to check', () => expect(inFolder('fr').length).toBeGreaterThan(3));

  it.each(inFolder('fr'))('%s: every ; : ! ? and « » has its no-break space, every apostrophe is typographic', (page) => {
    expect(readerText(page).flatMap(frenchSlips)).toEqual([]);
  });
});

describe('Chinese pages', () => {
  const data = loadData();
  // Publishers with an official or usual Chinese name in data/: the English one must not show.
  const english = data.sourceRecords.filter((s) => s.publisher.zh && s.publisher.zh !== s.publisher.en).map((s) => s.publisher.en);

  it('has Chinese pages and publishers with Chinese names to check', () => {
    expect(inFolder('zh').length).toBeGreaterThan(3);
    expect(english).toContain('Xinhua');
    expect(english).toContain("Supreme People's Procuratorate");
  });

  it.each(inFolder('zh'))('%s: no digit-grouping comma, no English publisher name where data has a Chinese one', (page) => {
    const lines = readerText(page);
    expect(lines.filter((l) => /\d,\d{3}(?!\d)/.test(l))).toEqual([]);
    expect(english.filter((name) => lines.some((l) => l.includes(name)))).toEqual([]);
  });
});

describe('the publication state, from data/updates.json', () => {
  const data = loadData();
  const published = data.updates.find((u) => u.published);
  const last = data.updates.at(-1);
  const preview = {
    'index.html': 'Preview: not yet published',
    'zh/index.html': '预览版：尚未发布',
    'fr/index.html': 'Version de travail\u00a0: pas encore publiée',
  };

  it.each(Object.keys(preview) as (keyof typeof preview)[])(
    '%s says "not yet published" until a publication is recorded; then its date, last update and the log',
    (page) => {
      const { document } = parseHTML(readDist(page));
      const dateline = document.querySelector('.dateline');
      expect(dateline, 'a dateline under the headline').not.toBeNull();
      const times = [...dateline!.querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
      // Never the claim that every sentence was checked before publication.
      expect(document.body.textContent).not.toMatch(/fact-check of every sentence|每一句话都已与来源逐一核对|vérification de chaque phrase/);
      if (!published) {
        expect(times).toEqual([]);
        expect(dateline!.textContent!.trim()).toBe(preview[page]);
        expect(document.querySelector('#updates')).toBeNull();
        return;
      }
      expect(times[0]).toBe(published.date.value);
      if (last !== published) expect(times.at(-1)).toBe(last!.date.value);
      const log = document.querySelector('#updates');
      expect(log, 'an update log').not.toBeNull();
      const entries = [...log!.querySelectorAll('li time')].map((t) => t.getAttribute('datetime'));
      expect(entries).toEqual([...data.updates].reverse().map((u) => u.date.value));
    },
  );
});

describe('typography rules on the built text', () => {
  it.each(['zh/index.html', 'zh/handout/index.html'])('%s: the source list in full-width punctuation, no stray spaces', (page) => {
    const { document } = parseHTML(readDist(page));
    for (const el of document.querySelectorAll('.print-url')) el.remove();
    const entries = [...document.querySelectorAll('ol.sources li, .short-sources li')].map((li) => li.textContent!.trim());
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.flatMap((e) => chinesePunctuationSlips(e).map((slip) => `${e}: ${slip}`))).toEqual([]);
  });

  it('French downloads never end a line of text on an elided word', () => {
    const svgs = walkFiles(join(DIST, 'fr/downloads')).filter((f: string) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    const split = svgs.flatMap((f: string) => {
      const { document } = parseHTML(`<html><body>${readFileSync(join(DIST, 'fr/downloads', f), 'utf8')}</body></html>`);
      return [...document.querySelectorAll('text, tspan')]
        .map((t) => t.textContent ?? '')
        .filter(endsWithElision)
        .map((line) => `${f}: ${line}`);
    });
    expect(split).toEqual([]);
  });

  it('French pages write ranges « de … à … » in running text', () => {
    // Prose only: a chart label wrapped after « de » is one range on two lines.
    const prose = (page: string) => [...parseHTML(readDist(page)).document.querySelectorAll('main p, main li')].map((el) => el.textContent ?? '');
    const slips = inFolder('fr').flatMap((page) => prose(page).flatMap((line) => frenchRangeSlips(line).map((r) => `${page}: ${r}`)));
    expect(slips).toEqual([]);
  });
});
