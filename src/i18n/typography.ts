/** Typography of composed text, per locale: what a French or Chinese newspaper sets and a keyboard does not type. */
import type { Locale } from '~/i18n/locale';

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
