/**
 * UI strings, one JSON file per locale in src/i18n. `translator(locale)` returns t(key, params):
 * a missing key throws, so a page can never ship a raw key or a blank.
 */
import { LOCALES, type Locale } from '~/lib/data/schema';
import { typeset } from './typography';

export type Strings = Record<string, string>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

// Every src/i18n/<locale>.json that exists; a locale becomes an edition once its strings and story exist.
const files = import.meta.glob<Strings>('/src/i18n/*.json', { eager: true, import: 'default' });
export const catalogues: Partial<Record<Locale, Strings>> = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), strings]),
);

/** The locales that have UI strings, in the order of LOCALES (English first). */
export const stringLocales: Locale[] = LOCALES.filter((l) => catalogues[l]);

/** Fills {name} placeholders; an unknown placeholder is an error, not a silent blank. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`missing value for {${name}} in "${template}"`);
    return String(params[name]);
  });
}

export function translator(locale: Locale, strings: Strings | undefined = catalogues[locale]): Translate {
  if (!strings) throw new Error(`no UI strings for locale "${locale}"`);
  return (key, params) => {
    const template = strings[key];
    if (template === undefined) throw new Error(`missing UI string "${key}" for locale "${locale}"`);
    // Typeset after filling in, so composed labels (data, figures, dates) get French spacing too.
    return typeset(interpolate(template, params), locale);
  };
}
