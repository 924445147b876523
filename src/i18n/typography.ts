/** Typography of composed text, per locale: what a French or Chinese newspaper sets and a keyboard does not type. */
import { htmlLang, type Locale } from '~/i18n/locale';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * French typography for any composed string: a narrow no-break space before ; ! ?, a no-break space
 * before : and inside « », and the typographic apostrophe. Idempotent, and safe on URLs and times
 * (a colon with no space before it and none after is left alone) and on HTML entities (&amp;).
 */
export function frenchTypography(s: string): string {
  return s
    .replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019')
    .replace(/(?<!&#?\w+)[ \u00a0\u202f]*([;!?])(?=\s|$|[»)\]<*_])/gu, `${NNBSP}$1`)
    .replace(/(?:[ \u00a0\u202f]+|(?<=[\p{L}\p{N})»])):(?=\s|$)/gu, `${NBSP}:`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
}

/** The typography a locale's composed text needs; French only, for now. */
export function typeset(s: string, locale: Locale): string {
  return locale === 'fr' ? frenchTypography(s) : s;
}

/** Full-width punctuation of Chinese text (and the ideographic space). */
const FULL_WIDTH = '，。、；：？！（）「」『』“”‘’《》〈〉［］【】…—\u3000';
const ENDS_CJK_SENTENCE = /[。！？…][”」』）]*$/u;
const ENDS_CJK = new RegExp(`[\\p{Script=Han}${FULL_WIDTH}]$`, 'u');

/**
 * Sentences joined as their script sets them: "A. B" in Latin text, "甲。乙" after Chinese (no space,
 * and no second stop after one already there). An accessible name read aloud in Chinese then pauses
 * where a Chinese reader would, and never shows ". " between two Chinese phrases.
 */
export function joinSentences(parts: string[]): string {
  return parts.reduce((acc, part) => {
    if (!acc) return part;
    if (ENDS_CJK.test(acc)) return `${acc}${ENDS_CJK_SENTENCE.test(acc) ? '' : '。'}${part}`;
    return `${acc}${/[.!?…]$/.test(acc) ? ' ' : '. '}${part}`;
  }, '');
}

/**
 * Slips in Chinese text as Xinhua or The Paper would set it: half-width punctuation touching a Chinese
 * character ("新华社 . ［", "来源:"), a space touching full-width punctuation ("新华社 。"), a space between
 * two Chinese characters. Digits, Latin words and addresses keep their own punctuation ("14.7万", "QQ").
 */
export function chinesePunctuationSlips(s: string): string[] {
  const slips: string[] = [];
  const around = (i: number) => s.slice(Math.max(0, i - 8), i + 8);
  const rules: [RegExp, string][] = [
    [/\p{Script=Han}[ ]*[,.;:!?()[\]](?!\d)|(?<!\d)[,.;:!?()[\]][ ]*\p{Script=Han}/gu, 'half-width punctuation beside Chinese'],
    [new RegExp(`[${FULL_WIDTH}] +| +[${FULL_WIDTH}]`, 'gu'), 'space beside full-width punctuation'],
    [/\p{Script=Han} +\p{Script=Han}/gu, 'space between Chinese characters'],
  ];
  for (const [re, what] of rules) for (const m of s.matchAll(re)) slips.push(`${what}: …${around(m.index)}…`);
  return slips;
}

/** A French line that ends on an elided word ("l’", "d’", "qu’"): the word it belongs to went to the next line. */
export function endsWithElision(line: string): boolean {
  return /(?:^|[\s\u00a0\u202f(«])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)[’']$/iu.test(line.trimEnd());
}

/**
 * French ranges as Le Monde sets them: « de 80 à 145 yuans », « entre 80 et 145 », never a bare
 * « 80 à 145 ». Returns each bare range found; a year after « en » (« de 137 en 2018 à 147 000 ») is not one.
 */
export function frenchRangeSlips(s: string): string[] {
  const NUMBER = '\\d[\\d\\u00a0\\u202f,]*';
  const bare = new RegExp(
    `(?<!\\b(?:de|d’|De|en)[\\s\\u00a0\\u202f]+(?:plus de[\\s\\u00a0\\u202f]+)?)(?<![\\d,\\u00a0\\u202f])${NUMBER}(?:[\\s\\u00a0\\u202f]\\p{L}+)?[\\s\\u00a0\\u202f]+à[\\s\\u00a0\\u202f]+${NUMBER}`,
    'gu',
  );
  return [...s.matchAll(bare)].map((m) => m[0]);
}

/** A run of Chinese: Han characters, with the full-width punctuation and spaces between them. */
const CHINESE_RUN = new RegExp(`\\p{Script=Han}(?:[\\p{Script=Han}${FULL_WIDTH}·]|\\s(?=\\p{Script=Han}))*`, 'gu');

/**
 * Marks each run of Chinese in a page of another language with its language (lang="zh-Hans"), so a screen
 * reader's voice reads 手机口 or 一证通查, the names a reader must type, instead of skipping or spelling them.
 * For HTML: only text between tags is touched, and a run already marked is left alone. Chinese pages are
 * left as they are.
 */
export function markChineseRuns(html: string, locale: Locale): string {
  if (locale === 'zh') return html;
  const open = `<span lang="${htmlLang('zh')}">`;
  const parts = html.split(/(<[^>]*>)/);
  return parts.map((part, i) => (part.startsWith('<') || parts[i - 1] === open ? part : part.replace(CHINESE_RUN, (run) => `${open}${run}</span>`))).join('');
}
