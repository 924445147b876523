/**
 * The editions' languages and their tags. Kept apart from the data schema (and zod) so that code
 * running in the browser can name a locale without bundling the validator.
 */
export const LOCALES = ['en', 'zh', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Stored text in one language, English where no translation is stored. */
export function localize(l: { en: string } & Partial<Record<Locale, string>>, locale: Locale): string {
  return l[locale] ?? l.en;
}

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
