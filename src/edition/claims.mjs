/**
 * The claim ledger's view of the site: every reader-facing string under a stable key, in each
 * language, and the ledger rows that record its check (data/ledger/*.json). Plain JavaScript (typed
 * with JSDoc) so the checker's tool (scripts/ledger.mjs) runs it under Node and the tests import it.
 *
 * Keys, chosen so an edit elsewhere never renames a string:
 * - story/<block>#<line>.<sentence>: a sentence of a [[block]] of src/words/story/<locale>.md, by the
 *   number of its line in the block (a heading, a paragraph, a list item, a key-figure line) and its
 *   place in the line; story/<block>#<line> when the three languages do not divide that line into the
 *   same number of sentences. Blocks are named, so adding a sentence or a block elsewhere changes no
 *   key; a new line inside a block renumbers only the lines after it in that block.
 * - ui/<key>: a UI string of src/words/ui/<locale>.json (a plural string is all its forms together).
 * - data/<record-id>.<field>: a label, note, name, title or measure in data/cases and data/context;
 *   data/<fact-id>.figure and data/<event-id>.date bind a figure (value, unit, qualifier, dates) and an
 *   event's date, the same in every language.
 * - source/<id>.<field>: publisher, author, title and note of data/sources.json.
 * - update/<date>#<n>: the text of an entry of data/updates.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlocks } from './blocks.mjs';

/** @typedef {'en' | 'zh' | 'fr'} Lang */
/** @typedef {'supported' | 'inferred-marked' | 'derived' | 'no-claim'} Verdict */
/**
 * One language's check of a string.
 * @typedef {{ hash: string, verdict: Verdict, formula?: string, sources: string[], date: string, note: string }} Check
 */
/** @typedef {Record<string, Partial<Record<Lang, Check>>>} Ledger */

/** @type {Lang[]} */
export const LANGS = ['en', 'zh', 'fr'];
/** @type {Verdict[]} */
export const VERDICTS = ['supported', 'inferred-marked', 'derived', 'no-claim'];
/** The ledger's files, one per area, each a table of key → language → check. */
export const AREAS = ['story', 'ui', 'data', 'source', 'update'];

/**
 * The hash a check binds to: the string with its white space collapsed (so re-wrapping a line is not
 * a new claim), SHA-256, 12 hex digits.
 * @param {string} text
 */
export function textHash(text) {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
}

const CITES_ONLY = /^(?:\s*\{\{\s*cite:[^}]*\}\})+\s*$/;

/**
 * The sentences of one line of the story, in its language: Chinese ends a sentence at 。！？ (and a
 * closing quote after it); English and French at . ! ? followed by a space and a capital, a digit,
 * a quote or a token. Citations after a full stop stay with the sentence they support.
 * @param {string} line
 * @param {Lang} lang
 * @returns {string[]}
 */
export function splitSentences(line, lang) {
  const parts =
    lang === 'zh'
      ? line.split(/(?<=[。！？][”」』）)\]*_]*)(?![”」』）)\]*_])(?!\s*$)/u)
      : line.split(/(?<=[.!?…][)"”»\]*_]*)[ \u00a0\u202f]+(?=[^\p{Ll}\s])/u);
  /** @type {string[]} */
  const sentences = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    if (CITES_ONLY.test(part) && sentences.length) sentences[sentences.length - 1] += ` ${part}`;
    else sentences.push(part);
  }
  return sentences;
}

/**
 * A story file's blocks as lines (a heading, a paragraph, a list item, a key-figure line), each line
 * as its sentences.
 * @param {string} source
 * @param {Lang} lang
 * @param {string} file
 * @returns {Map<string, string[][]>}
 */
export function storyLines(source, lang, file) {
  return new Map(
    [...parseBlocks(source, file)].map(([block, text]) => [
      block,
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => splitSentences(line, lang)),
    ]),
  );
}

/**
 * The story's strings in every language, by key: story/<block>#<line>.<sentence> where the three
 * editions divide that line into the same number of sentences, else story/<block>#<line> for the
 * whole line (the languages then do not split it alike, so the line is the unit that is the same
 * claim in each).
 * @param {Partial<Record<Lang, Map<string, string[][]>>>} editions
 * @returns {Map<string, Partial<Record<Lang, string>>>}
 */
export function storyClaims(editions) {
  /** @type {Map<string, Partial<Record<Lang, string>>>} */
  const claims = new Map();
  /** @param {string} key @param {Lang} lang @param {string} text */
  const add = (key, lang, text) => claims.set(key, { ...claims.get(key), [lang]: text });
  const blocks = new Set(LANGS.flatMap((l) => [...(editions[l]?.keys() ?? [])]));
  for (const block of blocks) {
    const lines = Math.max(...LANGS.map((l) => editions[l]?.get(block)?.length ?? 0));
    for (let i = 0; i < lines; i++) {
      const sentences = LANGS.map((l) => editions[l]?.get(block)?.[i]);
      const counts = new Set(sentences.map((s) => s?.length));
      LANGS.forEach((lang, j) => {
        const line = sentences[j];
        if (!line) return;
        if (counts.size === 1 && line.length > 1) line.forEach((s, k) => add(`story/${block}#${i + 1}.${k + 1}`, lang, s));
        else add(`story/${block}#${i + 1}`, lang, line.join(' '));
      });
    }
  }
  return claims;
}

/**
 * A UI catalogue's strings, by key: ui/<key>; a plural string is its forms, "one: …" and so on.
 * @param {Record<string, string | Record<string, string>>} strings
 */
export function uiClaims(strings) {
  return new Map(
    Object.entries(strings).map(([key, v]) => [
      `ui/${key}`,
      typeof v === 'string'
        ? v
        : Object.entries(v)
            .map(([form, s]) => `${form}: ${s}`)
            .join(' | '),
    ]),
  );
}

/**
 * A name or text in one language: a plain string reads the same in every language; a missing
 * translation shows the English, as the site does.
 * @param {unknown} v
 * @param {Lang} lang
 * @returns {string | undefined}
 */
function inLang(v, lang) {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  const l = /** @type {Record<string, string>} */ (v);
  return l[lang] ?? l.en;
}

/**
 * Reader-facing strings of data/, by key, in one language.
 * @param {string} root the data/ folder
 * @param {Lang} lang
 */
export function dataClaims(root, lang) {
  /** @type {Map<string, string>} */
  const claims = new Map();
  /** @param {string} key @param {unknown} v */
  const add = (key, v) => {
    const text = inLang(v, lang);
    if (text !== undefined) claims.set(key, text);
  };
  /** @param {string} path */
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
  const files = ['cases', 'context'].flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(root, dir, f))
      : [],
  );
  for (const file of files) {
    const d = read(file);
    add(`data/${d.id}.title`, d.title);
    add(`data/${d.id}.measure`, d.measure);
    for (const f of d.facts ?? []) {
      add(`data/${f.id}.label`, f.label);
      add(`data/${f.id}.note`, f.note);
      const { value, range, unit, qualifier, date, until } = f;
      add(`data/${f.id}.figure`, JSON.stringify({ value, range, unit, qualifier, date, until }));
    }
    for (const e of d.events ?? []) {
      add(`data/${e.id}.label`, e.label);
      add(`data/${e.id}.date`, JSON.stringify({ date: e.date, counts: e.counts }));
    }
    for (const p of d.places ?? []) add(`data/${p.id}.name`, p.name);
    for (const u of d.unknowns ?? []) add(`data/${u.id}.label`, u.label);
  }
  for (const s of read(join(root, 'sources.json')).sources) {
    for (const field of ['publisher', 'author', 'title', 'note']) add(`source/${s.id}.${field}`, s[field]);
  }
  /** @type {Record<string, number>} */
  const perDate = {};
  for (const u of read(join(root, 'updates.json')).updates) {
    const date = u.date.value;
    perDate[date] = (perDate[date] ?? 0) + 1;
    add(`update/${date}#${perDate[date]}`, u.text);
  }
  return claims;
}

/**
 * Every reader-facing string of the project, by key and language.
 * @param {string} root the repository
 * @returns {Map<string, Partial<Record<Lang, string>>>}
 */
export function allClaims(root) {
  /** @type {Map<string, Partial<Record<Lang, string>>>} */
  const all = new Map();
  /** @type {Partial<Record<Lang, Map<string, string[][]>>>} */
  const editions = {};
  for (const lang of LANGS) {
    const file = `src/words/story/${lang}.md`;
    editions[lang] = storyLines(readFileSync(join(root, file), 'utf8'), lang, file);
  }
  for (const [key, texts] of storyClaims(editions)) all.set(key, texts);
  for (const lang of LANGS) {
    const sets = [uiClaims(JSON.parse(readFileSync(join(root, `src/words/ui/${lang}.json`), 'utf8'))), dataClaims(join(root, 'data'), lang)];
    for (const set of sets) for (const [key, text] of set) all.set(key, { ...all.get(key), [lang]: text });
  }
  return all;
}

/** The ledger area a key belongs to: its first path segment. @param {string} key */
export const areaOf = (key) => key.slice(0, key.indexOf('/'));

/**
 * Reads the ledger, every area in one table.
 * @param {string} root
 * @returns {Ledger}
 */
export function readLedger(root) {
  /** @type {Ledger} */
  const ledger = {};
  for (const area of AREAS) {
    const path = join(root, 'data/ledger', `${area}.json`);
    if (existsSync(path)) Object.assign(ledger, JSON.parse(readFileSync(path, 'utf8')));
  }
  return ledger;
}

/**
 * What is wrong between the strings and the ledger, one line per string: a string new or changed
 * since its check ("unchecked: story/hunan-2#3 zh"), a key whose editions have different verdicts, a
 * row for a string that no longer exists, a derived verdict without its formula.
 * @param {Map<string, Partial<Record<Lang, string>>>} claims
 * @param {Ledger} ledger
 * @returns {string[]}
 */
export function ledgerProblems(claims, ledger) {
  /** @type {string[]} */
  const problems = [];
  for (const [key, texts] of claims) {
    for (const lang of LANGS) {
      const text = texts[lang];
      if (text === undefined) {
        problems.push(`missing: ${key} ${lang} (the other editions have this string)`);
        continue;
      }
      const check = ledger[key]?.[lang];
      if (!check || check.hash !== textHash(text)) problems.push(`unchecked: ${key} ${lang}`);
      else if (!VERDICTS.includes(check.verdict)) problems.push(`bad verdict: ${key} ${lang} ("${check.verdict}")`);
      else if (check.verdict === 'derived' && !check.formula) problems.push(`derived without a formula: ${key} ${lang}`);
    }
    const verdicts = new Set(LANGS.map((l) => ledger[key]?.[l]?.verdict).filter(Boolean));
    if (verdicts.size > 1) problems.push(`verdicts differ: ${key} (${LANGS.map((l) => `${l} ${ledger[key]?.[l]?.verdict}`).join(', ')})`);
  }
  for (const [key, row] of Object.entries(ledger)) {
    for (const lang of Object.keys(row)) {
      if (claims.get(key)?.[/** @type {Lang} */ (lang)] === undefined) problems.push(`no such string: ${key} ${lang} (remove the row)`);
    }
  }
  return problems;
}
