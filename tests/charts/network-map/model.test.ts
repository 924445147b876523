import { describe, it, expect } from 'vitest';
import { loadData, type SiteData } from '~/data/load';
import { figureBook } from '~/data/figures';
import { MAP_SIZE, buildNetworkMap, projectProvinces, readProvinces } from '~/charts/network-map/model';
import { translator } from '~/i18n/translate';
import { GUANGDONG, withPlaces } from '../../data/fixtures';

const data = loadData();
const t = translator('en');
const provinces = readProvinces();
const build = (d: SiteData) => buildNetworkMap(d, provinces, figureBook(d, 'en', t), 'en', t);
const map = build(data);

const withGuangdong = withPlaces(data, GUANGDONG);
const inBox = (x: number, y: number) => x >= 0 && x <= MAP_SIZE.width && y >= 0 && y <= MAP_SIZE.height;

describe('projectProvinces', () => {
  const { project, paths } = projectProvinces(provinces);

  it('gives 34 non-empty SVG paths, one per feature, in feature order', () => {
    expect(paths).toHaveLength(34);
    expect(paths.map((p) => p.id)).toEqual(provinces.map((f) => f.properties.iso));
    for (const p of paths) expect(p.d, p.id).toMatch(/^M[\d.,-]+/);
    expect(new Set(paths.map((p) => p.id)).size).toBe(34);
  });

  it('keeps every centroid inside the 600 × 480 box', () => {
    for (const p of paths) expect(inBox(p.centroid.x, p.centroid.y), p.id).toBe(true);
  });

  it('projects north up and east right', () => {
    const byId = new Map(paths.map((p) => [p.id, p.centroid]));
    expect(byId.get('CN-HL')!.y).toBeLessThan(byId.get('CN-HI')!.y); // Heilongjiang above Hainan
    expect(byId.get('CN-XJ')!.x).toBeLessThan(byId.get('CN-SH')!.x); // Xinjiang left of Shanghai
    const [lx, ly] = project([112.56, 25.28]);
    const hunan = byId.get('CN-HN')!;
    expect(Math.hypot(lx - hunan.x, ly - hunan.y)).toBeLessThan(40); // Linwu is in the south of Hunan
    expect(ly).toBeGreaterThan(hunan.y);
  });
});

describe('buildNetworkMap', () => {
  it('marks only Hunan as named, from data/', () => {
    expect(map.shapes).toHaveLength(34);
    expect(map.shapes.filter((s) => s.network).map((s) => s.id)).toEqual(['CN-HN']);
    const hunan = map.shapes.find((s) => s.id === 'CN-HN')!;
    expect(hunan.name).toBe('Hunan');
    expect(hunan.label).toBeDefined();
    expect(inBox(hunan.label!.x, hunan.label!.y)).toBe(true);
    expect(map.shapes.filter((s) => s.label).map((s) => s.id)).toEqual(['CN-HN']);
  });

  it('draws Hong Kong, Macau and Taiwan as context', () => {
    expect(
      map.shapes
        .filter((s) => s.context)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['CN-HK', 'CN-MO', 'CN-TW']);
  });

  it('puts Linwu County on the map, inside the box, and no place outside the network', () => {
    expect(map.width).toBe(600);
    expect(map.height).toBe(480);
    expect(map.points.map((p) => p.id)).toEqual(['linwu']); // Jiading is in Shanghai, not in the network
    const linwu = map.points[0]!;
    expect(linwu.name).toBe('Linwu County');
    expect(inBox(linwu.x, linwu.y)).toBe(true);
    expect(linwu.detail.lines).toEqual(['5 arrested first (date not reported)', '62 arrested']);
    expect(linwu.detail.sources.map((s) => s.id)).toEqual(['odaily-2024-08-26-fr', 'panews-2024-08-26']);
  });

  it('counts 18 provinces, 1 named and 17 not', () => {
    expect(map.provinces).toMatchObject({ named: ['Hunan'], unnamed: 17, total: 18 });
    expect(map.provinces.unnamedLabel).toBe('17 further provinces, not named in the reports');
    expect(map.provinces.namedLabel).toBe('Named in the reports: Hunan');
  });

  it('has the figures of the case', () => {
    expect(map.figures).toEqual({
      firstArrests: '5 arrested first (date not reported)',
      arrested: { n: 62, text: '62 people arrested' },
      cities: { n: 86, text: '86 cities with arrests' },
      further: 'more than 100 further suspects linked',
      amount: 'over 4 million yuan involved',
    });
  });

  it('words the title, alt text and table from the data', () => {
    expect(map.meta.title).toBe('A network across 18 provinces, 1 named in the reports');
    expect(map.meta.alt).toContain('Provinces the reports name as part of the network: Hunan.');
    expect(map.meta.alt).toContain('The other 17 of the 18 provinces are not named');
    expect(map.meta.alt).toContain('62 people were arrested in 86 cities');
    expect(map.table.rows[0]).toEqual(['Hunan', 'Named in the reports', '', 'Odaily (French edition on Binance Square); PANews (on Binance Square)']);
    expect(map.table.rows[1]).toEqual([
      'Provinces in the network that the reports do not name',
      '17',
      '',
      'derived: provinces in the network − provinces named: 18 − 1 = 17',
    ]);
    expect(map.table.rows[2]).toEqual([
      'Provinces where the number and account dealers were',
      '18',
      'early August 2024',
      'Odaily (French edition on Binance Square); PANews (on Binance Square)',
    ]);
    expect(map.table.rows).toHaveLength(1 + 1 + 6);
  });

  it('marks a province a later data change names, with no code change', () => {
    const corrected = build(withGuangdong);
    expect(
      corrected.shapes
        .filter((s) => s.network)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['CN-GD', 'CN-HN']);
    expect(corrected.shapes.find((s) => s.id === 'CN-GD')!.label).toBeDefined();
    expect(corrected.provinces).toMatchObject({ named: ['Hunan', 'Guangdong'], unnamed: 16, total: 18 });
    expect(corrected.provinces.unnamedLabel).toBe('16 further provinces, not named in the reports');
    expect(corrected.provinces.namedLabel).toBe('Named in the reports: Hunan and Guangdong');
    expect(corrected.meta.alt).toContain('16 of the 18 provinces');
    expect(corrected.table.rows.slice(0, 2).map((r) => r[0])).toEqual(['Hunan', 'Guangdong']);
    // The original model is untouched.
    expect(map.provinces.unnamed).toBe(17);
  });

  it('does not say only one province is named once data/ names two', () => {
    const corrected = build(withGuangdong);
    expect(corrected.meta.title).not.toContain('one of them named');
    expect(corrected.meta.alt).not.toContain('Hunan is the only province police named');
  });

  it('uses Chinese province names in the zh edition', () => {
    const zh = buildNetworkMap(data, provinces, figureBook(data, 'zh', t), 'zh', t);
    expect(zh.shapes.find((s) => s.id === 'CN-HN')!.name).toBe(provinces.find((f) => f.properties.iso === 'CN-HN')!.properties.name_zh);
    expect(zh.provinces.named).toEqual(['湖南省']);
    expect(zh.points[0]!.name).toBe('临武县');
    const zhT = translator('zh');
    const zhMap = buildNetworkMap(data, provinces, figureBook(data, 'zh', zhT), 'zh', zhT);
    // Chinese punctuation is full-width: a colon in the legend, a semicolon between sources.
    expect(zhMap.provinces.namedLabel).toBe('报道已提到：湖南省');
    expect(zhMap.meta.notes.at(-1)).toMatch(/^来源：[^;]+；[^;]+$/);
  });
});

describe('buildLocator', () => {
  it('places both cases inside the map and names them for screen readers', async () => {
    const { buildLocator, readProvinces, MAP_SIZE } = await import('~/charts/network-map/model');
    const { loadData } = await import('~/data/load');
    const { translator } = await import('~/i18n/translate');
    const locator = buildLocator(loadData(), readProvinces(), 'en', translator('en'));
    expect(locator.points.map((p) => p.id).sort()).toEqual(['jiading', 'linwu']);
    for (const p of locator.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(MAP_SIZE.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(MAP_SIZE.height);
    }
    // Jiading (Shanghai) lies east and north of Linwu (southern Hunan).
    const [jiading, linwu] = ['jiading', 'linwu'].map((id) => locator.points.find((p) => p.id === id)!);
    expect(jiading!.x).toBeGreaterThan(linwu!.x);
    expect(jiading!.y).toBeLessThan(linwu!.y);
    expect(locator.shapes).toHaveLength(34);
    expect(locator.label).toMatch(
      /^Where the two cases happened: (Shanghai, Jiading District and Hunan, Linwu County|Hunan, Linwu County and Shanghai, Jiading District)$/,
    );
    // Each place is named with its province, whose shape is filled.
    expect(jiading!.province).toBe('Shanghai');
    expect(linwu!.province).toBe('Hunan');
    expect(
      locator.shapes
        .filter((s) => s.case)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['CN-HN', 'CN-SH']);
  });

  it('draws no outline in the zh edition: a tile per division, each place in its own tile', async () => {
    const { buildLocator } = await import('~/charts/network-map/model');
    const data = loadData();
    const zhT = translator('zh');
    const locator = buildLocator(data, readProvinces(), 'zh', zhT);
    expect(locator.shapes.every((s) => s.d === '' && s.tile)).toBe(true);
    const tiles = locator.shapes.map((s) => s.tile!);
    // No two tiles overlap.
    for (const a of tiles) for (const b of tiles) if (a !== b) expect(Math.abs(a.x - b.x) >= a.size || Math.abs(a.y - b.y) >= a.size).toBe(true);
    for (const p of locator.points) {
      const tile = locator.shapes.find((s) => s.id === (p.id === 'linwu' ? 'CN-HN' : 'CN-SH'))!.tile!;
      expect(p.x).toBeGreaterThan(tile.x);
      expect(p.x).toBeLessThan(tile.x + tile.size);
    }
    // The names sit off the tiles: Shanghai's beside its tile on the grid's empty right, Linwu's in the empty
    // rows under Hunan's, with a leader; the drawing widens for words past the grid.
    const label = (id: string) => locator.points.find((p) => p.id === id)!.label;
    expect(label('jiading')).toMatchObject({ anchor: 'start', leader: false });
    expect(label('linwu')).toMatchObject({ anchor: 'end', leader: true });
    expect(locator.width).toBeGreaterThan(label('jiading').x);
    const map = buildNetworkMap(data, readProvinces(), figureBook(data, 'zh', zhT), 'zh', zhT);
    expect(map.shapes.every((s) => s.d === '' && s.tile)).toBe(true);
    expect(map.noData).toBeTruthy();
  });
});
