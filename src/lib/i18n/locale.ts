/** A locale's tags: the BCP 47 tag Intl formats with, and the value of <html lang>. */
import type { Locale } from '~/lib/data/schema';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN', fr: 'fr-FR' };

/** The BCP 47 tag Intl formats with: en-GB, zh-CN, fr-FR. */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

const HTML_LANG: Record<Locale, string> = { en: 'en', zh: 'zh-Hans', fr: 'fr' };

/** The value for <html lang> and hreflang. */
export function htmlLang(locale: Locale): string {
  return HTML_LANG[locale];
}
