/**
 * Property-based tests of interpolate (src/i18n/translate.ts): {name} placeholders are filled once, from
 * the params' own keys only; a missing one is an Error naming it; values are never re-read as
 * templates or as String.replace patterns ($&).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpolate } from '~/i18n/translate';

const NAMES = ['n', 'min', 'max', 'date', 'a', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
const name = fc.oneof(fc.constantFrom(...NAMES), fc.stringMatching(/^\w{1,6}$/));
const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constantFrom('{n}', '{min}', '$&', '$1', "$'", '$`', '{{n}}', ''));
/** Params as a plain object with own keys only (Object.fromEntries makes "__proto__" an own key). */
const params = fc.array(fc.tuple(name, value), { maxLength: 6 }).map((entries) => Object.fromEntries(entries) as Record<string, string | number>);
/** Text with no braces, so the only placeholders are the ones we put in. */
const literal = fc.string({ maxLength: 10 }).map((s) => s.replace(/[{}]/g, ''));
const segment = fc.oneof(
  literal.map((text) => ({ text })),
  name.map((placeholder) => ({ placeholder })),
);

describe('interpolate', () => {
  it('fills each placeholder once from own params, or throws naming the missing one', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), params, (segments, p) => {
        const template = segments.map((s) => ('text' in s ? s.text : `{${s.placeholder}}`)).join('');
        const missing = segments.find((s) => 'placeholder' in s && !Object.hasOwn(p, s.placeholder));
        if (missing && 'placeholder' in missing) {
          expect(() => interpolate(template, p)).toThrow(`missing value for {${missing.placeholder}}`);
          return;
        }
        const expected = segments.map((s) => ('text' in s ? s.text : String(p[s.placeholder]))).join('');
        expect(interpolate(template, p)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('any template: a string, or an Error saying which value is missing (never a TypeError)', () => {
    fc.assert(
      fc.property(fc.string(), params, (template, p) => {
        try {
          expect(typeof interpolate(template, p)).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect(e).not.toBeInstanceOf(TypeError);
          expect((e as Error).message).toMatch(/^missing value for \{\w+\} in "/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
