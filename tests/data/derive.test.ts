import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, loadData, type SiteData } from '~/data/load';
import { aidingProsecutionGrowth, derivedFigures, floorToLeadingDigit, markup, resaleInUsd, secondTierMargin, unnamedProvinces } from '~/data/derive';
import { figureBook } from '~/data/figures';
import { translator } from '~/i18n/translate';
import type { Fact } from '~/data/schema';
import { GUANGDONG, withPlaces } from './fixtures';

const data = loadData();
const t = translator('en');

/** The loaded data with some facts replaced (the maps are copied, the original is untouched). */
function withFacts(base: SiteData, ...facts: Fact[]): SiteData {
  const map = new Map(base.facts);
  for (const f of facts) map.set(f.id, f);
  return { ...base, facts: map };
}

describe('markup', () => {
  it('is the resale range over the first sale price: 80/25 = 3.2 to 145/25 = 5.8', () => {
    const m = markup(data);
    expect(m).toMatchObject({ id: 'shanghai.markup', unit: 'times', range: { min: 3.2, max: 5.8 } });
    expect(m.value).toBeUndefined();
    expect(m.steps).toEqual([
      { op: 'divide', a: 80, b: 25, result: 3.2, exact: true },
      { op: 'divide', a: 145, b: 25, result: 5.8, exact: true },
    ]);
    expect(m.inputs).toEqual(['shanghai.price-resale', 'shanghai.price-first-sale']);
  });

  it('becomes a single value when the resale price is a single value', () => {
    const resale = data.facts.get('shanghai.price-resale')!;
    const m = markup(withFacts(data, { ...resale, range: undefined, value: 100 }));
    expect(m.value).toBe(4);
    expect(m.range).toBeUndefined();
    expect(m.steps).toEqual([{ op: 'divide', a: 100, b: 25, result: 4, exact: true }]);
  });

  it('throws when the first sale price is a range', () => {
    const first = data.facts.get('shanghai.price-first-sale')!;
    const bad = withFacts(data, { ...first, value: undefined, range: { min: 20, max: 30 } });
    expect(() => markup(bad)).toThrow('fact "shanghai.price-first-sale" must be a single value here, not a range');
  });

  it('throws when an input fact is missing', () => {
    const facts = new Map(data.facts);
    facts.delete('shanghai.price-resale');
    expect(() => markup({ ...data, facts })).toThrow('derived figure needs fact "shanghai.price-resale"');
  });
});

describe('secondTierMargin', () => {
  it('is the resale range minus the first sale price: 55 to 120 yuan', () => {
    const m = secondTierMargin(data);
    expect(m).toMatchObject({ id: 'shanghai.margin', unit: 'yuan', range: { min: 55, max: 120 } });
    expect(m.steps).toEqual([
      { op: 'subtract', a: 80, b: 25, result: 55, exact: true },
      { op: 'subtract', a: 145, b: 25, result: 120, exact: true },
    ]);
  });
});

describe('resaleInUsd', () => {
  it('converts at the source’s own rate (3.87/25): 12.38 to 22.45 US$', () => {
    const u = resaleInUsd(data);
    // 80 × 3.87 / 25 = 12.384 → 12.38; 145 × 3.87 / 25 = 22.446 → 22.45
    expect(u).toMatchObject({ id: 'shanghai.price-resale-usd', unit: 'usd', range: { min: 12.38, max: 22.45 } });
    expect(u.steps.map((s) => [s.op, s.a, s.result])).toEqual([
      ['multiply', 80, 12.38],
      ['multiply', 145, 22.45],
    ]);
    for (const s of u.steps) expect(s.b).toBeCloseTo(0.1548, 10);
    expect(u.inputs).toEqual(['shanghai.price-resale', 'shanghai.price-first-sale-usd', 'shanghai.price-first-sale']);
  });
});

describe('unnamedProvinces', () => {
  it('is the 18 provinces minus the 1 named (Hunan): 17', () => {
    const u = unnamedProvinces(data);
    expect(u).toMatchObject({ id: 'hunan.unnamed-provinces', unit: 'provinces', value: 17, inputs: ['hunan.provinces'] });
    expect(u.steps).toEqual([{ op: 'subtract', a: 18, b: 1, result: 17, exact: true }]);
  });

  it('does not count provinces that are not in the network (Shanghai)', () => {
    expect(data.places.get('shanghai')).toMatchObject({ kind: 'province' });
    expect(data.places.get('shanghai')?.network).toBeFalsy();
    expect(unnamedProvinces(data).steps[0]!.b).toBe(1);
  });
});

describe('aidingProsecutionGrowth', () => {
  it('is 2023 over 2018, 147,000 ÷ 137 ≈ 1,072.99, rounded down to one significant figure: more than a thousandfold', () => {
    const g = aidingProsecutionGrowth(data);
    expect(g).toMatchObject({ id: 'spp.aiding-growth', unit: 'times', value: 1000, qualifier: 'more-than' });
    expect(g.inputs).toEqual(['spp.aiding-prosecuted-2023', 'spp.aiding-prosecuted-2018']);
    // Not 1,073: that would be rounding to the nearest, while the words say "rounded down".
    expect(g.steps).toEqual([{ op: 'divide', a: 147000, b: 137, result: 1072.99, exact: false }]);
  });

  it('ignores the partial January-September 2022 figure', () => {
    const g = aidingProsecutionGrowth(data);
    expect(g.inputs).not.toContain('spp.aiding-prosecuted-2022-01-09');
  });

  it('throws without the series', () => {
    const datasets = data.datasets.filter((d) => d.id !== 'spp-aiding-prosecutions');
    expect(() => aidingProsecutionGrowth({ ...data, datasets })).toThrow('needs dataset "spp-aiding-prosecutions"');
  });
});

describe('derivedFigures', () => {
  it('has each derived figure once, by id', () => {
    expect([...derivedFigures(data).keys()]).toEqual([
      'shanghai.markup',
      'shanghai.margin',
      'shanghai.price-resale-usd',
      'hunan.unnamed-provinces',
      'spp.aiding-growth',
    ]);
  });

  it('is worded by the figure book with its formula', () => {
    const book = figureBook(data, 'en', t);
    expect(book.get('shanghai.markup')).toMatchObject({
      text: '3.2 to 5.8×',
      derived: true,
      label: 'Markup from the first sale to the resale',
      formula: { words: 'resale price ÷ first sale price', arithmetic: '80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8' },
    });
    expect(book.get('shanghai.margin').text).toBe('55 to 120 yuan');
    expect(book.get('shanghai.price-resale-usd').text).toBe('US$12.38 to 22.45');
    expect(book.get('shanghai.price-resale-usd').formula?.arithmetic).toBe('80 × 0.1548 ≈ 12.38; 145 × 0.1548 ≈ 22.45');
    expect(book.get('hunan.unnamed-provinces').text).toBe('17');
    expect(book.get('spp.aiding-growth').text).toBe('more than 1,000×');
    // A derived figure cites the sources of its inputs, each once.
    expect(book.get('shanghai.price-resale-usd').sources.map((s) => s.id)).toEqual(['shine-2021-09-07']);
    expect(book.get('spp.aiding-growth').sources.map((s) => s.id)).toEqual(['spp-work-report-2024', 'cns-2022-11-02']);
  });
});

describe('a correction to data/ flows through without a code change', () => {
  it('naming a second province (in memory) makes 16 unnamed', () => {
    const corrected = withPlaces(data, GUANGDONG);
    expect(unnamedProvinces(corrected).value).toBe(16);
    expect(unnamedProvinces(corrected).steps).toEqual([{ op: 'subtract', a: 18, b: 2, result: 16, exact: true }]);
    // The original is untouched.
    expect(unnamedProvinces(data).value).toBe(17);
  });

  it('naming a second province in a copy of data/ makes 16 unnamed, down to the words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sold-numbers-derive-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    const file = join(dir, 'cases/hunan-linwu.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.places.push(GUANGDONG);
    writeFileSync(file, JSON.stringify(json));

    const corrected = loadData(dir);
    expect(unnamedProvinces(corrected).value).toBe(16);
    const book = figureBook(corrected, 'en', t);
    expect(book.get('hunan.unnamed-provinces').text).toBe('16');
    expect(book.get('hunan.unnamed-provinces').formula?.arithmetic).toBe('18 − 2 = 16');
  });

  it('a corrected price changes the markup, margin and US$ figures', () => {
    const resale = data.facts.get('shanghai.price-resale')!;
    const corrected = withFacts(data, { ...resale, range: { min: 75, max: 150 } });
    expect(markup(corrected).range).toEqual({ min: 3, max: 6 });
    expect(secondTierMargin(corrected).range).toEqual({ min: 50, max: 125 });
    // 75 × 0.1548 = 11.61; 150 × 0.1548 = 23.22
    expect(resaleInUsd(corrected).range).toEqual({ min: 11.61, max: 23.22 });
    expect(figureBook(corrected, 'en', t).get('shanghai.markup').text).toBe('3 to 6×');
  });

  it('a later year in the series becomes the end of the growth figure', () => {
    const last = data.facts.get('spp.aiding-prosecuted-2023')!;
    const next: Fact = { ...last, id: 'spp.aiding-prosecuted-2024', value: 137000, date: { value: '2024', precision: 'year' } };
    const datasets = data.datasets.map((d) => (d.id === 'spp-aiding-prosecutions' ? { ...d, facts: [...d.facts, next] } : d));
    const corrected = { ...withFacts(data, next), datasets };
    const g = aidingProsecutionGrowth(corrected);
    expect(g.value).toBe(1000);
    expect(g.inputs).toEqual(['spp.aiding-prosecuted-2024', 'spp.aiding-prosecuted-2018']);
  });
});

describe('the rounding a formula names is the rounding applied', () => {
  const OPS = { divide: (a: number, b: number) => a / b, subtract: (a: number, b: number) => a - b, multiply: (a: number, b: number) => a * b };

  it('rounds down to one significant figure', () => {
    expect([1072.99, 999.9, 5.8, 10, 0.47].map(floorToLeadingDigit)).toEqual([1000, 900, 5, 10, 0.4]);
  });

  it('prints "=" only for an exact step and "≈" for a rounded one, for every derived figure', () => {
    for (const d of derivedFigures(data).values()) {
      for (const s of d.steps) {
        const raw = OPS[s.op](s.a, s.b);
        expect(s.exact, `${d.id}: ${s.a} ${s.op} ${s.b}`).toBe(Math.abs(raw - s.result) < 1e-9);
        // The printed result is the raw result rounded to its printed digits, never a digit off.
        expect(Math.abs(raw - s.result), d.id).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
  });

  it('gives a "rounded down" figure no greater than its arithmetic, with "more than" when it rounds', () => {
    const g = aidingProsecutionGrowth(data);
    const raw = g.steps[0]!.a / g.steps[0]!.b;
    expect(g.value).toBeLessThanOrEqual(raw);
    expect(g.value).toBe(floorToLeadingDigit(raw));
    expect(g.qualifier).toBe(g.value! < raw ? 'more-than' : undefined);
  });

  it.each(['en', 'zh', 'fr'] as const)('prints each formula in %s with the arithmetic it ran', (locale) => {
    const book = figureBook(data, locale, translator(locale));
    const growth = book.get('spp.aiding-growth').formula!;
    // 147,000 ÷ 137 is 1,072.99…: never printed as "= 1,073".
    expect(growth.arithmetic).toMatch(/≈ 1[\s\u202f\u00a0,.]?072[.,]99$/u);
    expect(growth.arithmetic).not.toMatch(/1[\s\u202f\u00a0,.]?073/u);
    expect(growth.words).toMatch({ en: /rounded down to one significant figure/, zh: /向下取一位有效数字/, fr: /arrondi par défaut à un chiffre significatif/ }[locale]);
    expect(book.get('shanghai.markup').formula!.arithmetic).not.toContain('≈');
    expect(book.get('shanghai.price-resale-usd').formula!.arithmetic).toContain('≈');
  });
});
