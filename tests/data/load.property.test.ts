/**
 * Property: whatever an editor does to data/, loadData either loads it or throws one DataError whose
 * message names the file, the record and the field. Never a TypeError, never a crash.
 * Each run rewrites a temporary copy of data/ (the JSON loadData reads) with 1 to 3 random edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DATA_DIR, DataError, loadData } from '~/data/load';

/** The files loadData reads, relative to data/, with their parsed JSON. */
const FILES: string[] = [
  'sources.json',
  'updates.json',
  ...['cases', 'context'].flatMap((dir) =>
    readdirSync(join(DATA_DIR, dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => `${dir}/${f}`),
  ),
];
const ORIGINAL: Record<string, unknown> = Object.fromEntries(FILES.map((f) => [f, JSON.parse(readFileSync(join(DATA_DIR, f), 'utf8'))]));

type Path = (string | number)[];
/** Every path to a node in a JSON tree (root included). */
function paths(node: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(node)) return here.concat(node.flatMap((v, i) => paths(v, [...at, i])));
  if (node && typeof node === 'object') return here.concat(Object.entries(node).flatMap(([k, v]) => paths(v, [...at, k])));
  return here;
}
const PATHS: Record<string, Path[]> = Object.fromEntries(FILES.map((f) => [f, paths(ORIGINAL[f])]));
const IDS = [...new Set(FILES.flatMap((f) => JSON.stringify(ORIGINAL[f]).match(/"id":"[^"]+"/g) ?? []).map((m) => m.slice(6, -1)))];

const get = (root: unknown, path: Path): unknown => path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)?.[k], root);
/** Own-property assignment (so "__proto__" becomes a key, as JSON.parse would make it). */
const put = (obj: object, key: string | number, value: unknown) =>
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });

const hostile = fc.oneof(
  fc.constantFrom(
    null,
    '',
    '  ',
    -1,
    0,
    1e308,
    -1e308,
    true,
    false,
    [],
    {},
    '__proto__',
    'constructor',
    'toString',
    '2021-02-30',
    '2021-13',
    'x'.repeat(10_000),
  ),
  fc.constantFrom(...IDS),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
);
const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'id', 'value', 'extra', ''), fc.string({ maxLength: 8 }));

type Edit =
  | { op: 'set'; file: string; path: Path; value: unknown }
  | { op: 'delete'; file: string; path: Path }
  | { op: 'add-key'; file: string; path: Path; key: string; value: unknown }
  | { op: 'duplicate'; file: string; path: Path }
  | { op: 'text'; file: string; how: 'truncate' | 'garbage' | 'empty' | 'missing'; at: number; garbage: string };

const edit: fc.Arbitrary<Edit> = fc.constantFrom(...FILES).chain((file) => {
  const path = fc.constantFrom(...PATHS[file]!);
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), file: fc.constant(file), path, value: hostile }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), file: fc.constant(file), path }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('add-key' as const), file: fc.constant(file), path, key, value: hostile }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), file: fc.constant(file), path }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('text' as const),
        file: fc.constant(file),
        how: fc.constantFrom('truncate', 'garbage', 'empty', 'missing') as fc.Arbitrary<'truncate' | 'garbage' | 'empty' | 'missing'>,
        at: fc.nat(),
        garbage: fc.string(),
      }),
    },
  );
});

/** Applies the edits to fresh copies of the JSON; returns file -> text (null = delete the file). */
function apply(edits: Edit[]): Record<string, string | null> {
  const json: Record<string, unknown> = structuredClone(ORIGINAL);
  const raw: Record<string, string | null> = {};
  for (const e of edits) {
    if (e.op === 'text') {
      const text = JSON.stringify(json[e.file], null, 2);
      raw[e.file] =
        e.how === 'truncate'
          ? text.slice(0, e.at % text.length)
          : e.how === 'garbage'
            ? `${text.slice(0, e.at % text.length)}${e.garbage}`
            : e.how === 'empty'
              ? ''
              : null;
      continue;
    }
    if (e.path.length === 0) {
      if (e.op === 'set') json[e.file] = e.value;
      continue;
    }
    const parent = get(json[e.file], e.path.slice(0, -1));
    const last = e.path[e.path.length - 1]!;
    if (!parent || typeof parent !== 'object') continue; // an earlier edit replaced this branch
    if (e.op === 'set') put(parent, last, e.value);
    else if (e.op === 'delete') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete (parent as Record<string, unknown>)[last];
    } else if (e.op === 'add-key') {
      const target = get(json[e.file], e.path);
      if (target && typeof target === 'object' && !Array.isArray(target)) put(target, e.key, e.value);
    } else if (e.op === 'duplicate') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 0, structuredClone(parent[last]));
    }
  }
  for (const f of FILES) if (!(f in raw)) raw[f] = JSON.stringify(json[f], null, 2);
  return raw;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sold-numbers-data-prop-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function writeCopy(files: Record<string, string | null>) {
  rmSync(dir, { recursive: true, force: true });
  for (const [f, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
}

const MESSAGE = /^(.+?): record "(.+)", field "(.+)": (.+)$/s;

describe('loadData under random hostile edits', () => {
  it('the unedited copy loads', () => {
    writeCopy(apply([]));
    expect(() => loadData(dir)).not.toThrow();
  });

  it('loads, or throws a DataError naming file, record and field (never a crash)', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        writeCopy(apply(edits));
        try {
          loadData(dir);
        } catch (e) {
          if (!(e instanceof DataError)) {
            throw new Error(`loadData crashed with ${(e as Error)?.name}: ${(e as Error)?.message} (not a DataError)`, { cause: e });
          }
          expect(e.message, `DataError message should read 'file: record "…", field "…": detail'`).toMatch(MESSAGE);
          expect(FILES, `DataError names a file loadData reads: "${e.file}"`).toContain(e.file);
          expect(e.field.trim(), 'field').not.toBe('');
          expect(e.detail.trim(), 'detail').not.toBe('');
          expect(e.record.trim(), 'record').not.toBe('');
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000); // ~1 s alone; headroom for a loaded machine

  // Found by the property above: parse() in src/data/load.ts named the record after the nearest `id`
  // that was a string, even a blank one, so emptying an id reported `record "", field "id"` instead
  // of pointing at the record (e.g. `facts[2]`). Fixed in src since; this keeps it deterministic.
  it('names the record even when its id was blanked', () => {
    const records = FILES.flatMap((file) =>
      PATHS[file]!.filter((p) => p.length === 2 && typeof p[1] === 'number' && typeof (get(ORIGINAL[file], p) as { id?: unknown })?.id === 'string').map(
        (p) => ({ file, path: [...p, 'id'] }),
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...records), fc.constantFrom('', ' ', '   ', '\t'), ({ file, path }, blank) => {
        writeCopy(apply([{ op: 'set', file, path, value: blank }]));
        let error: unknown;
        try {
          loadData(dir);
        } catch (e) {
          error = e;
        }
        expect(error, `blank id at ${file} ${path.join('.')} should be rejected`).toBeInstanceOf(DataError);
        const e = error as DataError;
        expect(e.record.trim(), `record named in "${e.message}"`).not.toBe('');
      }),
      { numRuns: 50 },
    );
  });
});
