/**
 * The shape of every file in data/. One schema per record type; the loader (load.ts) adds the checks
 * that span files (unknown source ids, duplicate ids). Keep error messages short: the loader prefixes
 * them with the file, the record id and the field.
 */
import { z } from 'zod';
import { localize, type Locale } from '../i18n/locale';

/** Text in each language: English is required, the other editions fill in zh and fr. */
export const Localized = z.strictObject({
  en: z.string().trim().min(1, 'must not be empty'),
  zh: z.string().trim().min(1, 'must not be empty').optional(),
  fr: z.string().trim().min(1, 'must not be empty').optional(),
});
export type Localized = z.infer<typeof Localized>;

export const Id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case words joined by "-" or "."');

const DATE_PATTERN = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/,
} as const;

/** A date as precise as the source is: "2021-08" with precision "month" and part "late" = late August 2021. */
export const DateRef = z
  .strictObject({
    value: z.string(),
    precision: z.enum(['day', 'month', 'year']),
    /** Early, mid or late in the month or year, when the source says so. */
    part: z.enum(['early', 'mid', 'late']).optional(),
    /** True when the date is worked out by us (e.g. the year of an article's "in May"), not stated. */
    inferred: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    const m = DATE_PATTERN[d.precision].exec(d.value);
    if (!m) {
      const any = Object.entries(DATE_PATTERN).find(([, re]) => re.test(d.value));
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: any ? `"${d.value}" is a ${any[0]} but precision says ${d.precision}` : `"${d.value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      });
      return;
    }
    const [year, month = 1, day = 1] = m.slice(1).map(Number) as [number, number?, number?];
    const utc = new Date(Date.UTC(year, month - 1, day));
    if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `"${d.value}" is not a calendar date` });
    }
    if (d.part && d.precision === 'day') {
      ctx.addIssue({ code: 'custom', path: ['part'], message: 'a day-precise date has no early/mid/late part' });
    }
  });
export type DateRef = z.infer<typeof DateRef>;

// zod 4 numbers reject NaN and Infinity by themselves.
const Amount = z.number('must be a finite number').nonnegative('must not be negative');

export const UNITS = [
  'people',
  'cases',
  'yuan',
  'usd',
  'provinces',
  'cities',
  'locations',
  'years',
  'gangs',
  'cards',
  'percent',
  'hours',
  'digits',
  'apps',
] as const;

/** A figure a source gives: one value or a range, with its qualifier ("over 1,000"). */
export const Fact = z
  .strictObject({
    id: Id,
    label: Localized,
    value: Amount.optional(),
    range: z
      .strictObject({ min: Amount, max: Amount })
      .refine((r) => r.min <= r.max, { message: 'min is greater than max', path: ['min'] })
      .optional(),
    unit: z.enum(UNITS),
    qualifier: z.enum(['over', 'more-than', 'about', 'nearly']).optional(),
    /** When the figure applies (or, for a period, when it starts); absent when the sources do not say. */
    date: DateRef.optional(),
    /** End of the period the figure covers, e.g. "Jan-Sep 2022". */
    until: DateRef.optional(),
    sources: z.array(Id).min(1, 'a fact needs at least one source'),
    confidence: z.enum(['high', 'medium-high', 'medium', 'low']),
    note: Localized.optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.value === undefined) === (f.range === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'give exactly one of value or range' });
    }
    if (f.until && !f.date) ctx.addIssue({ code: 'custom', path: ['until'], message: 'a period needs its start date' });
  });
export type Fact = z.infer<typeof Fact>;

export const COUNT_KINDS = ['victims', 'suspects', 'arrests'] as const;

/** Something that happened on a date, with the counts (as fact ids) a source gives for it. */
export const Event = z.strictObject({
  id: Id,
  date: DateRef,
  label: Localized,
  counts: z.array(z.strictObject({ kind: z.enum(COUNT_KINDS), fact: Id })).default([]),
  sources: z.array(Id).min(1, 'an event needs at least one source'),
});
export type Event = z.infer<typeof Event>;

export const Place = z.strictObject({
  id: Id,
  name: Localized,
  kind: z.enum(['province', 'prefecture', 'county', 'district', 'town']),
  /** ISO 3166-2 code of a province, matching the map geometry's feature ids. */
  iso: z
    .string()
    .regex(/^CN-[A-Z]{2}$/, 'must be an ISO 3166-2 code such as CN-HN')
    .optional(),
  /** Chinese administrative division code. */
  code: z
    .string()
    .regex(/^\d{6}$/, 'must be a 6-digit division code')
    .optional(),
  within: Id.optional(),
  /** [longitude, latitude] in degrees. */
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  /** True for a province a source names as part of the case's network. */
  network: z.boolean().optional(),
  sources: z.array(Id).min(1, 'a place needs at least one source'),
});
export type Place = z.infer<typeof Place>;

/** Something the sources do not say, recorded so the site can say it plainly. */
export const Unknown = z.strictObject({
  id: Id,
  label: Localized,
  /** The sources that were read and do not give it. */
  sources: z.array(Id).min(1, 'say which sources were checked'),
});
export type Unknown = z.infer<typeof Unknown>;

/** One file in data/cases or data/context. */
export const Dataset = z.strictObject({
  id: Id,
  /** A case, a series of national figures, dated milestones, or the official services the advice cites. */
  kind: z.enum(['case', 'series', 'milestones', 'services']),
  title: Localized,
  /** For a series: what each fact measures, e.g. "telecom fraud cases solved". */
  measure: Localized.optional(),
  facts: z.array(Fact).default([]),
  events: z.array(Event).default([]),
  places: z.array(Place).default([]),
  unknowns: z.array(Unknown).default([]),
});
export type Dataset = z.infer<typeof Dataset>;

/**
 * A name or a title: one string that reads the same in every language (PANews), or one per language
 * where an official or usual translation exists (新华社, Agence Chine nouvelle), checked like a label.
 */
const LocalizedName = z.preprocess((v) => (typeof v === 'string' ? { en: v } : v), Localized);

export const Source = z
  .strictObject({
    id: Id,
    publisher: LocalizedName,
    /** The byline as published; a Chinese byline in characters under zh (本报记者 韩鑫 is 韩鑫). */
    author: LocalizedName.optional(),
    /** The headline; a description in [square brackets] where we have no headline. */
    title: LocalizedName,
    url: z.url({ protocol: /^https?$/ }).optional(),
    language: z.enum(['en', 'zh', 'fr']),
    published: DateRef,
    kind: z.enum(['original-report', 'rewrite', 'official-statistics', 'mirror', 'law', 'reference']),
    /** For a mirror: the page it was read on, beside the original publisher's name. */
    retrievedFrom: z.url({ protocol: /^https?$/ }).optional(),
    note: LocalizedName.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'mirror' && !s.retrievedFrom) {
      ctx.addIssue({ code: 'custom', path: ['retrievedFrom'], message: 'a mirror needs the page it was retrieved from' });
    }
  });
/** A source as stored, with its publisher and title in each language. */
export type SourceRecord = z.infer<typeof Source>;
/** A source as one edition shows it: publisher and title in that edition's language. */
export type Source = Omit<SourceRecord, 'publisher' | 'title' | 'note' | 'author'> & { publisher: string; title: string; note?: string; author?: string };

/** A source's publisher, title and note in one language, English where no translation is stored. */
export function sourceIn(s: SourceRecord, locale: Locale): Source {
  const text = (l: Localized) => localize(l, locale);
  const { note, author, ...rest } = s;
  return { ...rest, publisher: text(s.publisher), title: text(s.title), ...(author ? { author: text(author) } : {}), ...(note ? { note: text(note) } : {}) };
}

export const SourcesFile = z.strictObject({ sources: z.array(Source) });

/** One entry of the story's update log (data/updates.json): when, and what changed, in every language. */
export const Update = z.strictObject({
  date: DateRef.refine((d) => d.precision === 'day', { message: 'an update needs a day-precise date', path: ['precision'] }),
  /** What changed: a correction names the figure and both values. */
  text: z.strictObject({ en: Localized.shape.en, zh: Localized.shape.en, fr: Localized.shape.en }),
  /** True for the first publication; every later entry is an update or a correction. Until one exists, the story is not yet published. */
  published: z.boolean().optional(),
  /** Fact ids a correction changed, so a reader can find them. */
  facts: z.array(Id).default([]),
});
export type Update = z.infer<typeof Update>;

export const UpdatesFile = z.strictObject({ updates: z.array(Update) }).superRefine((f, ctx) => {
  if (f.updates.length && f.updates[0]!.published !== true) {
    ctx.addIssue({ code: 'custom', path: ['updates'], message: 'the first entry must be the publication ("published": true); log nothing before it' });
  }
  if (f.updates.filter((u) => u.published).length > 1) {
    ctx.addIssue({ code: 'custom', path: ['updates'], message: 'only one entry can be the publication ("published": true)' });
  }
  f.updates.forEach((u, i) => {
    const before = f.updates[i - 1];
    if (before && before.date.value > u.date.value) {
      ctx.addIssue({ code: 'custom', path: ['updates', i, 'date', 'value'], message: 'updates must be in date order, oldest first' });
    }
  });
});
