/**
 * Property-based tests of the data validators (src/data/schema.ts): valid records always pass,
 * hostile ones fail with an issue on the field that was broken, and nothing ever throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateRef, Fact, Source, UNITS } from '~/data/schema';

const RUNS = { numRuns: 200 };
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in a month, by the calendar rule (independent of Date, which the schema uses). */
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** Values a careless or hostile edit could put anywhere. */
const hostile = fc.oneof(
  fc.constantFrom(null, undefined, '', '   ', -1, -0.5, 0, 1e308, Number.NaN, Infinity, -Infinity, true, [], {}, '__proto__', 'constructor', '2021-02-30'),
  fc.string(),
  fc.double(),
  fc.jsonValue(),
);

/** A calendar date between 1000 and 9999, at a random precision, as the data writes it. */
const dateRef = fc
  .record({
    y: fc.integer({ min: 1000, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('day', 'month', 'year') as fc.Arbitrary<'day' | 'month' | 'year'>,
    part: fc.option(fc.constantFrom('early', 'mid', 'late') as fc.Arbitrary<'early' | 'mid' | 'late'>, { nil: undefined }),
    inferred: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ y, m, d, precision, part, inferred }) => {
    const day = Math.min(d, daysIn(y, m));
    const value = precision === 'day' ? `${y}-${pad(m)}-${pad(day)}` : precision === 'month' ? `${y}-${pad(m)}` : String(y);
    return {
      value,
      precision,
      ...(part && precision !== 'day' ? { part } : {}),
      ...(inferred !== undefined ? { inferred } : {}),
    };
  });

const id = fc.stringMatching(/^[a-z0-9]{1,8}(?:[.-][a-z0-9]{1,8}){0,3}$/);
const text = fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0);
const localized = fc.record({ en: text, zh: text, fr: text }, { requiredKeys: ['en'] });
const amount = fc.double({ min: 0, max: 1e12, noNaN: true });

const fact = fc
  .record(
    {
      id,
      label: localized,
      unit: fc.constantFrom(...UNITS),
      qualifier: fc.constantFrom('over', 'more-than', 'about', 'nearly'),
      date: dateRef,
      until: dateRef,
      sources: fc.array(id, { minLength: 1, maxLength: 3 }),
      confidence: fc.constantFrom('high', 'medium-high', 'medium', 'low'),
      note: localized,
      figure: fc.oneof(
        amount.map((value) => ({ value })),
        fc.tuple(amount, amount).map(([a, b]) => ({ range: { min: Math.min(a, b), max: Math.max(a, b) } })),
      ),
    },
    { requiredKeys: ['id', 'label', 'unit', 'date', 'sources', 'confidence', 'figure'] },
  )
  .map(({ figure, ...rest }) => ({ ...rest, ...figure }));

const httpUrl = fc.webUrl({ validSchemes: ['http', 'https'] });
const source = fc
  .record(
    {
      id,
      publisher: text,
      author: text,
      title: text,
      url: httpUrl,
      language: fc.constantFrom('en', 'zh', 'fr'),
      published: dateRef,
      kind: fc.constantFrom('original-report', 'rewrite', 'official-statistics', 'mirror', 'law', 'reference'),
      retrievedFrom: httpUrl,
      note: text,
    },
    { requiredKeys: ['id', 'publisher', 'title', 'language', 'published', 'kind'] },
  )
  .map((s) => (s.kind === 'mirror' && !s.retrievedFrom ? { ...s, retrievedFrom: 'https://example.com/mirror' } : s));

/** Sets (or adds) one key to a value; `undefined` removes it. */
function withField<T extends object>(record: T, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  if (value === undefined) delete copy[key];
  else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The first-level fields the schema's issues blame (unrecognised keys count as their key). */
function blamed(issues: readonly { path: PropertyKey[]; code: string; keys?: string[] }[]): string[] {
  return issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? (i.keys ?? []) : [String(i.path[0] ?? '(record)')]));
}

/*
 * What a field could hold, judged without the schema (so a validator that accepted everything would
 * be caught): a hostile value outside this must be rejected. Loose on purpose: a value inside may still
 * fail (a date object that is not a date, value and range together), which the schema decides.
 */
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === 'string' && /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(v);
const isOneOf = (list: readonly unknown[]) => (v: unknown) => list.includes(v);
const isHttpUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^/]/.test(v);
const FACT_FIELDS: Record<string, (v: unknown) => boolean> = {
  id: isId,
  label: isPlainObject,
  value: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  range: isPlainObject,
  unit: isOneOf(UNITS),
  qualifier: isOneOf(['over', 'more-than', 'about', 'nearly']),
  date: isPlainObject,
  until: isPlainObject,
  sources: (v) => Array.isArray(v) && v.length > 0 && v.every(isId),
  confidence: isOneOf(['high', 'medium-high', 'medium', 'low']),
  note: isPlainObject,
};
const SOURCE_FIELDS: Record<string, (v: unknown) => boolean> = {
  id: isId,
  publisher: isText,
  author: isText,
  title: isText,
  url: isHttpUrl,
  language: isOneOf(['en', 'zh', 'fr']),
  published: isPlainObject,
  kind: isOneOf(['original-report', 'rewrite', 'official-statistics', 'mirror', 'law', 'reference']),
  retrievedFrom: isHttpUrl,
  note: isText,
};

/** Could `record` with `key` set to `value` (removed when undefined) pass, by the field rules above? */
function couldPass(fields: Record<string, (v: unknown) => boolean>, required: readonly string[], key: string, value: unknown): boolean {
  if (value === undefined) return !required.includes(key);
  return Object.hasOwn(fields, key) && fields[key]!(value);
}

describe('DateRef', () => {
  it('accepts every calendar date from 1000 to 9999 at its precision, and keeps it as written', () => {
    fc.assert(
      fc.property(dateRef, (d) => {
        const r = DateRef.safeParse(d);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
        expect(r.data).toEqual(d);
      }),
      RUNS,
    );
  });

  it('accepts a day-precise date exactly when it is on the calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const r = DateRef.safeParse({ value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' });
        const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
        expect(r.success).toBe(real);
        if (!r.success) expect(r.error.issues[0]?.path).toEqual(['value']);
      }),
      RUNS,
    );
  });

  it('rejects a value written at another precision, on "value", saying which', () => {
    fc.assert(
      fc.property(dateRef, fc.constantFrom('day', 'month', 'year'), (d, precision) => {
        fc.pre(precision !== d.precision);
        const r = DateRef.safeParse({ value: d.value, precision });
        expect(r.success).toBe(false);
        expect(r.error?.issues[0]?.path).toEqual(['value']);
        expect(r.error?.issues[0]?.message).toContain(`precision says ${precision}`);
      }),
      RUNS,
    );
  });

  it('rejects early/mid/late on a day-precise date, on "part"', () => {
    fc.assert(
      fc.property(dateRef, fc.constantFrom('early', 'mid', 'late'), (d, part) => {
        fc.pre(d.precision === 'day');
        const r = DateRef.safeParse({ ...d, part });
        expect(r.success).toBe(false);
        expect(blamed(r.error!.issues)).toContain('part');
      }),
      RUNS,
    );
  });

  it('never throws, whatever it is given; what passes matches its precision', () => {
    const anyDate = fc.oneof(
      fc.anything(),
      fc.record(
        { value: fc.oneof(fc.string(), hostile), precision: fc.oneof(fc.constantFrom('day', 'month', 'year'), hostile), part: hostile },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(anyDate, (d) => {
        const r = DateRef.safeParse(d);
        if (r.success) expect(r.data.value).toMatch({ day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }[r.data.precision]);
      }),
      RUNS,
    );
  });
});

describe('Fact', () => {
  it('accepts every well-formed fact', () => {
    fc.assert(
      fc.property(fact, (f) => {
        const r = Fact.safeParse(f);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a hostile value in one field fails on that field (never a throw)', () => {
    const keys = ['id', 'label', 'value', 'range', 'unit', 'qualifier', 'date', 'until', 'sources', 'confidence', 'note', 'extra', '__proto__', 'constructor'];
    fc.assert(
      fc.property(fact, fc.constantFrom(...keys), hostile, (f, key, value) => {
        const r = Fact.safeParse(withField(f, key, value));
        // The figure is whichever of value and range the fact has: removing it leaves none. A fact's date is
        // optional (an undated fact carries none).
        const required = ['id', 'label', 'unit', 'sources', 'confidence', 'value' in f ? 'value' : 'range'];
        if (r.success) {
          expect(couldPass(FACT_FIELDS, required, key, value), `accepted ${key}: ${JSON.stringify(value)}`).toBe(true);
          return;
        }
        const fields = blamed(r.error.issues);
        // Removing or breaking value/range is reported on "value" ("give exactly one of value or range").
        const expected = key === 'range' ? ['range', 'value'] : [key];
        expect(
          fields.some((field) => expected.includes(field)),
          `broke "${key}", issues blame ${fields.join(', ')}`,
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('rejects negative and non-finite amounts, on the amount', () => {
    const bad = fc.oneof(fc.double({ max: -Number.MIN_VALUE, noNaN: true }), fc.constantFrom(Number.NaN, Infinity, -Infinity));
    fc.assert(
      fc.property(fact, bad, (f, n) => {
        const broken = 'range' in f && f.range ? { ...f, range: { min: n, max: f.range.max } } : { ...f, value: n };
        const r = Fact.safeParse(broken);
        expect(r.success).toBe(false);
        expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('range' in broken ? 'range.min' : 'value');
      }),
      RUNS,
    );
  });

  it('rejects a range whose min is above its max, on "range.min"', () => {
    fc.assert(
      fc.property(fact, amount, amount, (f, a, b) => {
        fc.pre(a !== b);
        const { value: _value, ...rest } = f as { value?: number };
        const r = Fact.safeParse({ ...rest, range: { min: Math.max(a, b), max: Math.min(a, b) } });
        expect(r.success).toBe(false);
        expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('range.min');
      }),
      RUNS,
    );
  });
});

describe('Source', () => {
  it('accepts every well-formed source', () => {
    fc.assert(
      fc.property(source, (s) => {
        const r = Source.safeParse(s);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      }),
      RUNS,
    );
  });

  it('only takes http(s) URLs', () => {
    const other = fc.oneof(
      fc.constantFrom(
        'javascript:alert(1)',
        'data:text/html,<b>x</b>',
        'ftp://example.com/x',
        'mailto:a@example.com',
        'file:///etc/passwd',
        '//example.com/x',
        '/relative',
        'example.com',
        '',
      ),
      fc.webUrl({ validSchemes: ['ftp', 'ws', 'file'] }),
    );
    fc.assert(
      fc.property(source, fc.constantFrom('url', 'retrievedFrom'), other, (s, key, url) => {
        const r = Source.safeParse({ ...s, [key]: url });
        expect(r.success, `${key}: ${url}`).toBe(false);
        expect(blamed(r.error!.issues)).toContain(key);
      }),
      RUNS,
    );
  });

  it('a mirror without retrievedFrom fails on "retrievedFrom"', () => {
    fc.assert(
      fc.property(source, (s) => {
        const { retrievedFrom: _r, ...rest } = s;
        const r = Source.safeParse({ ...rest, kind: 'mirror' });
        expect(r.success).toBe(false);
        expect(blamed(r.error!.issues)).toContain('retrievedFrom');
      }),
      RUNS,
    );
  });

  it('a hostile value in one field fails on that field (never a throw)', () => {
    const keys = ['id', 'publisher', 'author', 'title', 'url', 'language', 'published', 'kind', 'retrievedFrom', 'note', 'extra', '__proto__'];
    fc.assert(
      fc.property(source, fc.constantFrom(...keys), hostile, (s, key, value) => {
        const r = Source.safeParse(withField(s, key, value));
        const required = ['id', 'publisher', 'title', 'language', 'published', 'kind', ...(s.kind === 'mirror' ? ['retrievedFrom'] : [])];
        if (r.success) {
          expect(couldPass(SOURCE_FIELDS, required, key, value), `accepted ${key}: ${JSON.stringify(value)}`).toBe(true);
          return;
        }
        const fields = blamed(r.error.issues);
        // Changing kind to "mirror" (or dropping retrievedFrom from a mirror) is blamed on retrievedFrom.
        const expected = key === 'kind' || key === 'retrievedFrom' ? ['kind', 'retrievedFrom'] : [key];
        expect(
          fields.some((field) => expected.includes(field)),
          `broke "${key}", issues blame ${fields.join(', ')}`,
        ).toBe(true);
      }),
      RUNS,
    );
  });
});
