/**
 * Turns stored figures and dates into words for one locale, with Intl. Everything the reader sees as a
 * number goes through here, so the prose, the charts and the tables can never disagree.
 */
import type { DateRef, Fact } from '~/data/schema';
import type { Locale } from '~/i18n/locale';
import type { Translate, MessageKey } from './translate';
import { intlLocale } from './locale';

/**
 * Chinese running text writes large round numbers in 万 and 亿 (14.7万, 400万) from 10,000 up, as
 * Xinhua and The Paper do; other languages only from a million (4 million, 4 millions).
 */
const WORDS_FROM: Record<Locale, number> = { en: 1e6, zh: 1e4, fr: 1e6 };

/** True when `n` reads better, and loses nothing, in words: 4 million, 14.7万, 4 millions. */
function inWords(n: number, locale: Locale): boolean {
  if (Math.abs(n) < WORDS_FROM[locale]) return false;
  const tag = intlLocale(locale);
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 });
  const exact = new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 21 });
  return compact.format(n) === exact.format(n);
}

/**
 * A plain number: 1,000 / 1 000 (narrow no-break space) / 1000 (Chinese text has no thousands
 * separator); round numbers in words when that loses nothing (4 million, 14.7万, 400万).
 */
export function formatNumber(n: number, locale: Locale, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) throw new Error(`cannot format ${n} as a number`);
  const tag = intlLocale(locale);
  return inWords(n, locale)
    ? new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 }).format(n)
    : new Intl.NumberFormat(tag, { maximumFractionDigits, useGrouping: locale !== 'zh' }).format(n);
}

/** 13.7k, 1.37万, 13,7 k: three significant digits, short enough for a chart's bars and axes (exact values are in its table). */
export function formatCompact(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { notation: 'compact', maximumSignificantDigits: 3 }).format(n);
}

export interface Amount {
  value?: number;
  range?: { min: number; max: number };
  unit: string;
  qualifier?: Fact['qualifier'];
}

const UNIT_TEMPLATES = new Set(['yuan', 'usd', 'times', 'percent', 'hours', 'locations', 'yuan.words', 'usd.words', 'times.prose']);

// Chinese counts a few places in characters, with 两 for two: 两地 (two places), not 2处地点.
const ZH_SMALL = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const IN_CHARACTERS = new Set(['locations']);

/**
 * Running text spells out a count from two to nine, as English and French newspapers do ("two
 * locations", « cinq personnes »); charts, tables and key figures keep digits. One is left as a digit
 * because French gives it a gender (un, une) that the unit's noun decides.
 */
const SPELLED: Partial<Record<Locale, string[]>> = {
  en: ['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  fr: ['', '', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
};
export function spelledOut(n: number, locale: Locale): string | undefined {
  return Number.isInteger(n) && n >= 2 && n <= 9 ? SPELLED[locale]?.[n] : undefined;
}

/** The number a word agrees with ("1 hour", "2 hours"): the value, or a range's upper end. */
export function countOf(a: Amount): number {
  return a.range?.max ?? a.value!;
}

/**
 * "over 1,000", "25 yuan", "80 to 145 yuan", "US$3.87", "3.2 to 5.8×", "1000余", "400余万元".
 * `prose` writes a unit out in words where charts use a sign: "3.2 to 5.8 times", not "×".
 */
export function formatAmount(a: Amount, locale: Locale, t: Translate, digits = 2, prose = false): string {
  const number = (v: number) =>
    locale === 'zh' && IN_CHARACTERS.has(a.unit) && Number.isInteger(v) && v >= 1 && v <= 10
      ? ZH_SMALL[v]!
      : prose && !a.range && !a.qualifier && spelledOut(v, locale)
        ? spelledOut(v, locale)!
        : formatNumber(v, locale, digits);
  let n = a.range ? t('range', { min: number(a.range.min), max: number(a.range.max) }) : a.value !== undefined ? number(a.value) : undefined;
  if (n === undefined) throw new Error('an amount needs a value or a range');
  // Chinese puts "over" after the number and before 万 and the unit: 1000余人, 400余万元.
  const yu = locale === 'zh' && !a.range && (a.qualifier === 'over' || a.qualifier === 'more-than');
  if (yu) n = n.replace(/^([\d.]+)(万|亿)?$/, '$1余$2');
  // Counts read with their label ("over 1,000 people fell victim"); money and ratios carry their unit,
  // which some languages join differently to a number in words ("4 millions de yuans").
  const words = inWords(countOf(a), locale) && UNIT_TEMPLATES.has(`${a.unit}.words`);
  const key = `${a.unit}${words ? '.words' : prose && UNIT_TEMPLATES.has(`${a.unit}.prose`) ? '.prose' : ''}`;
  const text = UNIT_TEMPLATES.has(a.unit) ? t(`unit.${key}` as MessageKey, { n, count: countOf(a) }) : n;
  return a.qualifier && !yu ? t(`qualifier.${a.qualifier}`, { n: text }) : text;
}

const UTC = 'UTC';

/** "7 September 2021", "late August 2021", "2021", as precise as the source and no more; "(date inferred)" when ours. */
export function formatDate(d: DateRef, locale: Locale, t: Translate): string {
  const [y, m = 1, day = 1] = d.value.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(y, m - 1, day));
  const options: Intl.DateTimeFormatOptions =
    d.precision === 'day'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: UTC }
      : d.precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: UTC }
        : { year: 'numeric', timeZone: UTC };
  let text = new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
  // French writes the first of the month as an ordinal: 1er décembre 2022.
  if (locale === 'fr' && d.precision === 'day' && day === 1) text = text.replace(/^1(?=\s)/, '1er');
  if (d.part) text = t(`date.part.${d.part}`, { date: text });
  // A date we worked out (from an article's "in May", or its id) says so wherever it is shown.
  return d.inferred ? t('date.inferred', { date: text }) : text;
}

/** A fact's date, or its period: "January 2022 to September 2022". */
export function formatWhen(f: { date: DateRef; until?: DateRef }, locale: Locale, t: Translate): string {
  const start = formatDate(f.date, locale, t);
  return f.until ? t('date.period', { start, end: formatDate(f.until, locale, t) }) : start;
}

/** The time span a date covers, in ms since the epoch: a month-precise date spans its month. */
export function dateSpan(d: DateRef): [number, number] {
  const [y, m, day] = d.value.split('-').map(Number) as [number, number?, number?];
  if (d.precision === 'year') return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d.precision === 'month') {
    const month = m! - 1;
    // A part narrows the month to its thirds: early 1-10, mid 11-20, late 21-end.
    const third = { early: 0, mid: 1, late: 2 }[d.part ?? 'early'];
    if (!d.part) return [Date.UTC(y, month, 1), Date.UTC(y, month + 1, 1)];
    return [Date.UTC(y, month, 1 + third * 10), third === 2 ? Date.UTC(y, month + 1, 1) : Date.UTC(y, month, 11 + third * 10)];
  }
  return [Date.UTC(y, m! - 1, day!), Date.UTC(y, m! - 1, day! + 1)];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** The one escaper for text placed into markup we build as strings (HTML, SVG, attributes in either quote). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A year as an axis labels it: "2021", or "’21" where room is short. */
export function formatYear(year: number, short = false): string {
  return short ? `’${String(year).slice(2)}` : String(year);
}

const OPERATOR = { divide: '÷', subtract: '−', multiply: '×' } as const;

/** The arithmetic behind a derived figure: "80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8"; a rounded result takes ≈ ("147,000 ÷ 137 ≈ 1,072.99"). */
export function formatSteps(
  steps: { op: keyof typeof OPERATOR; a: number; b: number; result: number; exact?: boolean }[],
  locale: Locale,
  t: Translate,
): string {
  const lines = steps.map(
    (s) =>
      `${formatNumber(s.a, locale, 4)} ${OPERATOR[s.op]} ${formatNumber(s.b, locale, 4)} ${s.exact === false ? '≈' : '='} ${formatNumber(s.result, locale, 4)}`,
  );
  return joinList(lines, t);
}

/** "A, B and C" in the locale's words (Intl.ListFormat, conjunction): A、B和C, A, B et C. */
export function formatList(items: string[], locale: Locale): string {
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}

/** Items of a table cell or a source line, with the locale's separator: "A; B", "A ; B", "A；B". */
export function joinList(items: string[], t: Translate): string {
  return items.length ? items.reduce((acc, item) => t('list.join', { a: acc, b: item })) : '';
}
