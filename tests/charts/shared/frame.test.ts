import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadData } from '~/data/load';
import { figureBook, type Figure } from '~/data/figures';
import { serializeProps } from 'astro/runtime/server/serialize.js';
import { detailHtml, detailLabel, fitLabel, sourceLine, sourceRef, sourcesOf, textWidth, withFormula, wrapLines } from '~/charts/shared/frame';
import { CHARTS } from '~/charts/registry';
import { detailOf } from '~/charts/shared/island';
import { buildEdition } from '~/edition/edition';
import { translator } from '~/i18n/translate';
import type { Source } from '~/data/schema';

const data = loadData();
const t = translator('en');
const book = figureBook(data, 'en', t);

describe('textWidth', () => {
  it('estimates Latin characters at 0.6em and CJK ones at 1em', () => {
    expect(textWidth('abcde', 10)).toBeCloseTo(30, 10);
    expect(textWidth('新号码', 14)).toBe(42);
    expect(textWidth('80元', 10)).toBeCloseTo(22, 10);
    expect(textWidth('', 10)).toBe(0);
  });
});

describe('fitLabel', () => {
  // 'abcde' at 10 px is 30 px wide.
  it('puts a label right of its mark when it fits', () => {
    expect(fitLabel(50, 'abcde', 10, 100)).toEqual({ x: 54, anchor: 'start' });
    expect(fitLabel(66, 'abcde', 10, 100)).toEqual({ x: 70, anchor: 'start' }); // ends exactly at 100
  });

  it('puts it left of the mark when only that fits', () => {
    expect(fitLabel(90, 'abcde', 10, 100)).toEqual({ x: 86, anchor: 'end' });
  });

  it('puts it as far right as it fits when neither side does, never before 0', () => {
    const { x, anchor } = fitLabel(20, 'abcde', 10, 40);
    expect(anchor).toBe('start');
    expect(x).toBeCloseTo(10, 10);
    expect(fitLabel(5, 'a much longer label', 10, 40)).toEqual({ x: 0, anchor: 'start' });
  });
});

describe('wrapLines', () => {
  it('splits Latin text between words, within the width', () => {
    // At 10 px a Latin character is estimated at 6 px, so 60 px holds 10 characters.
    expect(wrapLines('A customer buys a cheap new number', 60, 10)).toEqual(['A customer', 'buys a', 'cheap new', 'number']);
    const label = 'WeChat and Douyin accounts registered on it';
    for (const width of [60, 100, 150, 220]) {
      const lines = wrapLines(label, width, 15);
      expect(lines.join(' ')).toBe(label);
      for (const line of lines) if (line.includes(' ')) expect(textWidth(line, 15), `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it('never breaks at a no-break space, so French « » : ; ! ? stay with their words', () => {
    const label = 'Campagne contre les « deux cartes » : début ?'
      .replace(/« /g, '«\u00a0')
      .replace(/ »/g, '\u00a0»')
      .replace(/ :/g, '\u00a0:')
      .replace(/ \?/g, '\u202f?');
    for (const width of [30, 60, 90, 150]) {
      const lines = wrapLines(label, width, 10);
      expect(lines.join(' ')).toBe(label);
      for (const line of lines) expect(line, `${width}px`).not.toMatch(/^[\u00a0\u202f»:?]|«$/);
    }
  });

  it('keeps text that fits on one line', () => {
    expect(wrapLines('Used by fraudsters', 500, 15)).toEqual(['Used by fraudsters']);
  });

  it('puts a word longer than the width on its own line, unbroken', () => {
    expect(wrapLines('a extraordinarily b', 30, 10)).toEqual(['a', 'extraordinarily', 'b']);
  });

  it('never starts a line with closing punctuation, nor breaks a run of digits in CJK text', () => {
    // 13 px per character: 170 px holds 13, so a plain split would put "）" alone on the second line.
    expect(wrapLines('2021年8月下旬（日期为推断）', 170, 13)).toEqual(['2021年8月下旬（日期为推断）']);
    for (const width of [40, 60, 90, 130]) {
      const lines = wrapLines('2021年9月7日（日期为推断），抓获14人。', width, 13);
      expect(lines.join('')).toBe('2021年9月7日（日期为推断），抓获14人。');
      for (const line of lines) expect(line, `${width}px`).not.toMatch(/^[）)，。、]/);
      for (const line of lines) expect(line, `${width}px`).not.toMatch(/（$/);
      expect(lines.some((l) => /^\d/.test(l) && /\d$/.test(lines[lines.indexOf(l) - 1] ?? ''))).toBe(false);
    }
  });

  it('splits CJK text between characters', () => {
    // 14 px per character: 56 px holds 4.
    expect(wrapLines('一个客户购买了便宜的新号码', 56, 14)).toEqual(['一个客户', '购买了便', '宜的新', '号码']);
    const lines = wrapLines('国家反诈中心提醒您注意防范', 60, 14);
    expect(lines.join('')).toBe('国家反诈中心提醒您注意防范');
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(60);
  });

  it('never returns an empty line', () => {
    const inputs = ['', ' ', 'one', '  two   spaces  ', 'a b c d e f', '新号码', 'x'.repeat(80)];
    for (const text of inputs) {
      for (const width of [1, 20, 1000]) {
        for (const line of wrapLines(text, width, 12)) expect(line.trim(), JSON.stringify([text, width])).not.toBe('');
      }
    }
    expect(wrapLines('', 100, 12)).toEqual([]);
  });

  it('never leaves one CJK character alone on a last line, with or without its closing punctuation', () => {
    // 4 characters a line at 14 px in 56 px: '号码' would leave '码' alone.
    expect(wrapLines('一个客户购买了便宜的新号码', 56, 14).at(-1)).toBe('号码');
    expect(wrapLines('警方抓获犯罪嫌疑人。', 56, 14)).toEqual(['警方抓获', '犯罪嫌', '疑人。']);
    expect(wrapLines('涉案账号超过一千个”', 56, 14).at(-1)).toBe('千个”');
    // After a Latin word, the word comes down with the character.
    expect(wrapLines('抓获 14人', 30, 14)).toEqual(['抓获', '14人']);
    // A label that fits stays one line; one character alone is a label, not a last line.
    expect(wrapLines('人', 10, 14)).toEqual(['人']);
  });

  it('never starts a line with closing quotes nor ends one with opening quotes', () => {
    for (const width of [28, 42, 56, 70]) {
      const lines = wrapLines('所谓“手机口”就是“PC端”的一种', width, 14);
      expect(lines.join('')).toBe('所谓“手机口”就是“PC端”的一种');
      for (const line of lines) expect(line, `${width}px`).not.toMatch(/^[”’）]|[“‘（]$/);
    }
  });
});

/** Every Chinese string in data/ (labels, notes, titles), for the line-breaking properties. */
function zhStrings(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'zh' && typeof x === 'string') out.push(x);
        else walk(x);
      }
  };
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.json') ? [join(dir, d.name)] : [],
    );
  for (const f of files('data')) walk(JSON.parse(readFileSync(f, 'utf8')));
  walk(JSON.parse(readFileSync('src/words/ui/zh.json', 'utf8')));
  return out.map((s) => s.replace(/\{\w+\}/g, '12')).filter((s) => /[\u4e00-\u9fff]/.test(s));
}

describe('wrapLines: Chinese labels of data/ and the UI, at any width', () => {
  const labels = zhStrings();

  it('finds the labels', () => {
    expect(labels.length).toBeGreaterThan(50);
  });

  it('keeps every character, leaves none alone on a last line, and breaks no punctuation rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...labels), fc.integer({ min: 20, max: 400 }), fc.constantFrom(11, 13, 14, 20, 54), (text, width, size) => {
        const lines = wrapLines(text, width, size, true);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const [i, line] of lines.entries()) {
          if (i > 0) expect(line, JSON.stringify(lines)).not.toMatch(/^[)\]}）」』】〉》〕”’，。、；：！？]/);
          if (i < lines.length - 1) expect(line, JSON.stringify(lines)).not.toMatch(/[([{（「『【〈《〔“‘]$/);
        }
        if (lines.length > 1) expect(lines.at(-1), JSON.stringify(lines)).not.toMatch(/^[\u3400-\u9fff][)\]}）」』】〉》〕”’，。、；：！？]*$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sourcesOf', () => {
  const src = (id: string, extra: Partial<Source> = {}): Source => ({
    id,
    publisher: `Publisher ${id}`,
    title: `Title ${id}`,
    language: 'en',
    published: { value: '2021', precision: 'year' },
    kind: 'original-report',
    ...extra,
  });
  const fig = (id: string, sources: Source[]): Figure => ({ id, text: id, label: id, sources, count: 0, derived: false });

  it('lists each source once, in order of first use', () => {
    const [a, b, c] = [src('a', { url: 'https://a.example/' }), src('b'), src('c')];
    expect(sourcesOf([fig('1', [b!, a!]), fig('2', [a!, c!]), fig('3', [b!])])).toEqual([
      { id: 'b', publisher: 'Publisher b', url: undefined },
      { id: 'a', publisher: 'Publisher a', url: 'https://a.example/' },
      { id: 'c', publisher: 'Publisher c', url: undefined },
    ]);
    expect(sourcesOf([])).toEqual([]);
  });

  it('links a mirror to the page it was read on', () => {
    const mirror = data.sourceById.get('miit-one-id-check-2021')!;
    expect(sourceRef(mirror)).toEqual({
      id: 'miit-one-id-check-2021',
      publisher: 'MIIT Cybersecurity Bureau and CAICT',
      url: 'https://lhqzf.haikou.gov.cn/xxgk/zcjd1/hygq/202203/t703431.shtml',
    });
  });

  it('dedups the sources of real figures', () => {
    const refs = sourcesOf(['hunan.provinces', 'shanghai.victims', 'hunan.arrested', 'shanghai.markup'].map((id) => book.get(id)));
    expect(refs.map((s) => s.id)).toEqual(['odaily-2024-08-26-fr', 'panews-2024-08-26', 'shine-2021-09-07']);
    expect(sourceLine(refs, t)).toBe('Source: Odaily (French edition on Binance Square); PANews (on Binance Square); SHINE / Shanghai Daily');
  });
});

describe('withFormula', () => {
  it('adds the formula to a derived figure and leaves a stored one alone', () => {
    expect(withFormula(book.get('shanghai.margin'), t)).toBe('55 to 120 yuan (resale price − first sale price: 80 − 25 = 55; 145 − 25 = 120)');
    expect(withFormula(book.get('shanghai.victims'), t)).toBe('over 1,000');
  });
});

describe('detailLabel', () => {
  const detail = { title: 'Employees sell each account', lines: ['25 yuan', 'US$3.87'], sources: [] };
  it('reads the detail as one sentence when it already says what the mark shows', () => {
    expect(detailLabel(detail)).toBe('Employees sell each account. 25 yuan. US$3.87');
    expect(detailLabel(detail, 'Employees sell each account 25 yuan')).toBe('Employees sell each account. 25 yuan. US$3.87');
  });
  it('leads with the visible text when the detail words it differently (label in name)', () => {
    expect(detailLabel(detail, '"Two cards" crackdown begins')).toBe('"Two cards" crackdown begins. Employees sell each account. 25 yuan. US$3.87');
  });
  it('drops punctuation as axe does, so a space beside it is a difference', () => {
    // Lines run together with a space: "2021年5月 （日期为推断）" is not "2021年5月（日期为推断）" once the brackets go.
    const zh = { title: '2021年5月（日期为推断）', lines: ['外冈镇'], sources: [] };
    expect(detailLabel(zh, '2021年5月 （日期为推断）')).toBe('2021年5月 （日期为推断）。2021年5月（日期为推断）。外冈镇');
    expect(detailLabel(zh, '2021年5月（日期为推断）')).toBe('2021年5月（日期为推断）。外冈镇');
  });
});

describe('island props', () => {
  // What Astro writes into the page for an island's props (before escaping it into an attribute).
  const island = {} as Parameters<typeof serializeProps>[1];
  const written = (props: object) => Buffer.byteLength(serializeProps(props, island));

  it.each(['en', 'zh', 'fr'] as const)("carry each mark's detail and the step count, nothing else, at most 6 KB per chart (%s)", (locale) => {
    const e = buildEdition(locale);
    for (const chart of e.charts) {
      const definition = CHARTS.find((d) => d.id === chart.id)!;
      expect(Object.keys(chart.island), chart.id).toEqual(['details', 'steps']);
      expect(written(chart.island), chart.id).toBeLessThanOrEqual(6 * 1024);
      expect(written(chart.island), chart.id).toBeLessThan(written({ model: chart.model }) / 2);
      const details = definition.details(chart.model as never);
      expect(details.length, chart.id).toBeGreaterThan(0);
      expect(
        details.map((_, i) => detailOf(chart.island.details, i)),
        chart.id,
      ).toEqual(details);
    }
    expect(e.charts.map((c) => c.island.steps)).toEqual([e.chart('resale-flow').model.steps, e.chart('network-map').model.steps, 0]);
  });
});

describe('detailHtml', () => {
  it('sets the title, each line and the sources as links, escaping the words', () => {
    const html = detailHtml({
      title: 'A <b>',
      lines: ['x & y', 'z'],
      sources: [
        { id: 's1', publisher: 'P "1"', url: 'https://e.org/?a=1&b=2' },
        { id: 's2', publisher: 'Q' },
      ],
    });
    expect(html).toBe(
      '<strong>A &lt;b&gt;</strong><span>x &amp; y</span><span>z</span><span class="sources"><a href="https://e.org/?a=1&amp;b=2">P &quot;1&quot;</a>; <a href="#source-s2">Q</a></span>',
    );
    expect(detailHtml({ title: 'T', lines: [], sources: [] })).toBe('<strong>T</strong>');
  });
});
