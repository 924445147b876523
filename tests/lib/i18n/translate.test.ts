import { describe, it, expect } from 'vitest';
import type { Locale } from '~/lib/data/schema';
import { interpolate, translator } from '~/lib/i18n/translate';
import en from '~/i18n/en.json';

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
    expect(t('count.arrests', { n: '14' })).toBe('14 arrested');
  });

  it('throws on a missing key, naming the key and locale', () => {
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
    for (const [key, template] of Object.entries(en)) {
      expect(typeof template, key).toBe('string');
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, 'x']));
      expect(() => interpolate(template, params), key).not.toThrow();
      // A brace left over after filling means a placeholder the regex did not recognise.
      expect(interpolate(template, params), key).not.toMatch(/[{}]/);
    }
  });
});
