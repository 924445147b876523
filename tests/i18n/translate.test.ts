import { describe, it, expect } from 'vitest';
import { interpolate, translator, catalogues, forms } from '~/i18n/translate';
import en from '~/words/ui/en.json';
import { LOCALES, type Locale, intlLocale } from '~/i18n/locale';

describe('interpolate', () => {
  it('fills every placeholder, numbers included', () => {
    expect(interpolate('{a} and {b}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(interpolate('{n}, {n} and {n}', { n: 0 })).toBe('0, 0 and 0');
    expect(interpolate('US${n}', { n: '3.87' })).toBe('US$3.87');
  });

  it('leaves text without placeholders as it is', () => {
    expect(interpolate('no placeholders here')).toBe('no placeholders here');
    expect(interpolate('', {})).toBe('');
  });

  it('throws on a missing value, naming the placeholder and the template', () => {
    expect(() => interpolate('{a} and {b}', { a: 1 })).toThrow('missing value for {b} in "{a} and {b}"');
    expect(() => interpolate('{n} yuan')).toThrow('missing value for {n}');
  });

  it('throws on a placeholder named like an Object.prototype property', () => {
    expect(() => interpolate('{constructor}', {})).toThrow('missing value for {constructor}');
  });
});

describe('translator', () => {
  const t = translator('en');

  it('looks strings up in the catalogue and fills them', () => {
    expect(t('site.name')).toBe('Sold Numbers');
    expect(t('unit.yuan', { n: 25 })).toBe('25 yuan');
    expect(t('count.arrests', { n: '14', count: 14 })).toBe('14 arrested');
  });

  it('throws on a missing key, naming the key and locale', () => {
    // @ts-expect-error: keys are typed from the English strings, so a typo does not compile.
    expect(() => t('no.such.key')).toThrow('missing UI string "no.such.key" for locale "en"');
  });

  it('throws when a string needs a value that was not given', () => {
    expect(() => t('unit.yuan')).toThrow('missing value for {n}');
  });

  it('throws for a locale without a catalogue', () => {
    expect(() => translator('xx' as Locale)).toThrow('no UI strings for locale "xx"');
    expect(() => translator('en', undefined as never)).not.toThrow();
  });

  it('accepts a catalogue passed in', () => {
    const fr = translator('fr', { 'unit.yuan': '{n} yuans' });
    expect(fr('unit.yuan', { n: 25 })).toBe('25 yuans');
    expect(() => fr('site.name')).toThrow('missing UI string "site.name" for locale "fr"');
  });

  it('every English string has only well-formed placeholders', () => {
    for (const [key, template] of Object.entries(en).flatMap(([key, entry]) => forms(entry).map((f) => [key, f] as const))) {
      expect(typeof template, key).toBe('string');
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, 'x']));
      expect(() => interpolate(template, params), key).not.toThrow();
      // A brace left over after filling means a placeholder the regex did not recognise.
      expect(interpolate(template, params), key).not.toMatch(/[{}]/);
    }
  });
});

describe('plurals', () => {
  it('choose the form for the count, in English', () => {
    const t = translator('en');
    expect(t('map.unnamedCount', { n: '1', count: 1 })).toBe('1 further province, not named in the reports');
    expect(t('map.unnamedCount', { n: '17', count: 17 })).toBe('17 further provinces, not named in the reports');
    expect(t('map.unnamedCount', { n: '0', count: 0 })).toBe('0 further provinces, not named in the reports');
    expect(t('map.people', { n: '1', count: 1 })).toBe('1 person arrested');
    expect(t('unit.hours', { n: '1.5', count: 1.5 })).toBe('1.5 hours');
  });

  it("follow each language's rules: French counts 0 and 1 as one, Chinese has one form", () => {
    const fr = translator('fr');
    expect(fr('count.victims', { n: '0', count: 0 })).toBe('0 victime');
    expect(fr('count.victims', { n: '1', count: 1 })).toBe('1 victime');
    expect(fr('count.victims', { n: '2', count: 2 })).toBe('2 victimes');
    // 'many' (a million) has no form of its own here: the 'other' one.
    expect(fr('count.victims', { n: '1 000 000', count: 1_000_000 })).toBe('1 000 000 victimes');
    const zh = translator('zh');
    expect(zh('map.unnamedCount', { n: '1', count: 1 })).toBe(zh('map.unnamedCount', { n: '1', count: 2 }));
  });

  it('a count-dependent string without a count is an error, at compile time and when run', () => {
    const t = translator('en');
    // @ts-expect-error: map.unnamedCount has plural forms, so it needs { count }.
    expect(() => t('map.unnamedCount', { n: '17' })).toThrow('UI string "map.unnamedCount" depends on a count: pass { count }');
  });

  it('every plural string has an "other" form and only the forms its language has', () => {
    for (const locale of LOCALES) {
      const categories = new Intl.PluralRules(intlLocale(locale)).resolvedOptions().pluralCategories;
      for (const [key, entry] of Object.entries(catalogues[locale]!)) {
        if (typeof entry === 'string') continue;
        expect(entry.other, `${locale}: ${key}`).toBeTypeOf('string');
        for (const form of Object.keys(entry)) expect(categories, `${locale}: ${key} has a "${form}" form`).toContain(form);
      }
    }
  });

  it('every string that has plural forms in one language has them in English, so its calls pass a count', () => {
    for (const locale of LOCALES)
      for (const [key, entry] of Object.entries(catalogues[locale]!))
        if (typeof entry !== 'string') expect(typeof en[key as keyof typeof en], `${locale}: ${key}`).toBe('object');
  });
});
