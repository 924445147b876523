/**
 * Loads and validates everything in data/. Any problem throws one DataError naming the file, the
 * record and the field, so a bad edit fails the build with a message an editor can act on.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { Dataset, SourcesFile, UpdatesFile, sourceIn, type Fact, type Place, type Source, type SourceRecord, type Event, type Unknown, type Update } from './schema';
import type { Locale } from '../i18n/locale';

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}: record "${record}", field "${field}": ${detail}`);
    this.name = 'DataError';
  }
}

export interface SiteData {
  /** Sources with publisher and title in one language (English from loadData; see inLocale). */
  sources: Source[];
  /** Sources as stored, with every language. */
  sourceRecords: SourceRecord[];
  /** The story's publication and every later update or correction, oldest first (data/updates.json). */
  updates: Update[];
  datasets: Dataset[];
  /** Every fact of every dataset, by id. */
  facts: Map<string, Fact>;
  events: Map<string, Event>;
  places: Map<string, Place>;
  unknowns: Map<string, Unknown>;
  sourceById: Map<string, Source>;
}

export const DATA_DIR = join(process.cwd(), 'data');

function readJson(path: string, root: string): { file: string; json: unknown } {
  const file = relative(root, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new DataError(file, '(file)', '(file)', 'cannot be read');
  }
  try {
    return { file, json: JSON.parse(text) };
  } catch (e) {
    throw new DataError(file, '(file)', '(json)', `malformed JSON: ${(e as Error).message}`);
  }
}

/** Turns zod's first issue into a DataError: the record is the nearest object with an id. */
function parse<T extends z.ZodType>(schema: T, json: unknown, file: string): z.output<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  let node: unknown = json;
  let record = '(file)';
  let recordDepth = 0;
  issue.path.forEach((key, i) => {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && id.trim()) [record, recordDepth] = [id, i + 1];
    else if (typeof key === 'number' && recordDepth <= i) [record, recordDepth] = [`${String(issue.path[i - 1])}[${key}]`, i + 1];
  });
  const field = issue.path.slice(recordDepth).join('.') || '(record)';
  return fail(file, record, field, issue.message);
}

function fail(file: string, record: string, field: string, detail: string): never {
  throw new DataError(file, record, field, detail);
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads data/sources.json, data/cases/*.json and data/context/*.json and checks them together. */
export function loadData(root: string = DATA_DIR): SiteData {
  const sourcesFile = readJson(join(root, 'sources.json'), root);
  const { sources: sourceRecords } = parse(SourcesFile, sourcesFile.json, sourcesFile.file);
  const sources = sourceRecords.map((s) => sourceIn(s, 'en'));

  const sourceById = new Map<string, Source>();
  for (const s of sources) {
    if (sourceById.has(s.id)) fail(sourcesFile.file, s.id, 'id', 'duplicate id');
    sourceById.set(s.id, s);
  }

  const updatesFile = readJson(join(root, 'updates.json'), root);
  const { updates } = parse(UpdatesFile, updatesFile.json, updatesFile.file);

  const datasets: Dataset[] = [];
  const facts = new Map<string, Fact>();
  const events = new Map<string, Event>();
  const places = new Map<string, Place>();
  const unknowns = new Map<string, Unknown>();
  const datasetIds = new Set<string>();
  const firstSeenIn = new Map<string, string>();
  const datasetFiles = [...jsonFiles(join(root, 'cases')), ...jsonFiles(join(root, 'context'))];

  for (const path of datasetFiles) {
    const { file, json } = readJson(path, root);
    const dataset = parse(Dataset, json, file);
    if (datasetIds.has(dataset.id)) fail(file, dataset.id, 'id', 'duplicate dataset id');
    datasetIds.add(dataset.id);

    const collect = <T extends { id: string; sources: string[] }>(records: T[], into: Map<string, T>) => {
      for (const r of records) {
        if (into.has(r.id)) fail(file, r.id, 'id', `duplicate id (also in ${firstSeenIn.get(r.id)})`);
        firstSeenIn.set(r.id, file);
        r.sources.forEach((s, i) => {
          if (!sourceById.has(s)) fail(file, r.id, `sources.${i}`, `unknown source id "${s}" (not in sources.json)`);
        });
        into.set(r.id, r);
      }
    };
    collect(dataset.facts, facts);
    collect(dataset.events, events);
    collect(dataset.places, places);
    collect(dataset.unknowns, unknowns);
    datasets.push(dataset);
  }

  // References between records, checked once every file is in.
  for (const [i, path] of datasetFiles.entries()) {
    const file = relative(root, path);
    const dataset = datasets[i]!; // still in file order here
    for (const e of dataset.events) {
      e.counts.forEach((c, j) => {
        if (!facts.has(c.fact)) fail(file, e.id, `counts.${j}.fact`, `unknown fact id "${c.fact}"`);
      });
    }
    for (const p of dataset.places) {
      if (p.within && !places.has(p.within)) fail(file, p.id, 'within', `unknown place id "${p.within}"`);
    }
    if (dataset.kind === 'series') {
      const units = new Set(dataset.facts.map((f) => f.unit));
      if (units.size > 1) fail(file, dataset.id, 'facts', `a series mixes units (${[...units].join(', ')})`);
      if (!dataset.measure) fail(file, dataset.id, 'measure', 'a series needs a measure');
      for (const f of dataset.facts) if (!f.date) fail(file, f.id, 'date', 'a figure in a series needs its date');
    }
  }

  // Cases and series in the order they begin, so every list and lane reads chronologically.
  const begins = (d: Dataset) => [...d.events, ...d.facts].flatMap((r) => (r.date ? [r.date.value] : [])).sort()[0] ?? '';
  datasets.sort((a, b) => begins(a).localeCompare(begins(b)));
  updates.forEach((u, i) =>
    u.facts.forEach((id, j) => {
      if (!facts.has(id)) fail(updatesFile.file, `updates[${i}]`, `facts.${j}`, `unknown fact id "${id}"`);
    }),
  );
  return { sources, sourceRecords, updates, datasets, facts, events, places, unknowns, sourceById };
}

/** The same data with every source's publisher and title in one language, for one edition. */
export function inLocale(data: SiteData, locale: Locale): SiteData {
  const sources = data.sourceRecords.map((s) => sourceIn(s, locale));
  return { ...data, sources, sourceById: new Map(sources.map((s) => [s.id, s])) };
}

let cached: SiteData | undefined;
/** The site's data, loaded once per build. */
export function siteData(): SiteData {
  return (cached ??= loadData());
}
