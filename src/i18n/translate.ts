/**
 * UI strings, one JSON file per locale in src/words/ui. `translator(locale)` returns t(key, params):
 * a missing key throws, so a page can never ship a raw key or a blank. Keys are typed from the English
 * file, so a mistyped key fails `astro check`. A string whose words depend on a count ("1 further
 * province", "17 further provinces") is an object of forms by CLDR plural category, chosen by
 * Intl.PluralRules for the `count` param; a language with one form (Chinese) keeps a plain string.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '~/i18n/locale';
import { typeset } from './typography';
import { intlLocale } from './locale';
import type english from '~/words/ui/en.json';

/** A count-dependent string: a form for each plural category the language has, `other` always. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Strings = Record<string, string | Plural>;
type English = typeof english;
/** The key of every UI string: the English catalogue's. */
export type MessageKey = keyof English;
/** The keys of strings with one wording whatever the count. */
export type TextKey = { [K in MessageKey]: English[K] extends string ? K : never }[MessageKey];
type Params = Record<string, string | number>;
/**
 * t(key, params). A count-dependent string needs `count`, the number its words agree with (a range's
 * upper end); any key takes one, so a key made from data (a unit) may pass it whatever it turns out to be.
 */
export interface Translate {
  (key: TextKey, params?: Params): string;
  (key: MessageKey, params: Params & { count: number }): string;
}

// Every src/words/ui/<locale>.json that exists; a locale becomes an edition once its strings and story exist.
// Read from disk, like the story's words, so Node tools and browser specs can load the editions without Vite.
const UI = join(process.cwd(), 'src/words/ui');
export const catalogues: Partial<Record<Locale, Strings>> = Object.fromEntries(
  LOCALES.filter((l) => existsSync(join(UI, `${l}.json`))).map((l) => [l, JSON.parse(readFileSync(join(UI, `${l}.json`), 'utf8')) as Strings]),
);

/** The locales that have UI strings, in the order of LOCALES (English first). */
export const stringLocales: Locale[] = LOCALES.filter((l) => catalogues[l]);

/** Every wording of a string: itself, or each plural form. */
export function forms(entry: string | Plural): string[] {
  return typeof entry === 'string' ? [entry] : Object.values(entry);
}

/** Fills {name} placeholders; an unknown placeholder is an error, not a silent blank. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`missing value for {${name}} in "${template}"`);
    return String(params[name]);
  });
}

export function translator(locale: Locale, strings: Strings | undefined = catalogues[locale]): Translate {
  if (!strings) throw new Error(`no UI strings for locale "${locale}"`);
  const plural = new Intl.PluralRules(intlLocale(locale));
  const t = (key: string, params?: Params & { count?: number }) => {
    const entry = strings[key];
    if (entry === undefined) throw new Error(`missing UI string "${key}" for locale "${locale}"`);
    if (typeof entry !== 'string' && params?.count === undefined) throw new Error(`UI string "${key}" depends on a count: pass { count }`);
    const template = typeof entry === 'string' ? entry : (entry[plural.select(params!.count!)] ?? entry.other);
    // Typeset after filling in, so composed labels (data, figures, dates) get French spacing too.
    return typeset(interpolate(template, params), locale);
  };
  return t as Translate;
}
