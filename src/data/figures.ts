/**
 * One lookup for every figure the site can show: stored facts and derived figures, formatted for a
 * locale, with the sources behind them. Prose, charts and tables all ask this, never the JSON directly.
 */
import type { SiteData } from './load';
import { derivedFigures, type Derived } from './derive';
import { formatAmount, formatSteps, formatWhen, type Amount, countOf } from '~/i18n/format';
import type { Translate, TextKey } from '~/i18n/translate';
import { type Fact, type Source } from './schema';
import { localize, type Locale } from '../i18n/locale';

export interface Figure {
  id: string;
  /** The value in words: "over 1,000", "80 to 145 yuan". */
  text: string;
  /** The number words agree with ("1 further province"): the value, or a range's upper end. */
  count: number;
  /** For running prose, where it differs: "3.2 to 5.8 times" for "3.2 to 5.8×". */
  prose?: string;
  /** When it applies, for stored facts. */
  when?: string;
  label: string;
  sources: Source[];
  /** For derived figures: the formula in words, the arithmetic, and both as one phrase. */
  formula?: { words: string; arithmetic: string; text: string };
  derived: boolean;
  confidence?: Fact['confidence'];
}

export interface FigureBook {
  get(id: string): Figure;
  has(id: string): boolean;
  fact(id: string): Fact;
  derived(id: string): Derived;
  /** An event's label and date, in this locale. */
  event(id: string): { label: string; when: string };
  all(): Figure[];
}

const formulaOf = (words: string, arithmetic: string, t: Translate) => ({ words, arithmetic, text: t('formula.show', { words, arithmetic }) });

export function figureBook(data: SiteData, locale: Locale, t: Translate): FigureBook {
  const derived = derivedFigures(data);
  const cache = new Map<string, Figure>();

  const amountText = (a: Amount, digits: number) => {
    const text = formatAmount(a, locale, t, digits);
    const prose = formatAmount(a, locale, t, digits, true);
    return prose === text ? { text, count: countOf(a) } : { text, prose, count: countOf(a) };
  };

  function build(id: string): Figure {
    const f = data.facts.get(id);
    if (f) {
      return {
        id,
        ...amountText(f, 2),
        // A fact the sources do not date has no date anywhere it is shown.
        ...(f.date ? { when: formatWhen({ date: f.date, until: f.until }, locale, t) } : {}),
        label: localize(f.label, locale),
        sources: f.sources.map((s) => data.sourceById.get(s)!),
        derived: false,
        confidence: f.confidence,
      };
    }
    const d = derived.get(id);
    if (d) {
      const inputs = d.inputs.flatMap((i) => data.facts.get(i)!.sources);
      return {
        id,
        ...amountText(d, d.unit === 'times' ? 1 : 2),
        // Keys made from data ids: a missing one throws when looked up.
        label: t(`derived.${id}.label` as TextKey),
        sources: [...new Set(inputs)].map((s) => data.sourceById.get(s)!),
        formula: formulaOf(t(`derived.${id}.formula` as TextKey), formatSteps(d.steps, locale, t), t),
        derived: true,
      };
    }
    throw new Error(`unknown fact id "${id}" (not in data/ and not a derived figure)`);
  }

  const book: FigureBook = {
    get(id) {
      let figure = cache.get(id);
      if (!figure) cache.set(id, (figure = build(id)));
      return figure;
    },
    has: (id) => data.facts.has(id) || derived.has(id),
    fact(id) {
      const f = data.facts.get(id);
      if (!f) throw new Error(`unknown fact id "${id}"`);
      return f;
    },
    derived(id) {
      const d = derived.get(id);
      if (!d) throw new Error(`unknown derived figure "${id}"`);
      return d;
    },
    event(id) {
      const e = data.events.get(id);
      if (!e) throw new Error(`unknown event id "${id}"`);
      return { label: localize(e.label, locale), when: formatWhen(e, locale, t) };
    },
    all: () => [...data.facts.keys(), ...derived.keys()].map((id) => book.get(id)),
  };
  return book;
}
