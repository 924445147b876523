/**
 * Figures we compute rather than store. Each comes with the arithmetic that produced it, so the site
 * can print the formula beside the value and a correction to a stored fact flows through everywhere.
 */
import type { SiteData } from './load';
import type { Fact } from './schema';

export type Operation = 'divide' | 'subtract' | 'multiply';

/** One computed number: `a op b = result`, with the operands as stored; `exact` is false when the result is rounded (printed with ≈). */
export interface Step {
  op: Operation;
  a: number;
  b: number;
  result: number;
  exact: boolean;
}

export interface Derived {
  id: string;
  value?: number;
  range?: { min: number; max: number };
  unit: 'times' | 'yuan' | 'usd' | 'provinces';
  qualifier?: Fact['qualifier'];
  /** Fact ids the value is computed from. */
  inputs: string[];
  steps: Step[];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function apply(op: Operation, a: number, b: number, digits: number): Step {
  const raw = op === 'divide' ? a / b : op === 'subtract' ? a - b : a * b;
  const result = round(raw, digits);
  return { op, a, b, result, exact: Math.abs(result - raw) < 1e-9 };
}

function fact(data: SiteData, id: string): Fact {
  const f = data.facts.get(id);
  if (!f) throw new Error(`derived figure needs fact "${id}", which is not in data/`);
  return f;
}

function single(f: Fact): number {
  if (f.value === undefined) throw new Error(`fact "${f.id}" must be a single value here, not a range`);
  return f.value;
}

/** A range fact stays a range; a single value is a range of one. */
function bounds(f: Fact): [number, number] {
  return f.range ? [f.range.min, f.range.max] : [single(f), single(f)];
}

/** Applies `op` to each end of a range (or to one value) and keeps the result's shape. */
function fromRange(id: string, unit: Derived['unit'], input: Fact, op: Operation, b: number, digits: number, inputs: string[]): Derived {
  const [lo, hi] = bounds(input);
  const steps = lo === hi ? [apply(op, lo, b, digits)] : [apply(op, lo, b, digits), apply(op, hi, b, digits)];
  const results = steps.map((s) => s.result);
  return steps.length === 1
    ? { id, unit, value: results[0]!, inputs, steps }
    : { id, unit, range: { min: Math.min(...results), max: Math.max(...results) }, inputs, steps };
}

/** Shanghai: resale price ÷ first sale price (80/25 to 145/25). */
export function markup(data: SiteData): Derived {
  const first = fact(data, 'shanghai.price-first-sale');
  const resale = fact(data, 'shanghai.price-resale');
  return fromRange('shanghai.markup', 'times', resale, 'divide', single(first), 1, [resale.id, first.id]);
}

/** Shanghai: the second group's gross margin per account, resale price − first sale price. */
export function secondTierMargin(data: SiteData): Derived {
  const first = fact(data, 'shanghai.price-first-sale');
  const resale = fact(data, 'shanghai.price-resale');
  return fromRange('shanghai.margin', 'yuan', resale, 'subtract', single(first), 2, [resale.id, first.id]);
}

/** Shanghai: resale prices in US$ at the rate implied by the source's own conversion (25 yuan = US$3.87). */
export function resaleInUsd(data: SiteData): Derived {
  const yuan = fact(data, 'shanghai.price-first-sale');
  const usd = fact(data, 'shanghai.price-first-sale-usd');
  const resale = fact(data, 'shanghai.price-resale');
  const rate = single(usd) / single(yuan);
  return fromRange('shanghai.price-resale-usd', 'usd', resale, 'multiply', rate, 2, [resale.id, usd.id, yuan.id]);
}

/** Provinces a source names as part of the Hunan network (places with `network: true`). */
export function networkProvinces(data: SiteData) {
  return [...data.places.values()].filter((p) => p.kind === 'province' && p.network);
}

/** Hunan: provinces in the network that no source names (the count minus the named ones). */
export function unnamedProvinces(data: SiteData): Derived {
  const total = fact(data, 'hunan.provinces');
  const step = apply('subtract', single(total), networkProvinces(data).length, 0);
  return { id: 'hunan.unnamed-provinces', unit: 'provinces', value: step.result, inputs: [total.id], steps: [step] };
}

/** National: prosecutions for aiding information-network crime, last calendar year on record ÷ first. */
export function aidingProsecutionGrowth(data: SiteData): Derived {
  const series = data.datasets.find((d) => d.id === 'spp-aiding-prosecutions');
  if (!series) throw new Error('derived figure needs dataset "spp-aiding-prosecutions"');
  const years = series.facts.filter((f) => f.date?.precision === 'year' && !f.until).sort((a, b) => a.date!.value.localeCompare(b.date!.value));
  const first = years[0];
  const last = years.at(-1);
  if (!first || !last || first === last) throw new Error('spp-aiding-prosecutions needs two calendar years');
  const step = apply('divide', single(last), single(first), 2);
  // The last year is itself rounded (147,000), so "about 1,073 times" would claim false precision:
  // round the quotient down to one significant figure and say "more than" (a thousandfold), as the
  // formula's words say, with the arithmetic beside it.
  const value = floorToLeadingDigit(single(last) / single(first));
  const qualifier = value < step.result ? ('more-than' as const) : undefined;
  return { id: 'spp.aiding-growth', unit: 'times', value, ...(qualifier ? { qualifier } : {}), inputs: [last.id, first.id], steps: [step] };
}

/** Rounds down to one significant figure: 1,072.99 → 1,000; 5.8 → 5. */
export function floorToLeadingDigit(n: number): number {
  if (n <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  return Math.floor(n / magnitude) * magnitude;
}

/** Every derived figure the site shows, by id. */
export function derivedFigures(data: SiteData): Map<string, Derived> {
  const all = [markup, secondTierMargin, resaleInUsd, unnamedProvinces, aidingProsecutionGrowth].map((f) => f(data));
  return new Map(all.map((d) => [d.id, d]));
}
