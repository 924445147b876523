/**
 * Newspaper typography in the source strings: French spacing and apostrophes, Chinese full-width
 * punctuation and no thousands commas. Checks src/i18n, src/words/story and every label in data/, so a
 * slip fails here, before the built pages (tests/build/typography.test.ts) are even looked at.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinesePunctuationSlips, endsWithElision, frenchRangeSlips, frenchTypography, joinSentences, markChineseRuns, typeset } from '~/i18n/typography';
import { buildEdition } from '~/edition/edition';
import { wrapLines } from '~/charts/shared/frame';
import { loadData } from '~/data/load';
import { parseBlocks } from '~/edition/story';
import { catalogues, translator, forms } from '~/i18n/translate';
import type { Locale } from '~/i18n/locale';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ; ! ? and a no-break space before : and inside « »', () => {
    expect(frenchTypography('Source : x ; y ! z ?')).toBe(`Source${NBSP}: x${NNBSP}; y${NNBSP}! z${NNBSP}?`);
    expect(frenchTypography('Source: x')).toBe(`Source${NBSP}: x`);
    expect(frenchTypography('un « port mobile » ici')).toBe(`un «${NBSP}port mobile${NBSP}» ici`);
    expect(frenchTypography('«mot»')).toBe(`«${NBSP}mot${NBSP}»`);
  });

  it('uses the typographic apostrophe', () => {
    expect(frenchTypography("l'article d'aujourd'hui")).toBe('l’article d’aujourd’hui');
  });

  it('leaves addresses, times, entities and tokens alone', () => {
    for (const s of ['https://a.example/c?x=1&y=2', '10:30', 'a &amp; b', '{{cite:shine-2021-09-07}}', '{{hunan.arrested|when}}']) {
      expect(frenchTypography(s)).toBe(s);
    }
  });

  it('is idempotent', () => {
    const once = frenchTypography("Victime d'une escroquerie ? Appelez le 110 : vite ; « tout de suite » !");
    expect(frenchTypography(once)).toBe(once);
  });

  it('only applies to French', () => {
    expect(typeset('Source: x', 'en')).toBe('Source: x');
    expect(typeset('来源：x', 'zh')).toBe('来源：x');
  });

  it('reaches composed UI strings: a template filled with data gets French spacing too', () => {
    const t = translator('fr', { 'label.value': '{label}: {value}' });
    expect(t('label.value', { label: 'Date', value: '« deux cartes »' })).toBe(`Date${NBSP}: «${NBSP}deux cartes${NBSP}»`);
  });
});

/** Every string a locale's edition shows from the source files: UI strings, story blocks, data labels. */
function strings(locale: Locale): [string, string][] {
  const out: [string, string][] = Object.entries(catalogues[locale]!).flatMap(([k, v]) =>
    forms(v).map((f): [string, string] => [`src/words/ui/${locale}.json: ${k}`, f]),
  );
  const file = `src/words/story/${locale}.md`;
  for (const [id, text] of parseBlocks(readFileSync(join(process.cwd(), file), 'utf8'), file)) {
    // Tokens stand for a word (a figure, a date, a link), which is formatted and checked elsewhere.
    out.push([`${file}: [[${id}]]`, text.replace(/\{\{[^}]*\}\}/g, 'X')]);
  }
  const data = loadData();
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === locale && typeof v === 'string') out.push([`data ${where}`, v]);
        else walk(v, `${where}.${k}`);
      }
    }
  };
  walk(data.datasets, 'datasets');
  walk(data.sourceRecords, 'sources');
  walk(data.updates, 'updates');
  return out;
}

describe('French source strings', () => {
  const all = strings('fr');

  it('are already typeset: no space-less or plain-spaced ; : ! ? « », no straight apostrophe', () => {
    const bad = all.filter(([, s]) => frenchTypography(s) !== s).map(([where, s]) => `${where}: ${s}`);
    expect(bad).toEqual([]);
  });

  it('has strings to check (the walk found the data labels)', () => {
    expect(all.filter(([w]) => w.startsWith('data')).length).toBeGreaterThan(50);
  });
});

describe('Chinese source strings', () => {
  const all = strings('zh');
  // ASCII punctuation touching a Chinese character: Chinese text uses the full-width forms.
  const HALF_WIDTH = /\p{Script=Han}[,;:!?()]|[,;:!?()]\p{Script=Han}/u;

  it('use full-width punctuation next to Chinese characters', () => {
    const bad = all.filter(([, s]) => HALF_WIDTH.test(s)).map(([where, s]) => `${where}: ${s}`);
    expect(bad).toEqual([]);
  });

  it('never group digits with a comma', () => {
    const bad = all.filter(([, s]) => /\d,\d{3}/.test(s)).map(([where, s]) => `${where}: ${s}`);
    expect(bad).toEqual([]);
  });

  it('say 两地, not 2处地点', () => {
    expect(all.filter(([, s]) => /处地点/.test(s))).toEqual([]);
  });

  it('detects what it forbids', () => {
    expect(HALF_WIDTH.test('来源:新华社')).toBe(true);
    expect(HALF_WIDTH.test('来源：新华社')).toBe(false);
  });
});

describe('joinSentences', () => {
  it('joins Latin sentences with ". " and Chinese ones with 。, never ". " after Chinese', () => {
    expect(joinSentences(['Employees sell each account', '25 yuan'])).toBe('Employees sell each account. 25 yuan');
    expect(joinSentences(['2021年5月', '外冈镇'])).toBe('2021年5月。外冈镇');
    expect(joinSentences(['已供认。', '外冈镇'])).toBe('已供认。外冈镇');
    expect(joinSentences(['Done.', 'Next'])).toBe('Done. Next');
  });
});

describe('Chinese punctuation', () => {
  it('flags half-width punctuation and stray spaces beside Chinese, and passes clean text', () => {
    expect(chinesePunctuationSlips('新华社 . ［公安部发布数据］')).toHaveLength(2);
    expect(chinesePunctuationSlips('来源:新华社')).toHaveLength(1);
    expect(chinesePunctuationSlips('新华社 。')).toHaveLength(1);
    expect(chinesePunctuationSlips('新华社。［公安部发布数据］。官方统计，中文，发表于2021年4月9日。')).toEqual([]);
    expect(chinesePunctuationSlips('14.7万人，QQ或微信，US$3.87')).toEqual([]);
  });

  it('holds in every Chinese string of the edition: UI strings, story, data labels', () => {
    const bad = strings('zh').flatMap(([where, s]) => chinesePunctuationSlips(s).map((slip) => `${where}: ${slip}`));
    expect(bad).toEqual([]);
  });

  it('holds in the Chinese source list, entry by entry as the page sets it', () => {
    const zh = buildEdition('zh');
    const stop = zh.t('source.stop');
    const entries = zh.sources.map((s) => `${s.byline}${stop}${s.title}${stop}${s.about}${zh.t('source.end')}${s.note ?? ''}`);
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.flatMap((e) => chinesePunctuationSlips(e).map((slip) => `${e}: ${slip}`))).toEqual([]);
    // The People's Daily byline as published: 本报记者 韩鑫.
    expect(entries.find((e) => e.startsWith('人民日报'))).toMatch(/^人民日报，韩鑫。/);
  });
});

describe('French elision', () => {
  it('knows an elided word at the end of a line', () => {
    expect(endsWithElision('la police de l’')).toBe(true);
    expect(endsWithElision('jusqu’')).toBe(true);
    expect(endsWithElision('l’escroc')).toBe(false);
    expect(endsWithElision('aujourd’hui')).toBe(false);
  });

  it('never leaves an elided word at the end of a line of a download, at any width', () => {
    const fr = buildEdition('fr');
    const labels = [
      ...strings('fr').map(([, s]) => s.replace(/\{[^}]*\}/g, 'X')),
      ...fr.book.all().flatMap((f) => [f.label, f.text]),
      ...fr.charts.map((c) => c.model.meta.alt),
    ];
    const split: string[] = [];
    for (const label of labels)
      for (const width of [60, 90, 140, 200, 320])
        for (const line of wrapLines(label, width, 14).slice(0, -1)) if (endsWithElision(line)) split.push(`${width}px: ${line} | ${label}`);
    expect(split).toEqual([]);
  });
});

describe('French ranges', () => {
  it('flags a bare range and passes « de … à … »', () => {
    expect(frenchRangeSlips('revendus 80 à 145 yuans')).toEqual(['80 à 145']);
    expect(frenchRangeSlips('revendus de 80 à 145 yuans')).toEqual([]);
    expect(frenchRangeSlips('soit de 3,2 à 5,8\u00a0fois')).toEqual([]);
    expect(frenchRangeSlips('passe de 137 en 2018 à 147\u202f000 en 2023')).toEqual([]);
  });

  it('writes every French range figure « de … à … »', () => {
    const fr = buildEdition('fr');
    const ranges = fr.book.all().filter((f) => fr.book.has(f.id) && (f.text.includes(' à ') || f.text.includes('\u00a0à')));
    expect(ranges.length).toBeGreaterThan(0);
    for (const f of fr.book.all()) expect(frenchRangeSlips(`${f.text} ${f.prose ?? ''}`), f.id).toEqual([]);
    expect(fr.book.get('shanghai.price-resale').text).toMatch(/^de 80 à 145/);
  });
});

describe('number style', () => {
  it('spells out counts from two to nine in English and French running text, keeping digits in charts', () => {
    const en = buildEdition('en');
    const fr = buildEdition('fr');
    expect(en.book.get('shanghai.arrest-locations').prose).toBe('two locations');
    expect(en.book.get('shanghai.arrest-locations').text).toBe('2 locations');
    expect(en.book.get('hunan.first-arrests').prose).toBe('five');
    expect(fr.book.get('hunan.first-arrests').prose).toBe('cinq');
    expect(en.book.get('shanghai.arrested').prose).toBeUndefined();
    expect(buildEdition('zh').book.get('shanghai.arrest-locations').text).toBe('两地');
  });
});

describe('markChineseRuns', () => {
  it('marks each run of Chinese in an English or French page with its language, and only text between tags', () => {
    const html = '<p title="一证通查">Use “One-ID Check” (一证通查), or <b>国家反诈中心</b>: PC端.</p>';
    expect(markChineseRuns(html, 'en')).toBe(
      '<p title="一证通查">Use “One-ID Check” (<span lang="zh-Hans">一证通查</span>), or <b><span lang="zh-Hans">国家反诈中心</span></b>: PC<span lang="zh-Hans">端</span>.</p>',
    );
  });
  it('keeps a run with its inner punctuation whole, leaves marked runs and Chinese pages alone', () => {
    const marked = markChineseRuns('工信微报、工信部反诈专班 or 中国信通院', 'fr');
    expect(marked).toBe('<span lang="zh-Hans">工信微报、工信部反诈专班</span> or <span lang="zh-Hans">中国信通院</span>');
    expect(markChineseRuns(marked, 'fr')).toBe(marked);
    expect(markChineseRuns('手机口', 'zh')).toBe('手机口');
  });
});
