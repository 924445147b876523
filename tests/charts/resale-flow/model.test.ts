import { describe, it, expect } from 'vitest';
import { textWidth } from '~/charts/shared/frame';
import { loadData } from '~/data/load';
import { buildEdition } from '~/edition/edition';
import { figureBook } from '~/data/figures';
import { FLOW_STAGES, buildResaleFlow, layoutResaleFlow, type FlowLayout, priceAxis } from '~/charts/resale-flow/model';
import { formatNumber } from '~/i18n/format';
import { translator } from '~/i18n/translate';

const edition = buildEdition('en');
const model = edition.chart('resale-flow').model;
const tick = (n: number) => formatNumber(n, 'en');

describe('buildResaleFlow', () => {
  it('has five stages in order', () => {
    expect(model.stages.map((s) => s.id)).toEqual(['number', 'accounts', 'first-sale', 'resale', 'crime']);
    expect(FLOW_STAGES).toEqual(['number', 'accounts', 'first-sale', 'resale', 'crime']);
    expect(model.steps).toBe(6);
  });

  it('labels the stages from the UI strings', () => {
    expect(model.stages.map((s) => s.label)).toEqual([
      'A customer buys a cheap new number',
      'WeChat and Douyin accounts registered on it',
      'Employees sell each account',
      'A second group resells it',
      'One account found involved in crime',
    ]);
  });

  it('prices only the two sales: 25 yuan, and 80 to 145 yuan as a range, not a midpoint', () => {
    const price = Object.fromEntries(model.stages.map((s) => [s.id, s.price]));
    expect(price['number']).toBeUndefined();
    expect(price['accounts']).toBeUndefined();
    expect(price['crime']).toBeUndefined();
    expect(price['first-sale']).toEqual({ min: 25, max: 25, text: '25 yuan' });
    expect(price['resale']).toEqual({ min: 80, max: 145, text: '80 to 145 yuan' });
  });

  it('gives each stage a detail with its sources', () => {
    const detail = Object.fromEntries(model.stages.map((s) => [s.id, s.detail]));
    expect(detail['number']!.lines[0]).toBe('May 2021 (date inferred)');
    expect(detail['first-sale']!.lines).toEqual(['25 yuan', 'US$3.87']);
    expect(detail['resale']!.lines).toEqual(['80 to 145 yuan', '3.2 to 5.8× markup', 'resale price ÷ first sale price: 80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8']);
    expect(detail['crime']!.lines[1]).toBe('14 suspects held; over 1,000 victims');
    for (const s of model.stages) expect(s.detail.sources.map((x) => x.id)).toEqual(['shine-2021-09-07']);
  });

  it('has the markup with its formula', () => {
    expect(model.markup).toEqual({ text: '3.2 to 5.8× markup', formula: '80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8' });
    expect(model.outcome).toBe('14 suspects held; over 1,000 victims');
    expect(model.noConsent).toBe('without telling the customer');
    expect(model.axisLabel).toBe('Yuan per account');
  });

  it('has a table with a row per stage, the derived markup with its formula, and the counts', () => {
    expect(model.table.columns).toEqual(['Stage', 'Price per account', 'Source']);
    expect(model.table.rows).toEqual([
      ['A customer buys a cheap new number', '', 'SHINE / Shanghai Daily'],
      ['WeChat and Douyin accounts registered on it', '', 'SHINE / Shanghai Daily'],
      ['Employees sell each account', '25 yuan', 'SHINE / Shanghai Daily'],
      ['A second group resells it', '80 to 145 yuan', 'SHINE / Shanghai Daily'],
      ['One account found involved in crime', '', 'SHINE / Shanghai Daily'],
      [
        'Markup from the first sale to the resale',
        '3.2 to 5.8× (resale price ÷ first sale price: 80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8)',
        'SHINE / Shanghai Daily (derived)',
      ],
      ['Suspects apprehended', '14', 'SHINE / Shanghai Daily'],
      ['People who fell victim', 'over 1,000', 'SHINE / Shanghai Daily'],
    ]);
  });

  it('describes the chart from the data in its alt text and notes', () => {
    expect(model.meta.id).toBe('resale-flow');
    expect(model.meta.alt).toContain('for 25 yuan');
    expect(model.meta.alt).toContain('for 80 to 145 yuan');
    expect(model.meta.alt).toContain('a markup of 3.2 to 5.8×');
    expect(model.meta.notes).toEqual([
      'The price range is drawn as a band: the source gives 80 to 145 yuan, not a single price. The markup is derived: resale price ÷ first sale price: 80 ÷ 25 = 3.2; 145 ÷ 25 = 5.8.',
      'Source: SHINE / Shanghai Daily',
    ]);
    expect(model.meta.sources).toEqual([{ id: 'shine-2021-09-07', publisher: 'SHINE / Shanghai Daily', url: 'https://www.shine.cn/news/metro/2109074655/' }]);
  });

  it('follows a corrected price into the stages, alt text and markup', () => {
    const data = loadData();
    const resale = data.facts.get('shanghai.price-resale')!;
    const corrected = { ...data, facts: new Map([...data.facts, [resale.id, { ...resale, range: { min: 75, max: 150 } }]]) };
    const t = translator('en');
    const flow = buildResaleFlow(figureBook(corrected, 'en', t), t);
    expect(flow.stages[3]!.price).toEqual({ min: 75, max: 150, text: '75 to 150 yuan' });
    expect(flow.meta.alt).toContain('for 75 to 150 yuan, a markup of 3 to 6×');
  });
});

describe('layoutResaleFlow', () => {
  const narrow = layoutResaleFlow(model, 320, tick);
  const wide = layoutResaleFlow(model, 900, tick);
  const bars = (l: FlowLayout) => l.rows.flatMap((r) => (r.bar ? [{ id: r.stage.id, label: r.stage.price!.text, ...r.bar }] : []));

  it('is narrow below 520 px', () => {
    expect(narrow.narrow).toBe(true);
    expect(wide.narrow).toBe(false);
    expect(layoutResaleFlow(model, 519, tick).narrow).toBe(true);
    expect(layoutResaleFlow(model, 520, tick).narrow).toBe(false);
  });

  it('has one row per stage, in increasing y, and bars only for priced stages', () => {
    for (const l of [narrow, wide]) {
      expect(l.rows.map((r) => r.stage.id)).toEqual([...FLOW_STAGES]);
      const ys = l.rows.map((r) => r.y);
      for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
      expect(bars(l).map((b) => b.id)).toEqual(['first-sale', 'resale']);
    }
  });

  it('keeps every bar and price label inside the width', () => {
    for (const l of [narrow, wide, layoutResaleFlow(model, 360, tick)]) {
      for (const b of bars(l)) {
        expect(b.x0, `${l.width} ${b.id}`).toBeGreaterThanOrEqual(0);
        expect(b.x1, `${l.width} ${b.id}`).toBeLessThanOrEqual(l.width);
        expect(b.text.x, `${l.width} ${b.id}`).toBeLessThan(l.width);
        expect(b.text.x + textWidth(b.label, l.fontSize), `${l.width} ${b.id}`).toBeLessThanOrEqual(l.width);
      }
      expect(l.axis.x1).toBeLessThanOrEqual(l.width);
      for (const tk of l.ticks) expect(tk.x).toBeLessThanOrEqual(l.width);
    }
  });

  it('draws the resale range as a band and the first sale as a bar from the axis origin', () => {
    for (const l of [narrow, wide]) {
      const [first, resale] = bars(l);
      expect(first!.band).toBe(false);
      expect(first!.x0).toBe(l.axis.x0);
      expect(first!.x1).toBeGreaterThan(first!.x0);
      expect(resale!.band).toBe(true);
      expect(resale!.x0).toBeLessThan(resale!.x1);
      expect(resale!.x0).toBeGreaterThan(first!.x1); // 80 lies right of 25
    }
  });

  it('scales prices on a nice axis from 0 to 160', () => {
    // 900 px: bars run from 34 + 220 + 20 = 274 to 900 − 125 = 775, over [0, 160] yuan.
    const x = (v: number) => 274 + (v * (775 - 274)) / 160;
    const [first, resale] = bars(wide);
    expect(wide.axis.x0).toBe(274);
    expect(wide.axis.x1).toBe(775);
    expect(first!.x1).toBeCloseTo(x(25), 6);
    expect(resale!.x0).toBeCloseTo(x(80), 6);
    expect(resale!.x1).toBeCloseTo(x(145), 6);
    expect(wide.ticks.map((tk) => tk.label)).toEqual(['0', '50', '100', '150']);
    expect(wide.ticks[0]!.x).toBe(274);
  });

  it('puts the price label right of the bar when it fits, below it when it does not', () => {
    const [first, resale] = bars(wide);
    expect(first!.text).toEqual({ x: first!.x1 + 6, y: first!.y + first!.h / 2 });
    expect(resale!.text).toEqual({ x: resale!.x1 + 6, y: resale!.y + resale!.h / 2 });
    // At 320 px "80 to 145 yuan" (about 114 px) does not fit right of the band: it goes under its start.
    const narrowResale = bars(narrow)[1]!;
    expect(narrowResale.text.x).toBe(narrowResale.x0);
    expect(narrowResale.text.y).toBeGreaterThan(narrowResale.y + narrowResale.h);
  });

  it('stacks the bars under the labels when narrow, leaving room for them', () => {
    const lineH = narrow.fontSize * 1.3;
    narrow.rows.forEach((r, i) => {
      if (!r.bar) return;
      expect(r.bar.y).toBeGreaterThanOrEqual(r.y + r.lines.length * lineH);
      // The next row starts below the bar (and its label, when that goes underneath).
      expect(narrow.rows[i + 1]!.y).toBeGreaterThan(r.bar.y + r.bar.h);
    });
    // Wide: the bar sits beside the label, on the row's own line.
    for (const r of wide.rows) if (r.bar) expect(r.bar.y).toBeLessThan(r.labelY);
  });

  it('grows taller as a narrow chart gets narrower and its labels wrap', () => {
    // Note: narrow is not always taller than wide. At 320 px (376 px tall) the single label column is
    // wider than the wide layout's 220 px one (387 px tall at 900 px), so labels wrap less.
    const h = [280, 320, 400, 519].map((w) => layoutResaleFlow(model, w, tick).height);
    for (let i = 1; i < h.length; i++) expect(h[i]!).toBeLessThanOrEqual(h[i - 1]!);
    expect(h[0]!).toBeGreaterThan(h[3]!);
    expect(layoutResaleFlow(model, 280, tick).rows[0]!.lines.length).toBeGreaterThan(1);
  });

  it('wraps stage labels to the label column', () => {
    for (const r of wide.rows) expect(r.lines.join(' ')).toBe(r.stage.label);
    expect(wide.rows[0]!.lines.length).toBeGreaterThan(1); // "A customer buys a cheap new number" in 220 px at 15 px
    // The single narrow column (278 px at 320) is wider than the wide layout's 220 px one.
    narrow.rows.forEach((r, i) => {
      expect(r.lines.join(' ')).toBe(r.stage.label);
      expect(r.lines.length).toBeLessThanOrEqual(wide.rows[i]!.lines.length);
    });
    for (const l of [narrow, wide]) {
      const column = l.narrow ? l.width - 34 - 8 : 220;
      for (const r of l.rows) for (const line of r.lines) if (line.includes(' ')) expect(textWidth(line, l.fontSize)).toBeLessThanOrEqual(column);
    }
  });

  it('puts the markup note under the resale band, inside the chart', () => {
    for (const l of [narrow, wide]) {
      const resale = bars(l)[1]!;
      expect(l.markup.x).toBe(l.axis.x0);
      expect(l.markup.y).toBeGreaterThan(resale.y + resale.h);
      const crime = l.rows.at(-1)!;
      expect(l.markup.y).toBeLessThan(crime.y);
      expect(l.height).toBeGreaterThan(crime.labelY);
    }
  });
});

describe('priceAxis', () => {
  it('rounds the axis past the highest price, as d3-array does (145 → 160), with round ticks', () => {
    expect(priceAxis(145)).toEqual({ max: 160, ticks: { narrow: [0, 50, 100, 150], wide: [0, 50, 100, 150] } });
    expect(priceAxis(25).max).toBe(26);
    expect(priceAxis(464000).max).toBe(500000);
  });
});
