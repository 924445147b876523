/**
 * Property-based tests of the formatters (src/i18n/format.ts): with huge, negative, non-finite and
 * far-future inputs they either give readable text (never "NaN", "undefined", "Infinity", "null",
 * an unfilled {placeholder}) or throw a named Error, never a TypeError. And escapeHtml escapes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, formatAmount, formatDate, formatNumber } from '~/i18n/format';
import { translator, type Translate } from '~/i18n/translate';
import { DateRef, UNITS } from '~/data/schema';
import { LOCALES, type Locale } from '~/i18n/locale';

const RUNS = { numRuns: 200 };
/** Each locale's own UI strings: a locale without them fails here, rather than being tested in English. */
const T = Object.fromEntries(LOCALES.map((l) => [l, translator(l)])) as Record<Locale, Translate>;
const locale = fc.constantFrom(...LOCALES);

/** Words that must never reach a reader. */
const JUNK = /NaN|undefined|Infinity|null|\[object|\{\w+\}/;

/** A thrown value is acceptable when it is an Error that says something, not a TypeError from a slip. */
function expectNamedError(e: unknown): void {
  expect(e, 'throws an Error').toBeInstanceOf(Error);
  expect(e, `not a TypeError: ${(e as Error).message}`).not.toBeInstanceOf(TypeError);
  expect((e as Error).message.trim(), 'with a message').not.toBe('');
}

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 1e21, 999_999.995),
);
const digits = fc.integer({ min: 0, max: 20 });

describe('formatNumber', () => {
  it('formats every finite number, and refuses the rest with a named Error', () => {
    fc.assert(
      fc.property(anyNumber, locale, digits, (n, l, d) => {
        if (!Number.isFinite(n)) {
          expect(() => formatNumber(n, l, d)).toThrow(`cannot format ${n} as a number`);
          return;
        }
        const text = formatNumber(n, l, d);
        expect(text).toMatch(/\d/);
        expect(text).not.toMatch(JUNK);
      }),
      RUNS,
    );
  });

  it('keeps integers under a million exact (en)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999, max: 999_999 }), (n) => {
        expect(formatNumber(n, 'en').replace(/,/g, '')).toBe(String(n));
      }),
      RUNS,
    );
  });

  it('writes millions in words only when that loses nothing (en)', () => {
    const SCALE: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 999_999_999_999_999 }), fc.boolean(), (n, negative) => {
        const value = negative ? -n : n;
        const text = formatNumber(value, 'en');
        const words = /^(-?[\d,]+(?:\.\d+)?) (million|billion|trillion)$/.exec(text);
        const back = words ? Number(words[1]!.replace(/,/g, '')) * SCALE[words[2]!]! : Number(text.replace(/,/g, ''));
        expect(Math.abs(back - value), `${value} -> "${text}"`).toBeLessThanOrEqual(Math.abs(value) * 1e-12);
      }),
      RUNS,
    );
  });
});

describe('formatAmount', () => {
  const amount = fc.record(
    {
      value: anyNumber,
      range: fc.record({ min: anyNumber, max: anyNumber }),
      unit: fc.oneof(fc.constantFrom(...UNITS, 'times'), fc.string()),
      qualifier: fc.constantFrom('over', 'more-than', 'about', 'nearly') as fc.Arbitrary<'over' | 'more-than' | 'about' | 'nearly'>,
    },
    { requiredKeys: ['unit'] },
  );

  it('gives clean text or a named Error, whatever the amount', () => {
    fc.assert(
      fc.property(amount, locale, digits, (a, l, d) => {
        let text: string;
        try {
          text = formatAmount(a, l, T[l], d);
        } catch (e) {
          expectNamedError(e);
          return;
        }
        expect(text).not.toMatch(JUNK);
        expect(text.trim()).not.toBe('');
      }),
      RUNS,
    );
  });

  it('formats every amount the data could hold (finite, non-negative)', () => {
    const stored = fc.double({ min: 0, max: 1e15, noNaN: true });
    fc.assert(
      fc.property(
        fc.oneof(
          stored.map((value) => ({ value })),
          fc.tuple(stored, stored).map(([a, b]) => ({ range: { min: Math.min(a, b), max: Math.max(a, b) } })),
        ),
        fc.constantFrom(...UNITS),
        fc.option(fc.constantFrom('over', 'more-than', 'about', 'nearly') as fc.Arbitrary<'over' | 'more-than' | 'about' | 'nearly'>, { nil: undefined }),
        locale,
        (figure, unit, qualifier, l) => {
          const text = formatAmount({ ...figure, unit, ...(qualifier ? { qualifier } : {}) }, l, T[l]);
          expect(text).not.toMatch(JUNK);
          // Chinese counts a few places in characters (两地); every other figure shows its digits.
          expect(text).toMatch(l === 'zh' && unit === 'locations' ? /[\d一两三四五六七八九十]/ : /\d/);
        },
      ),
      RUNS,
    );
  });
});

describe('formatDate', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  /** Dates the schema accepts, 1000 to 9999, at every precision and part. */
  const validDate = fc
    .record({
      when: fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
      precision: fc.constantFrom('day', 'month', 'year') as fc.Arbitrary<'day' | 'month' | 'year'>,
      part: fc.option(fc.constantFrom('early', 'mid', 'late') as fc.Arbitrary<'early' | 'mid' | 'late'>, { nil: undefined }),
    })
    .map(({ when, precision, part }) => {
      const [y, m, d] = [when.getUTCFullYear(), when.getUTCMonth() + 1, when.getUTCDate()];
      const value = precision === 'day' ? `${y}-${pad(m)}-${pad(d)}` : precision === 'month' ? `${y}-${pad(m)}` : String(y);
      return DateRef.parse({ value, precision, ...(part && precision !== 'day' ? { part } : {}) });
    });

  it('formats every valid date, as far out as 9999, with its year', () => {
    fc.assert(
      fc.property(validDate, locale, (d, l) => {
        const text = formatDate(d, l, T[l]);
        expect(text).not.toMatch(JUNK);
        expect(text).not.toMatch(/Invalid/i);
        expect(text).toContain(d.value.slice(0, 4));
      }),
      RUNS,
    );
  });

  it('never a TypeError or junk text, even for values the schema would reject', () => {
    const value = fc.oneof(fc.string(), fc.constantFrom('', '-', '2021-', '2021-13', '2021-02-30', '99999', '275760-09-14', '0000', ' 2021', '2021-1-1'));
    fc.assert(
      fc.property(value, fc.constantFrom('day', 'month', 'year') as fc.Arbitrary<'day' | 'month' | 'year'>, locale, (v, precision, l) => {
        let text: string;
        try {
          text = formatDate({ value: v, precision }, l, T[l]);
        } catch (e) {
          expectNamedError(e);
          return;
        }
        expect(text).not.toMatch(JUNK);
      }),
      RUNS,
    );
  });
});

describe('escapeHtml', () => {
  const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  const html = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(fc.constantFrom('<', '>', '"', "'", '&', '&amp;', '&lt;', '<script>', 'a', ' ', '\u0000', '💥')).map((a) => a.join('')),
  );

  it('leaves no raw <, >, " or \', only known entities, and round-trips', () => {
    fc.assert(
      fc.property(html, (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(unescape(out)).toBe(s);
      }),
      RUNS,
    );
  });
});
