import { describe, it, expect } from 'vitest';
import { loadData } from '~/data/load';
import { figureBook } from '~/data/figures';
import { translator } from '~/i18n/translate';
import { buildTimeline, timelineMarks, timelineParts, type TimelineBar } from '~/charts/timeline/model';

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

  it('gives each bar its value, its label in one number style and a detail', () => {
    expect(bar('spp.aiding-prosecuted-2018')).toMatchObject({ value: 137, text: '137' });
    expect(bar('spp.aiding-prosecuted-2020')).toMatchObject({ value: 13673, text: '13.7k' });
    expect(bar('mps.cases-solved-2022')).toMatchObject({ value: 464000, text: '464k' });
    expect(bar('mps.cases-solved-2021-04-2022-03').detail).toMatchObject({
      title: 'April 2021 to March 2022',
      lines: ['Telecom and online fraud cases solved, April 2021 to March 2022', '394,000', 'Covers twelve months from April to March, not a calendar year.'],
    });
    expect(bar('spp.aiding-prosecuted-2022').detail.lines[1]).toBe('about 130,000');
  });

  it('keeps the source’s qualifier on a bar’s label', () => {
    expect(bar('spp.aiding-prosecuted-2022').text).toBe('about 130k');
  });

  it('labels every bar of an edition in one number style: the Chinese panel in 万 from ten thousand, never 13673 beside 14.7万', () => {
    const zh = translator('zh');
    const texts = buildTimeline(data, figureBook(data, 'zh', zh), 'zh', zh)
      .series.flatMap((s) => s.bars)
      .filter((b) => b.value >= 1e4)
      .map((b) => b.text);
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) expect(t).toMatch(/^(约)?[\d.]+万$/);
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

describe('timelineParts', () => {
  it('lists the parts a slide can show alone, the cases first', () => {
    expect(timelineParts(model)).toEqual(['cases', 'national']);
    expect(timelineParts({ ...model, series: [] })).toEqual(['cases']);
  });
});
