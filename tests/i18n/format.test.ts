import { describe, it, expect } from 'vitest';
import { dateSpan, escapeHtml, formatAmount, formatDate, formatList, formatNumber, formatSteps, formatWhen, joinList } from '~/i18n/format';
import { intlLocale, localize } from '~/i18n/locale';
import { translator } from '~/i18n/translate';
import { type DateRef } from '~/data/schema';

const t = translator('en');
const NNBSP = '\u202f'; // fr-FR groups thousands with a narrow no-break space

describe('formatNumber', () => {
  it('groups thousands the en-GB way', () => {
    expect(formatNumber(1000, 'en')).toBe('1,000');
    expect(formatNumber(147000, 'en')).toBe('147,000');
    expect(formatNumber(137, 'en')).toBe('137');
  });

  it('writes round millions in words and keeps non-round ones exact', () => {
    expect(formatNumber(4000000, 'en')).toBe('4 million');
    expect(formatNumber(3286000, 'en')).toBe('3.286 million');
    expect(formatNumber(1500000, 'en')).toBe('1.5 million');
  });

  it('falls back to digits when words would round the number', () => {
    // 3.2865 million needs four decimals; "3.287 million" would lose the last digit.
    expect(formatNumber(3286500, 'en')).toBe('3,286,500');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });

  it('leaves numbers under a million as digits', () => {
    expect(formatNumber(999999, 'en')).toBe('999,999');
  });

  it('rounds to the given fraction digits', () => {
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57');
    expect(formatNumber(0.15480000000000002, 'en', 4)).toBe('0.1548');
    expect(formatNumber(5.8, 'en', 0)).toBe('6');
  });

  it('uses each locale’s own grouping and words', () => {
    expect(formatNumber(1000, 'fr')).toBe(`1${NNBSP}000`);
    expect(formatNumber(4000000, 'fr')).toBe('4 millions');
    expect(formatNumber(4000000, 'zh')).toBe('400万');
    expect(formatNumber(3286000, 'zh')).toBe('328.6万');
  });

  it('writes Chinese numbers as Xinhua does: no thousands comma, round ones in 万 from 10,000', () => {
    expect(formatNumber(1000, 'zh')).toBe('1000');
    expect(formatNumber(147000, 'zh')).toBe('14.7万');
    expect(formatNumber(464000, 'zh')).toBe('46.4万');
    expect(formatNumber(213000, 'zh')).toBe('21.3万');
    // Not round enough for 万 without losing digits: digits, but never a comma.
    expect(formatNumber(129297, 'zh')).toBe('129297');
    expect(formatNumber(13673, 'zh')).toBe('13673');
    expect(formatNumber(3.87, 'zh')).toBe('3.87');
    for (const n of [1000, 13673, 92576, 129297, 147000, 3286500, 1234567.5]) expect(formatNumber(n, 'zh'), String(n)).not.toMatch(/\d,\d/);
  });

  it('refuses a number that is not finite', () => {
    expect(() => formatNumber(NaN, 'en')).toThrow('cannot format NaN');
    expect(() => formatNumber(Infinity, 'en')).toThrow('cannot format Infinity');
  });

  it('maps locales to Intl tags', () => {
    expect([intlLocale('en'), intlLocale('zh'), intlLocale('fr')]).toEqual(['en-GB', 'zh-CN', 'fr-FR']);
  });
});

describe('formatAmount', () => {
  it('puts a qualifier before a count, without a unit', () => {
    expect(formatAmount({ value: 1000, unit: 'people', qualifier: 'over' }, 'en', t)).toBe('over 1,000');
    expect(formatAmount({ value: 100, unit: 'people', qualifier: 'more-than' }, 'en', t)).toBe('more than 100');
    expect(formatAmount({ value: 130000, unit: 'people', qualifier: 'about' }, 'en', t)).toBe('about 130,000');
    expect(formatAmount({ value: 14, unit: 'people' }, 'en', t)).toBe('14');
  });

  it('writes money with its unit, ranges as "min to max"', () => {
    expect(formatAmount({ value: 25, unit: 'yuan' }, 'en', t)).toBe('25 yuan');
    expect(formatAmount({ range: { min: 80, max: 145 }, unit: 'yuan' }, 'en', t)).toBe('80 to 145 yuan');
    expect(formatAmount({ value: 3.87, unit: 'usd' }, 'en', t)).toBe('US$3.87');
    expect(formatAmount({ value: 4000000, unit: 'yuan', qualifier: 'over' }, 'en', t)).toBe('over 4 million yuan');
  });

  it('writes ratios with ×, at the digits asked for', () => {
    expect(formatAmount({ range: { min: 3.2, max: 5.8 }, unit: 'times' }, 'en', t, 1)).toBe('3.2 to 5.8×');
    expect(formatAmount({ value: 1073, unit: 'times', qualifier: 'about' }, 'en', t)).toBe('about 1,073×');
    expect(formatAmount({ value: 3.25, unit: 'times' }, 'en', t, 1)).toBe('3.3×');
  });

  it('writes percentages', () => {
    expect(formatAmount({ value: 12.5, unit: 'percent' }, 'en', t)).toBe('12.5%');
  });

  it('throws when there is neither a value nor a range', () => {
    expect(() => formatAmount({ unit: 'yuan' }, 'en', t)).toThrow('an amount needs a value or a range');
  });
});

const d = (value: string, precision: DateRef['precision'], part?: DateRef['part']): DateRef => ({ value, precision, ...(part && { part }) });

describe('formatDate', () => {
  it('is as precise as the source and no more', () => {
    expect(formatDate(d('2021-09-07', 'day'), 'en', t)).toBe('7 September 2021');
    expect(formatDate(d('2021-05', 'month'), 'en', t)).toBe('May 2021');
    expect(formatDate(d('2021', 'year'), 'en', t)).toBe('2021');
  });

  it('adds early, mid or late', () => {
    expect(formatDate(d('2021-08', 'month', 'late'), 'en', t)).toBe('late August 2021');
    expect(formatDate(d('2024-08', 'month', 'early'), 'en', t)).toBe('early August 2024');
    expect(formatDate(d('2024-08', 'month', 'mid'), 'en', t)).toBe('mid-August 2024');
    expect(formatDate(d('2024', 'year', 'late'), 'en', t)).toBe('late 2024');
  });

  it('does not shift dates at the edge of a year (UTC)', () => {
    expect(formatDate(d('2021-01-01', 'day'), 'en', t)).toBe('1 January 2021');
    expect(formatDate(d('2021-12-31', 'day'), 'en', t)).toBe('31 December 2021');
    expect(formatDate(d('2022-12', 'month'), 'en', t)).toBe('December 2022');
  });
});

describe('formatWhen', () => {
  it('gives a single date when there is no end', () => {
    expect(formatWhen({ date: d('2020-10-10', 'day') }, 'en', t)).toBe('10 October 2020');
  });

  it('gives a period with until', () => {
    expect(formatWhen({ date: d('2022-01', 'month'), until: d('2022-09', 'month') }, 'en', t)).toBe('January 2022 to September 2022');
    expect(formatWhen({ date: d('2020-10-10', 'day'), until: d('2021-04', 'month') }, 'en', t)).toBe('10 October 2020 to April 2021');
  });
});

describe('dateSpan', () => {
  it('spans a whole year', () => {
    expect(dateSpan(d('2021', 'year'))).toEqual([Date.UTC(2021, 0, 1), Date.UTC(2022, 0, 1)]);
  });

  it('spans a whole month, including February and December', () => {
    expect(dateSpan(d('2021-08', 'month'))).toEqual([Date.UTC(2021, 7, 1), Date.UTC(2021, 8, 1)]);
    expect(dateSpan(d('2024-02', 'month'))).toEqual([Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)]);
    expect(dateSpan(d('2022-12', 'month'))).toEqual([Date.UTC(2022, 11, 1), Date.UTC(2023, 0, 1)]);
  });

  it('narrows a month to the third its part names', () => {
    expect(dateSpan(d('2024-08', 'month', 'early'))).toEqual([Date.UTC(2024, 7, 1), Date.UTC(2024, 7, 11)]);
    expect(dateSpan(d('2024-08', 'month', 'mid'))).toEqual([Date.UTC(2024, 7, 11), Date.UTC(2024, 7, 21)]);
    // Late runs to the end of the month, whatever its length.
    expect(dateSpan(d('2021-08', 'month', 'late'))).toEqual([Date.UTC(2021, 7, 21), Date.UTC(2021, 8, 1)]);
    expect(dateSpan(d('2023-02', 'month', 'late'))).toEqual([Date.UTC(2023, 1, 21), Date.UTC(2023, 2, 1)]);
  });

  it('spans one day', () => {
    expect(dateSpan(d('2021-09-07', 'day'))).toEqual([Date.UTC(2021, 8, 7), Date.UTC(2021, 8, 8)]);
    expect(dateSpan(d('2021-12-31', 'day'))).toEqual([Date.UTC(2021, 11, 31), Date.UTC(2022, 0, 1)]);
    const [start, end] = dateSpan(d('2021-09-07', 'day'));
    expect(end - start).toBe(24 * 60 * 60 * 1000);
  });
});

describe('escapeHtml', () => {
  it('escapes markup', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escapes quotes and ampersands, for attributes too', () => {
    expect(escapeHtml(`Tom's "shop" & co`)).toBe('Tom&#39;s &quot;shop&quot; &amp; co');
    // Already-escaped text is escaped again, not passed through.
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('leaves plain and non-Latin text alone', () => {
    expect(escapeHtml('80 ÷ 25 = 3.2; 一证通查')).toBe('80 ÷ 25 = 3.2; 一证通查');
  });
});

describe('formatSteps', () => {
  it('writes the arithmetic, joined with "; "', () => {
    const steps = [
      { op: 'divide' as const, a: 80, b: 25, result: 3.2 },
      { op: 'divide' as const, a: 145, b: 25, result: 5.8 },
    ];
    expect(formatSteps(steps, 'en', t)).toBe('80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8');
  });

  it('uses − and × and formats each operand', () => {
    expect(formatSteps([{ op: 'subtract', a: 18, b: 1, result: 17 }], 'en', t)).toBe('18 − 1 = 17');
    expect(formatSteps([{ op: 'multiply', a: 145, b: 3.87 / 25, result: 22.45 }], 'en', t)).toBe('145 × 0.1548 = 22.45');
    expect(formatSteps([{ op: 'divide', a: 147000, b: 137, result: 1073 }], 'en', t)).toBe('147,000 ÷ 137 = 1,073');
  });
});

describe('language details', () => {
  const fr = translator('fr');
  const zh = translator('zh');

  it('puts 余 after a Chinese number for "over" and "more than", before 万 and the unit', () => {
    expect(formatAmount({ value: 1000, unit: 'people', qualifier: 'over' }, 'zh', zh)).toBe('1000余');
    expect(formatAmount({ value: 100, unit: 'people', qualifier: 'more-than' }, 'zh', zh)).toBe('100余');
    expect(formatAmount({ value: 1000, unit: 'times', qualifier: 'more-than' }, 'zh', zh)).toBe('1000余倍');
    expect(formatAmount({ value: 130000, unit: 'people', qualifier: 'about' }, 'zh', zh)).toBe('约13万');
    expect(formatAmount({ value: 440000, unit: 'people' }, 'zh', zh)).toBe('44万');
  });

  it('counts places in Chinese characters, with 两: 两地, not 2处地点', () => {
    expect(formatAmount({ value: 2, unit: 'locations' }, 'zh', zh)).toBe('两地');
    expect(formatAmount({ value: 3, unit: 'locations' }, 'zh', zh)).toBe('三地');
    expect(formatAmount({ value: 2, unit: 'locations' }, 'en', t)).toBe('2 locations');
    expect(formatAmount({ value: 2, unit: 'locations' }, 'fr', fr)).toBe('2\u00a0lieux');
  });

  it('writes "times" in prose where charts use ×', () => {
    expect(formatAmount({ value: 1000, unit: 'times', qualifier: 'more-than' }, 'en', t)).toBe('more than 1,000×');
    expect(formatAmount({ value: 1000, unit: 'times', qualifier: 'more-than' }, 'en', t, 2, true)).toBe('more than 1,000 times');
    expect(formatAmount({ range: { min: 3.2, max: 5.8 }, unit: 'times' }, 'fr', fr, 1, true)).toBe('de 3,2 à 5,8\u00a0fois');
  });

  it('marks an inferred date as inferred, in every language', () => {
    const inferred: DateRef = { value: '2021-09-07', precision: 'day', inferred: true };
    expect(formatDate(inferred, 'en', t)).toBe('7 September 2021 (date inferred)');
    expect(formatDate(inferred, 'zh', zh)).toBe('2021年9月7日（日期为推断）');
    expect(formatDate(inferred, 'fr', fr)).toBe('7 septembre 2021 (date déduite)');
    expect(formatDate({ value: '2021-08', precision: 'month', part: 'late', inferred: true }, 'en', t)).toBe('late August 2021 (date inferred)');
  });

  it('joins a unit to a number in words as each language does', () => {
    expect(formatAmount({ value: 4_000_000, unit: 'yuan', qualifier: 'over' }, 'fr', fr)).toBe('plus de 4 millions de yuans');
    expect(formatAmount({ value: 4_000_000, unit: 'yuan', qualifier: 'over' }, 'zh', zh)).toBe('400余万元');
    expect(formatAmount({ value: 25, unit: 'yuan' }, 'fr', fr)).toBe('25\u00a0yuans');
  });

  it("separates list items with each language's punctuation", () => {
    expect(joinList(['SHINE', 'Xinhua'], t)).toBe('SHINE; Xinhua');
    expect(joinList(['SHINE', 'Xinhua', 'PANews'], zh)).toBe('SHINE；Xinhua；PANews');
    expect(joinList(['SHINE', 'Xinhua'], fr)).toBe('SHINE\u202f; Xinhua');
    expect(joinList(['SHINE'], t)).toBe('SHINE');
    expect(joinList([], t)).toBe('');
  });

  it('writes the first of the month as 1er in French', () => {
    expect(formatDate({ value: '2022-12-01', precision: 'day' }, 'fr', fr)).toBe('1er décembre 2022');
    expect(formatDate({ value: '2022-12-11', precision: 'day' }, 'fr', fr)).toBe('11 décembre 2022');
  });
});

describe('formatList and localize', () => {
  it("joins names with each language's own conjunction", () => {
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(formatList(['A', 'B', 'C'], 'zh')).toBe('A、B和C');
    expect(formatList(['A', 'B', 'C'], 'fr')).toBe('A, B et C');
  });

  it('picks the stored translation, English where none is stored', () => {
    const name = { en: 'Hunan', zh: '湖南' };
    expect(localize(name, 'zh')).toBe('湖南');
    expect(localize(name, 'fr')).toBe('Hunan');
  });
});
