/**
 * The claim ledger (data/ledger/*.json): every reader-facing string has a row per language, bound to
 * the exact words that were checked. Changing one word anywhere makes this fail with the string's key
 * and language; the fix is to check the words again and re-bind the row (`npm run ledger -- --check`).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allClaims, ledgerProblems, readLedger, splitSentences, storyClaims, storyLines, textHash, uiClaims, LANGS } from '~/edition/claims.mjs';

const ROOT = process.cwd();
const claims = allClaims(ROOT);
const ledger = readLedger(ROOT);

/** A copy of the claims with one language's string of one key replaced. */
function withText(key: string, lang: 'en' | 'zh' | 'fr', edit: (s: string) => string) {
  const copy = new Map([...claims].map(([k, v]) => [k, { ...v }]));
  copy.get(key)![lang] = edit(copy.get(key)![lang]!);
  return copy;
}

describe('the claim ledger', () => {
  it('has a checked row, with a verdict, for every string in every language, and no row for a string that is gone', () => {
    expect(ledgerProblems(claims, ledger)).toEqual([]);
  });

  it('covers every kind of reader-facing string', () => {
    const kinds = ['story/', 'ui/', 'data/', 'source/'];
    for (const kind of kinds) expect([...claims.keys()].filter((k) => k.startsWith(kind)).length, kind).toBeGreaterThan(20);
    for (const key of ['story/hunan-2#1.2', 'story/handout-hotlines#1.1', 'ui/site.title', 'ui/map.alt', 'ui/share.cardAlt'])
      expect(claims.has(key), key).toBe(true);
    for (const key of [
      'data/hunan.first-arrests.label',
      'data/hunan.first-arrests.figure',
      'data/hunan.discovery.label',
      'data/hunan.unknown-first-arrests.label',
    ])
      expect(claims.has(key), key).toBe(true);
  });

  it('names the key and language of a story sentence changed by one word, and passes again once reverted', () => {
    const key = 'story/hunan-2#1.2';
    const changed = withText(key, 'zh', (s) => s.replace('蹲守', '埋伏'));
    expect(ledgerProblems(changed, ledger)).toEqual([`unchecked: ${key} zh`]);
    expect(
      ledgerProblems(
        withText(key, 'zh', (s) => s),
        ledger,
      ),
    ).toEqual([]);
  });

  it.each([
    ['ui/site.title', 'en', (s: string) => s.replace('sold', 'traded')],
    ['ui/map.notes', 'fr', (s: string) => s.replace('carte', 'Carte')],
    ['data/hunan.first-arrests.label', 'fr', (s: string) => `${s} `.replace(' dont', ' parmi lesquels')],
    ['data/hunan.first-arrests.figure', 'en', (s: string) => s.replace('"value":5', '"value":6')],
    ['source/peoples-daily-2022-07-22.author', 'zh', (s: string) => s.replace('韩', '寒')],
  ] as const)('names %s %s when one word of it changes', (key, lang, edit) => {
    expect(ledgerProblems(withText(key, lang, edit), ledger)).toEqual([`unchecked: ${key} ${lang}`]);
  });

  it("catches a change to any string, in any language, under that string's key and nothing else", () => {
    // Every key, one language at a time, checked against its own ledger row (problems are per key).
    const missed: string[] = [];
    for (const [key, texts] of claims) {
      for (const lang of LANGS) {
        const mutated = new Map([[key, { ...texts, [lang]: `${texts[lang]} x` }]]);
        const problems = ledgerProblems(mutated, { [key]: ledger[key]! });
        if (problems.join() !== `unchecked: ${key} ${lang}`) missed.push(`${key} ${lang}: ${problems.join('; ')}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('fails when the three editions of one key have different verdicts', () => {
    const key = 'story/hunan-2#1.2';
    const split = { ...ledger, [key]: { ...ledger[key], fr: { ...ledger[key]!.fr!, verdict: 'inferred-marked' as const } } };
    expect(ledgerProblems(claims, split)).toEqual([`verdicts differ: ${key} (en supported, zh supported, fr inferred-marked)`]);
  });

  it('fails on a row for a string that no longer exists, and on a derived verdict without its formula', () => {
    const gone = { ...ledger, 'ui/no.such.string': { en: { hash: textHash('x'), verdict: 'no-claim' as const, sources: [], date: '2026-12-07', note: '' } } };
    expect(ledgerProblems(claims, gone)).toEqual(['no such string: ui/no.such.string en (remove the row)']);
    const key = [...claims.keys()].find((k) => ledger[k]?.en?.verdict === 'derived')!;
    const bare = { ...ledger, [key]: { ...ledger[key], en: { ...ledger[key]!.en!, formula: undefined } } };
    expect(ledgerProblems(claims, bare)).toEqual([`derived without a formula: ${key} en`]);
  });

  it('marks supported only what names its sources, and every source it names exists', () => {
    const ids = new Set(JSON.parse(readFileSync(join(ROOT, 'data/sources.json'), 'utf8')).sources.map((s: { id: string }) => s.id));
    for (const [key, row] of Object.entries(ledger)) {
      for (const [lang, check] of Object.entries(row)) {
        for (const s of check!.sources) expect(ids.has(s), `${key} ${lang}: ${s}`).toBe(true);
        if (check!.verdict === 'supported' && !key.startsWith('update/'))
          expect(check!.sources.length, `${key} ${lang} is supported by nothing`).toBeGreaterThan(0);
      }
    }
  });
});

describe('keys', () => {
  it('split sentences as each language ends them, citations staying with their sentence', () => {
    expect(splitSentences('He wanted a plan. An employee came. {{cite:x}}', 'en')).toEqual(['He wanted a plan.', 'An employee came. {{cite:x}}']);
    expect(splitSentences('US$3.87 each. Then 2.5 more.', 'en')).toEqual(['US$3.87 each.', 'Then 2.5 more.']);
    expect(splitSentences('他想用一个便宜的套餐。公司一名员工上门。{{cite:x}}', 'zh')).toEqual(['他想用一个便宜的套餐。', '公司一名员工上门。 {{cite:x}}']);
    expect(splitSentences('**湖南，2023。** 临武县。', 'zh')).toEqual(['**湖南，2023。**', '临武县。']);
    expect(splitSentences('Escroqué\u202f? Cessez de payer.', 'fr')).toEqual(['Escroqué\u202f?', 'Cessez de payer.']);
  });

  it('do not change when a sentence or a block is added elsewhere', () => {
    const stop = { en: '. ', zh: '。', fr: '. ' } as const;
    const line = (l: keyof typeof stop, ...words: string[]) => words.map((w) => `${w}${stop[l].trim()}`).join(l === 'zh' ? '' : ' ');
    const story = (file: (l: keyof typeof stop) => string) => storyClaims(Object.fromEntries(LANGS.map((l) => [l, storyLines(file(l), l, `${l}.md`)])));
    const before = story((l) => `[[a]]\n${line(l, 'One', 'Two')}\n[[b]]\n${line(l, 'Three', 'Four')}`);
    const after = story((l) => `[[new]]\n${line(l, 'New')}\n[[a]]\n${line(l, 'One', 'Two')}\n\n${line(l, 'A new line')}\n[[b]]\n${line(l, 'Three', 'Four')}`);
    expect([...before.keys()]).toEqual(['story/a#1.1', 'story/a#1.2', 'story/b#1.1', 'story/b#1.2']);
    for (const key of before.keys()) expect(after.get(key), key).toEqual(before.get(key));
  });

  it('fall back to the whole line where the languages do not split it alike', () => {
    const editions = {
      en: storyLines('[[a]]\nOne. Two.', 'en', 'en.md'),
      zh: storyLines('[[a]]\n一二。', 'zh', 'zh.md'),
      fr: storyLines('[[a]]\nUn. Deux.', 'fr', 'fr.md'),
    };
    expect([...storyClaims(editions)]).toEqual([['story/a#1', { en: 'One. Two.', zh: '一二。', fr: 'Un. Deux.' }]]);
  });

  it('give a plural UI string one key, its forms together', () => {
    expect([...uiClaims({ a: 'x', b: { one: '{n} hour', other: '{n} hours' } })]).toEqual([
      ['ui/a', 'x'],
      ['ui/b', 'one: {n} hour | other: {n} hours'],
    ]);
  });

  it('bind a check to the words, not to how a line is wrapped', () => {
    expect(textHash('a  b\nc')).toBe(textHash('a b c'));
    expect(textHash('a b c')).not.toBe(textHash('a b d'));
  });
});
