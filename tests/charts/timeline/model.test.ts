import { describe, it, expect } from 'vitest';
import { textWidth } from '~/charts/shared/frame';
import { loadData } from '~/data/load';
import { figureBook } from '~/data/figures';
import { translator } from '~/i18n/translate';
import {
  buildTimeline,
  layoutTimeline,
  labelX,
  placeLabel,
  timelineMarks,
  timelineParts,
  TIMELINE_SMALL,
  type Box,
  type TimelineBar,
  type TimelineLayout,
  type TimelinePanel,
} from '~/charts/timeline/model';
import { LOCALES } from '~/i18n/locale';

const data = loadData();
const t = translator('en');
const model = buildTimeline(data, figureBook(data, 'en', t), 'en', t);
const bar = (id: string): TimelineBar => {
  const b = model.series.flatMap((s) => s.bars).find((x) => x.id === id);
  if (!b) throw new Error(`no bar ${id}`);
  return b;
};
const U = Date.UTC;

describe('timelineMarks', () => {
  it('numbers the marks in reading order: rules, events lane by lane, then bars panel by panel', () => {
    const ids = timelineMarks(model).map((m) => m.id);
    expect(ids).toEqual([
      ...model.rules.map((r) => r.id),
      ...model.lanes.flatMap((l) => l.events.map((e) => e.id)),
      ...model.series.flatMap((s) => s.bars.map((b) => b.id)),
    ]);
    expect(ids.indexOf(model.lanes[0]!.events[0]!.id)).toBe(model.rules.length);
  });
});

describe('buildTimeline: lanes', () => {
  it('has one lane per case, in the order the cases began (Shanghai first)', () => {
    expect(model.lanes.map((l) => [l.id, l.label])).toEqual([
      ['shanghai-jiading', 'Shanghai, Jiading'],
      ['hunan-linwu', 'Hunan, Linwu'],
    ]);
  });

  it('lists each lane’s events in chronological order', () => {
    expect(model.lanes[0]!.events.map((e) => e.id)).toEqual(['shanghai.number-bought', 'shanghai.investigation', 'shanghai.arrests', 'shanghai.warning']);
    expect(model.lanes[1]!.events.map((e) => e.id)).toEqual(['hunan.network-set-up', 'hunan.discovery', 'hunan.case-closed', 'hunan.reported']);
    for (const lane of model.lanes) {
      for (let i = 1; i < lane.events.length; i++) expect(lane.events[i]!.start).toBeGreaterThanOrEqual(lane.events[i - 1]!.start);
    }
  });

  it('gives events the counts their sources give', () => {
    const counts = Object.fromEntries(model.lanes.flatMap((l) => l.events.map((e) => [e.id, e.counts])));
    expect(counts['shanghai.arrests']).toEqual(['14 arrested']);
    expect(counts['shanghai.warning']).toEqual(['over 1,000 victims']);
    // The reports date the discovery, not the first arrests: the timeline gives that event no count.
    expect(counts['hunan.discovery']).toEqual([]);
    expect(counts['hunan.case-closed']).toEqual(['62 arrested', 'more than 100 further suspects']);
    expect(counts['shanghai.number-bought']).toEqual([]);
  });

  it('spans an event over the time its date covers', () => {
    const events = new Map(model.lanes.flatMap((l) => l.events.map((e) => [e.id, e])));
    expect([events.get('shanghai.number-bought')!.start, events.get('shanghai.number-bought')!.end]).toEqual([U(2021, 4, 1), U(2021, 5, 1)]);
    expect([events.get('shanghai.arrests')!.start, events.get('shanghai.arrests')!.end]).toEqual([U(2021, 7, 21), U(2021, 8, 1)]);
    expect([events.get('hunan.case-closed')!.start, events.get('hunan.case-closed')!.end]).toEqual([U(2024, 7, 1), U(2024, 7, 11)]);
    expect([events.get('hunan.reported')!.start, events.get('hunan.reported')!.end]).toEqual([U(2024, 7, 26), U(2024, 7, 27)]);
  });

  it('gives each event a detail: date, label, counts, sources', () => {
    const arrests = model.lanes[0]!.events[2]!;
    expect(arrests.detail).toEqual({
      title: 'late August 2021 (date inferred)',
      lines: ['Suspects apprehended in Shanghai; they confess', '14 arrested'],
      sources: [{ id: 'shine-2021-09-07', publisher: 'SHINE / Shanghai Daily', url: 'https://www.shine.cn/news/metro/2109074655/' }],
    });
  });
});

describe('buildTimeline: series', () => {
  it('has the police series, then the prosecutions series last', () => {
    expect(model.series.map((s) => s.id)).toEqual(['mps-cases-solved', 'spp-aiding-prosecutions']);
    expect(model.series.map((s) => s.max)).toEqual([464000, 147000]);
    expect(model.series[1]!.label).toBe('People prosecuted under Criminal Law article 287-2');
  });

  it('marks the April 2021-March 2022 and January-September 2022 bars as partial, and no others', () => {
    const partial = model.series.flatMap((s) => s.bars.filter((b) => b.partial).map((b) => b.id));
    expect(partial).toEqual(['mps.cases-solved-2021-04-2022-03', 'spp.aiding-prosecuted-2022-01-09']);
  });

  it('starts and ends each bar with its period', () => {
    expect([bar('mps.cases-solved-2021-04-2022-03').start, bar('mps.cases-solved-2021-04-2022-03').end]).toEqual([U(2021, 3, 1), U(2022, 3, 1)]);
    expect([bar('spp.aiding-prosecuted-2022-01-09').start, bar('spp.aiding-prosecuted-2022-01-09').end]).toEqual([U(2022, 0, 1), U(2022, 9, 1)]);
    expect([bar('mps.cases-solved-2020').start, bar('mps.cases-solved-2020').end]).toEqual([U(2020, 0, 1), U(2021, 0, 1)]);
    expect([bar('spp.aiding-prosecuted-2023').start, bar('spp.aiding-prosecuted-2023').end]).toEqual([U(2023, 0, 1), U(2024, 0, 1)]);
  });

  it('gives each bar its value, a short label and a detail', () => {
    expect(bar('spp.aiding-prosecuted-2018')).toMatchObject({ value: 137, short: '137' });
    expect(bar('spp.aiding-prosecuted-2020')).toMatchObject({ value: 13673, short: '13.7k' });
    expect(bar('mps.cases-solved-2022')).toMatchObject({ value: 464000, short: '464k' });
    expect(bar('mps.cases-solved-2021-04-2022-03').detail).toMatchObject({
      title: 'April 2021 to March 2022',
      lines: ['Telecom and online fraud cases solved, April 2021 to March 2022', '394,000', 'Covers twelve months from April to March, not a calendar year.'],
    });
    expect(bar('spp.aiding-prosecuted-2022').detail.lines[1]).toBe('about 130,000');
  });

  it('keeps the source’s qualifier on a short label', () => {
    expect(bar('spp.aiding-prosecuted-2022').short).toBe('about 130k');
  });
});

describe('buildTimeline: axis, rules and table', () => {
  it('covers whole years 2018 to 2025', () => {
    expect(model.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(model.domain).toEqual([U(2018, 0, 1), U(2026, 0, 1)]);
  });

  it('has the milestones as rules', () => {
    expect(model.rules.map((r) => [r.id, r.label, r.start])).toEqual([
      ['two-cards.launch', '"Two cards" crackdown begins', U(2020, 9, 10)],
      ['law.anti-fraud-in-force', 'Anti-fraud law in force', U(2022, 11, 1)],
    ]);
  });

  it('has one table row per event, rule and bar', () => {
    const events = model.lanes.reduce((n, l) => n + l.events.length, 0);
    const bars = model.series.reduce((n, s) => n + s.bars.length, 0);
    expect([events, model.rules.length, bars]).toEqual([8, 2, 13]);
    expect(model.table.rows).toHaveLength(8 + 2 + 13);
    expect(model.table.columns).toEqual(['Date', 'Case', 'Event', 'Counts given', 'Source']);
    expect(model.table.rows).toContainEqual([
      'late August 2021 (date inferred)',
      'Shanghai, Jiading',
      'Suspects apprehended in Shanghai; they confess',
      '14 arrested',
      'SHINE / Shanghai Daily',
    ]);
    expect(model.table.rows).toContainEqual([
      'early August 2024',
      'Hunan, Linwu',
      'Case closed: arrests in cities across many provinces; further suspects linked through Alipay payments',
      '62 arrested; more than 100 further suspects',
      'Odaily (French edition on Binance Square); PANews (on Binance Square)',
    ]);
    expect(model.table.rows).toContainEqual([
      '10 October 2020',
      '',
      '"Two cards" crackdown launched by the State Council\'s inter-ministerial joint conference',
      '',
      'Xinhua',
    ]);
    expect(model.table.rows).toContainEqual([
      'January 2022 to September 2022',
      'People prosecuted under Criminal Law article 287-2',
      'People prosecuted for aiding information-network crime, January to September 2022',
      '92,576',
      'China News Service',
    ]);
  });

  it('writes the alt text from the data', () => {
    expect(model.meta.alt).toContain('A timeline from 2018 to 2025.');
    expect(model.meta.alt).toContain(
      'The Shanghai case runs from May 2021 (date inferred) to 7 September 2021 (date inferred); the Hunan case from July 2023 to 26 August 2024.',
    );
    expect(model.meta.alt).toContain('rises from 137 in 2018 to 147,000 in 2023');
  });

  it('lists each source once', () => {
    const ids = model.meta.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['shine-2021-09-07', 'panews-2024-08-26', 'xinhua-2021-04-09', 'anti-fraud-law', 'cns-2022-11-02', 'mps-2026-01-08']),
    );
  });
});

/** Every label's box: rules, events (their lines), lane names, years, panel titles and the values on the bars, with what it says. */
const labels = (l: TimelineLayout) => {
  const k = l.font / 13;
  const small = TIMELINE_SMALL * k;
  const value = (v: TimelinePanel['values'][number]) => {
    const w = textWidth(v.text, small);
    return { text: v.text, x: v.anchor === 'start' ? v.x : v.anchor === 'end' ? v.x - w : v.x - w / 2, y: v.y - 10 * k, w, h: 12 * k };
  };
  return [
    ...l.rules.map((r) => ({ text: r.label.lines.join(' '), ...r.label.box })),
    ...l.events.map((e) => ({ text: e.label.lines.join(' '), ...e.label.box })),
    ...l.lanes.map((lane) => ({ text: lane.label, ...lane.box })),
    ...l.years.map((y) => {
      const size = y.small ? small : l.font;
      const w = textWidth(y.text, size);
      return { text: y.text, x: y.anchor === 'start' ? y.x : y.x - w / 2, y: y.y - size * 0.9, w, h: size * 1.1 };
    }),
    ...l.panels.map((p) => ({
      text: p.title.join(' '),
      x: 8 * k,
      y: p.titleY - 12 * k,
      w: Math.max(...p.title.map((t) => textWidth(t, l.font, true))),
      h: p.title.length * 16 * k,
    })),
    ...l.panels.flatMap((p) => p.values.map(value)),
  ];
};
/** No label leaves the chart or overlaps another. */
const expectApart = (l: TimelineLayout, what: string) => {
  const boxes = labels(l);
  for (const b of boxes) {
    expect(b.x >= 0 && b.x + b.w <= l.width, `${what}: ${b.text} at ${b.x}..${b.x + b.w}`).toBe(true);
    expect(b.y >= 0 && b.y + b.h <= l.height, `${what}: ${b.text}`).toBe(true);
  }
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `${what}: "${a.text}" and "${b.text}"`).toBe(true);
    }
};
const mid = (e: TimelineLayout['events'][number]) => e.mark.x + e.mark.w / 2;

describe('layoutTimeline', () => {
  const editions = LOCALES.map((locale) => {
    const tl = translator(locale);
    return { locale, model: buildTimeline(data, figureBook(data, locale, tl), locale, tl) };
  });
  const WIDTHS = [320, 360, 375, 414, 560, 640, 768, 960, 1024, 1280, 1440];

  it('maps the domain onto [left, right]', () => {
    const l = layoutTimeline(model, 800);
    expect([l.left, l.right]).toEqual([44, 792]);
    expect(l.x(model.domain[0])).toBe(44);
    expect(l.x(model.domain[1])).toBe(792);
    expect(l.x(U(2022, 0, 1))).toBeGreaterThan(l.x(U(2021, 0, 1)));
  });

  it('gives every event one label: its date, marked when inferred, then its counts', () => {
    const l = layoutTimeline(model, 960);
    const label = (id: string) => l.events.find((e) => e.id === id)!;
    expect(l.events).toHaveLength(8);
    expect(label('hunan.case-closed').label.lines).toEqual(['early August 2024', '62 arrested', 'more than 100 further suspects']);
    expect(label('hunan.case-closed').dateLines).toBe(1);
    expect(label('shanghai.arrests').label.lines).toEqual(['late August 2021', '(date inferred)', '14 arrested']);
    expect(label('shanghai.arrests').dateLines).toBe(2);
    expect(label('hunan.reported').label.lines).toEqual(['26 August 2024']);
  });

  it('hangs "more than 100 further suspects" from the August 2024 close, not from 2023', () => {
    for (const w of WIDTHS) {
      const l = layoutTimeline(model, w);
      const closed = l.events.find((e) => e.label.lines.join(' ').includes('more than 100 further suspects'))!;
      expect(closed.id).toBe('hunan.case-closed');
      expect(closed.mark.x).toBeGreaterThan(l.x(U(2024, 6, 1)));
      expect(closed.label.leader[0]).toBeGreaterThan(closed.mark.x);
      expect(closed.label.leader[0]).toBeLessThan(closed.mark.x + closed.mark.w);
    }
  });

  it('ties each event label to its mark with a leader, and each rule label to its line', () => {
    for (const w of WIDTHS) {
      const l = layoutTimeline(model, w);
      for (const e of l.events) {
        // The leader drops from the mark to the label's first line, just beside it.
        const [x1, y1, x2, y2] = e.label.leader;
        const { box } = e.label;
        expect([x1, x2]).toEqual([mid(e), mid(e)]);
        expect(y1).toBe(e.mark.y + e.mark.h);
        expect(y2).toBeGreaterThan(box.y);
        expect(y2).toBeLessThan(box.y + 16);
        // Beside it, or pressed against the chart's edge by a label wider than the room on that side.
        expect(x1 < box.x || x1 > box.x + box.w).toBe(true);
        if (box.x > 4 && box.x + box.w < w - 4) expect(Math.min(Math.abs(box.x - x1), Math.abs(box.x + box.w - x1))).toBeLessThanOrEqual(3.01);
      }
      for (const r of l.rules) {
        const { box } = r.label;
        expect(r.label.leader[0]).toBe(r.x);
        expect(Math.min(Math.abs(box.x - r.x), Math.abs(box.x + box.w - r.x))).toBeLessThanOrEqual(3.01);
        expect(box.y + box.h).toBeLessThanOrEqual(l.top);
      }
    }
  });

  it('keeps every label inside the chart and off every other, at any width from 320 to 1440 px, in every language', () => {
    for (const { locale, model: m } of editions) for (const w of WIDTHS) expectApart(layoutTimeline(m, w), `${locale} ${w}px`);
  });

  it('lets no leader or rule cross another label', () => {
    for (const { locale, model: m } of editions)
      for (const w of WIDTHS) {
        const l = layoutTimeline(m, w);
        for (const x of [...l.events, ...l.rules]) expect(x.label.clear, `${locale} ${w}px: ${x.id}`).toBe(true);
      }
  });

  it('puts the value on every bar, partial bars included', () => {
    const l = layoutTimeline(model, 960);
    const values = Object.fromEntries(l.panels.flatMap((p) => p.values.map((v) => [v.id, v.text])));
    expect(values['mps.cases-solved-2021-04-2022-03']).toBe('394,000');
    expect(values['spp.aiding-prosecuted-2022-01-09']).toBe('92,576');
    expect(values['spp.aiding-prosecuted-2022']).toBe('about 130,000');
    expect(Object.keys(values)).toHaveLength(13);
    expect(layoutTimeline(model, 360).panels[1]!.values.find((v) => v.id === 'spp.aiding-prosecuted-2020')!.text).toBe('13.7k');
  });

  it('draws the prosecutions, which grow about a thousandfold, on a log scale that its label names', () => {
    const spp = model.series.find((s) => s.id === 'spp-aiding-prosecutions')!;
    const mps = model.series.find((s) => s.id === 'mps-cases-solved')!;
    expect([spp.log, mps.log]).toEqual([true, false]);
    expect(spp.title).toContain('log scale');
    expect(mps.title).toBe(mps.label);
    const panel = layoutTimeline(model, 960).panels[1]!;
    expect(panel.domain).toEqual([100, 1_000_000]);
    expect(layoutTimeline(model, 960).panels[0]!.domain[0]).toBe(0);
  });

  it('stacks rules, lanes, then panels, inside its height', () => {
    for (const w of [320, 900]) {
      const l = layoutTimeline(model, w);
      expect(l.lanes).toHaveLength(2);
      expect(l.panels).toHaveLength(2);
      expect(l.lanes[1]!.line[1]).toBeGreaterThan(Math.max(...l.events.filter((e) => e.id.startsWith('shanghai')).map((e) => e.label.box.y + e.label.box.h)));
      expect(l.panels[0]!.y).toBeGreaterThan(Math.max(...l.events.map((e) => e.label.box.y + e.label.box.h)));
      expect(l.panels[1]!.y).toBeGreaterThan(l.panels[0]!.y + l.panels[0]!.height);
      expect(l.height).toBeGreaterThanOrEqual(l.panels[1]!.y + l.panels[1]!.height);
    }
  });

  it('fits a given height by squeezing the panels, never below a readable panel, never above the natural one', () => {
    const natural = layoutTimeline(model, 820);
    const fitted = layoutTimeline(model, 820, { height: natural.height - 60 });
    expect(fitted.height).toBeLessThanOrEqual(natural.height - 60);
    expect(fitted.panels[0]!.plotH).toBeLessThan(natural.panels[0]!.plotH);
    expect(fitted.lanes).toEqual(natural.lanes);
    expect(layoutTimeline(model, 820, { height: 5000 })).toMatchObject({ height: natural.height });
    expect(layoutTimeline(model, 820, { height: 100 }).panels[0]!.plotH).toBe(64);
  });
});

describe('layoutTimeline: type size and parts (talk mode)', () => {
  const editions = LOCALES.map((locale) => {
    const tl = translator(locale);
    return { locale, model: buildTimeline(data, figureBook(data, locale, tl), locale, tl) };
  });

  it('lists the parts a slide can show alone, the cases first', () => {
    expect(timelineParts(model)).toEqual(['cases', 'national']);
    expect(timelineParts({ ...model, series: [] })).toEqual(['cases']);
  });

  it('sets every text at the size asked for, and grows its distances with it', () => {
    const base = layoutTimeline(model, 640);
    const large = layoutTimeline(model, 1280, { font: 26 });
    expect([base.font, base.small]).toEqual([13, 11]);
    expect([large.font, large.small]).toEqual([26, 22]);
    expect(layoutTimeline(model, 920, { font: 20.5, small: 20.5 }).small).toBe(20.5);
    // Twice the type on twice the width: the same drawing, twice as large.
    const scaled = (a: number, b: number) => expect(b).toBeCloseTo(2 * a, 0);
    scaled(base.height, large.height);
    base.events.forEach((e, i) => {
      scaled(e.label.box.y, large.events[i]!.label.box.y);
      scaled(e.label.box.h, large.events[i]!.label.box.h);
    });
  });

  it('lays out each part alone: the events with their own year axis, or the panels, each with the rules', () => {
    const cases = layoutTimeline(model, 920, { font: 20.5, small: 20.5, part: 'cases' });
    expect(cases.events).toHaveLength(8);
    expect(cases.panels).toEqual([]);
    expect(cases.rules).toHaveLength(2);
    expect(cases.years.map((y) => y.text)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(cases.years.every((y) => !y.small)).toBe(true);
    const national = layoutTimeline(model, 920, { font: 20.5, small: 20.5, part: 'national' });
    expect([national.events, national.lanes]).toEqual([[], []]);
    expect(national.panels.map((p) => p.id)).toEqual(['mps-cases-solved', 'spp-aiding-prosecutions']);
    expect(national.rules).toHaveLength(2);
  });

  it('keeps each talk slide’s labels apart and inside, at a projector’s shape (about 3:2), in every language', () => {
    for (const { locale, model: m } of editions)
      for (const part of timelineParts(m)) {
        const l = layoutTimeline(m, 920, { height: 620, font: 20.5, small: 20.5, part });
        expectApart(l, `${locale} ${part}`);
        for (const x of [...l.events, ...l.rules]) expect(x.label.clear, `${locale} ${part}: ${x.id}`).toBe(true);
        // A 1024x768 projector gives the chart about 944x632 px: drawn there, the text stays at 20 px or more.
        expect(20.5 * Math.min(944 / l.width, 632 / l.height), `${locale} ${part}`).toBeGreaterThanOrEqual(20);
      }
  });
});

describe('layoutTimeline: time down the page (phones)', () => {
  const editions = LOCALES.map((locale) => {
    const tl = translator(locale);
    return { locale, model: buildTimeline(data, figureBook(data, locale, tl), locale, tl) };
  });
  const down = (m: typeof model, w: number) => layoutTimeline(m, w, { vertical: true });

  it('runs the years down the page: later events lower, each case a track of its own, the rules across', () => {
    const l = down(model, 360);
    expect(l.vertical).toBe(true);
    const marks = l.events.map((e) => e.mark.y);
    expect(marks).toEqual([...marks].sort((a, b) => a - b));
    expect(l.x(U(2023, 0, 1))).toBeGreaterThan(l.x(U(2022, 0, 1)));
    const tracks = l.lanes.map((lane) => lane.line[0]);
    expect(new Set(tracks).size).toBe(2);
    for (const lane of l.lanes) expect(lane.line[0]).toBe(lane.line[2]);
    for (const r of l.rules) {
      // A line across at its date, its label just above it.
      expect([r.line[1], r.line[3]]).toEqual([l.x(model.rules.find((x) => x.id === r.id)!.start), r.line[1]]);
      expect(r.line[2] - r.line[0]).toBeGreaterThan(l.width / 2);
      expect(r.label.box.y + r.label.box.h).toBeLessThanOrEqual(r.line[1]);
      expect(r.label.box.y + r.label.box.h).toBeGreaterThan(r.line[1] - 8);
    }
    expect(l.years.map((y) => y.text)).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });

  it('puts each event’s label beside its mark, at its height or lower, tied to it by a leader', () => {
    for (const { locale, model: m } of editions) {
      const l = down(m, 375);
      for (const e of l.events) {
        const [x1, y1, x2, y2] = e.label.leader;
        expect(x1, `${locale} ${e.id}`).toBe(e.mark.x + e.mark.w);
        expect(y1).toBe(e.mark.y + e.mark.h / 2);
        expect(x2).toBeLessThan(e.label.box.x);
        expect(y2).toBeGreaterThan(e.label.box.y);
        expect(y2).toBeLessThan(e.label.box.y + e.label.box.h);
        expect(e.label.box.x).toBeGreaterThan(Math.max(...l.lanes.map((lane) => lane.line[0])));
        expect(e.label.box.y).toBeGreaterThanOrEqual(y1 - 16);
      }
    }
  });

  it('keeps every label inside the chart and off every other at 320, 360 and 375 px, in every language', () => {
    for (const { locale, model: m } of editions) for (const w of [320, 360, 375]) expectApart(down(m, w), `${locale} ${w}px down`);
  });

  it('draws the national series as bars across, a row per year, the prosecutions on a log scale, with every value', () => {
    const l = down(model, 360);
    expect(l.panels.map((p) => [p.id, p.log])).toEqual([
      ['mps-cases-solved', false],
      ['spp-aiding-prosecutions', true],
    ]);
    const spp = l.panels[1]!;
    expect(spp.domain).toEqual([100, 1_000_000]);
    expect(spp.title.join(' ')).toContain('log scale');
    expect(spp.values).toHaveLength(model.series[1]!.bars.length);
    expect(spp.values.find((v) => v.id === 'spp.aiding-prosecuted-2022-01-09')!.text).toBe('92.6k');
    // Under the events, each panel under the one before.
    expect(l.panels[0]!.titleY).toBeGreaterThan(Math.max(...l.events.map((e) => e.label.box.y + e.label.box.h)));
    expect(spp.titleY).toBeGreaterThan(l.panels[0]!.y + l.panels[0]!.height);
    // Each value at or inside the end of its bar, on its row.
    for (const v of spp.values) {
      const bar = model.series[1]!.bars.find((b) => b.id === v.id)!;
      expect(v.y, v.id).toBeGreaterThan(spp.y);
      expect(v.y, v.id).toBeLessThan(spp.y + spp.height);
      expect(bar.value).toBeGreaterThan(0);
    }
  });
});

describe('placeLabel', () => {
  it('takes the highest free place on its first side, then on the other, and flags a label it could not keep clear', () => {
    const taken: Box[] = [];
    const down =
      (x: number) =>
      (box: Box): [number, number, number, number] => [x, 0, x, box.y + 8];
    // 10 characters at 13 px in bold: 91 px; 5: 45.5 px.
    const a = placeLabel('a', ['abcdefghij'], 100, 10, [0, 400], taken, down(100));
    expect(a.box).toMatchObject({ x: 103, y: 10 });
    // Right of 90 is a's label: b goes right of its leader a row lower, or, left first, on the same row.
    expect(placeLabel('b', ['abcde'], 90, 10, [0, 400], [...taken], down(90)).box).toMatchObject({ x: 93, y: 30 });
    const b = placeLabel('b', ['abcde'], 90, 10, [0, 400], taken, down(90), ['end', 'start']);
    expect(b.box.x).toBeCloseTo(90 - 45.5 - 3, 6);
    expect(b.box.y).toBe(10);
    expect(b.clear).toBe(true);
    // A leader at 120 would cross a's label wherever its own went: it goes under everything, flagged.
    const c0 = placeLabel('c', ['abcdefghij'], 120, 10, [0, 400], taken, down(120));
    expect(c0.clear).toBe(false);
    expect(c0.box.y).toBeGreaterThanOrEqual(10 + 16);
    const c = placeLabel('c', ['abcdefghij'], 395, 10, [0, 400], [], down(395));
    expect(c.box.x).toBeCloseTo(395 - 91 - 3, 6);
    expect(c.box.y).toBe(10);
  });

  it("aligns a label left of its leader to its box's right edge, so its words meet the leader", () => {
    const down = (box: Box): [number, number, number, number] => [200, 0, 200, box.y + 8];
    const right = placeLabel('r', ['abcde'], 200, 10, [0, 400], [], down);
    expect(right.anchor).toBe('start');
    expect(labelX(right)).toBe(right.box.x);
    const left = placeLabel('l', ['abcde'], 200, 10, [0, 400], [], down, ['end', 'start']);
    expect(left.anchor).toBe('end');
    expect(labelX(left)).toBeCloseTo(200 - 3, 0);
  });
});
