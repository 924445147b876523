/**
 * Newspaper typography in the source strings: French spacing and apostrophes, Chinese full-width
 * punctuation and no thousands commas. Checks src/i18n, src/words/story and every label in data/, so a
 * slip fails here, before the built pages (tests/build/typography.test.ts) are even looked at.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frenchTypography, typeset } from '~/i18n/typography';
import { loadData } from '~/data/load';
import { parseBlocks } from '~/edition/story';
import { catalogues, translator, forms } from '~/i18n/translate';
import type { Locale } from '~/i18n/locale';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ; ! ? and a no-break space before : and inside « »', () => {
    expect(frenchTypography('Source : x ; y ! z ?')).toBe(`Source${NBSP}: x${NNBSP}; y${NNBSP}! z${NNBSP}?`);
    expect(frenchTypography('Source: x')).toBe(`Source${NBSP}: x`);
    expect(frenchTypography('un « port mobile » ici')).toBe(`un «${NBSP}port mobile${NBSP}» ici`);
    expect(frenchTypography('«mot»')).toBe(`«${NBSP}mot${NBSP}»`);
  });

  it('uses the typographic apostrophe', () => {
    expect(frenchTypography("l'article d'aujourd'hui")).toBe('l’article d’aujourd’hui');
  });

  it('leaves addresses, times, entities and tokens alone', () => {
    for (const s of ['https://a.example/c?x=1&y=2', '10:30', 'a &amp; b', '{{cite:shine-2021-09-07}}', '{{hunan.arrested|when}}']) {
      expect(frenchTypography(s)).toBe(s);
    }
  });

  it('is idempotent', () => {
    const once = frenchTypography("Victime d'une escroquerie ? Appelez le 110 : vite ; « tout de suite » !");
    expect(frenchTypography(once)).toBe(once);
  });

  it('only applies to French', () => {
    expect(typeset('Source: x', 'en')).toBe('Source: x');
    expect(typeset('来源：x', 'zh')).toBe('来源：x');
  });

  it('reaches composed UI strings: a template filled with data gets French spacing too', () => {
    const t = translator('fr', { 'label.value': '{label}: {value}' });
    expect(t('label.value', { label: 'Date', value: '« deux cartes »' })).toBe(`Date${NBSP}: «${NBSP}deux cartes${NBSP}»`);
  });
});

/** Every string a locale's edition shows from the source files: UI strings, story blocks, data labels. */
function strings(locale: Locale): [string, string][] {
  const out: [string, string][] = Object.entries(catalogues[locale]!).flatMap(([k, v]) =>
    forms(v).map((f): [string, string] => [`src/words/ui/${locale}.json: ${k}`, f]),
  );
  const file = `src/words/story/${locale}.md`;
  for (const [id, text] of parseBlocks(readFileSync(join(process.cwd(), file), 'utf8'), file)) {
    // Tokens stand for a word (a figure, a date, a link), which is formatted and checked elsewhere.
    out.push([`${file}: [[${id}]]`, text.replace(/\{\{[^}]*\}\}/g, 'X')]);
  }
  const data = loadData();
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === locale && typeof v === 'string') out.push([`data ${where}`, v]);
        else walk(v, `${where}.${k}`);
      }
    }
  };
  walk(data.datasets, 'datasets');
  walk(data.sourceRecords, 'sources');
  walk(data.updates, 'updates');
  return out;
}

describe('French source strings', () => {
  const all = strings('fr');

  it('are already typeset: no space-less or plain-spaced ; : ! ? « », no straight apostrophe', () => {
    const bad = all.filter(([, s]) => frenchTypography(s) !== s).map(([where, s]) => `${where}: ${s}`);
    expect(bad).toEqual([]);
  });

  it('has strings to check (the walk found the data labels)', () => {
    expect(all.filter(([w]) => w.startsWith('data')).length).toBeGreaterThan(50);
  });
});

describe('Chinese source strings', () => {
  const all = strings('zh');
  // ASCII punctuation touching a Chinese character: Chinese text uses the full-width forms.
  const HALF_WIDTH = /\p{Script=Han}[,;:!?()]|[,;:!?()]\p{Script=Han}/u;

  it('use full-width punctuation next to Chinese characters', () => {
    const bad = all.filter(([, s]) => HALF_WIDTH.test(s)).map(([where, s]) => `${where}: ${s}`);
    expect(bad).toEqual([]);
  });

  it('never group digits with a comma', () => {
    const bad = all.filter(([, s]) => /\d,\d{3}/.test(s)).map(([where, s]) => `${where}: ${s}`);
    expect(bad).toEqual([]);
  });

  it('say 两地, not 2处地点', () => {
    expect(all.filter(([, s]) => /处地点/.test(s))).toEqual([]);
  });

  it('detects what it forbids', () => {
    expect(HALF_WIDTH.test('来源:新华社')).toBe(true);
    expect(HALF_WIDTH.test('来源：新华社')).toBe(false);
  });
});
