/**
 * The network map of the Hunan case: China's provinces projected once at build time into SVG paths,
 * and the model of what the map says. Which provinces are highlighted comes from data/ (places marked
 * `network`), never from this code: today only Hunan is named, and the rest are shown as a count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoConicEqualArea, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { publishers, sourceLine, sourcesOf, textWidth, type ChartMeta, type DataTable, type Detail } from '~/charts/shared/frame';
import type { SiteData } from '~/data/load';
import type { FigureBook } from '~/data/figures';
import type { Translate } from '~/i18n/translate';
import { networkProvinces } from '~/data/derive';
import { formatList, formatNumber } from '~/i18n/format';
import type { Place } from '~/data/schema';
import { localize, type Locale } from '~/i18n/locale';
import { layoutTiles, TILE_GRID, type Tile } from './tiles';

export interface ProvinceProps {
  name_en: string;
  name_zh: string;
  iso: string;
  context: boolean;
}

export type Provinces = Feature<Geometry, ProvinceProps>[];

export const GEO_FILE = join(process.cwd(), 'data/geo/china-provinces.topo.json');

export function readProvinces(file = GEO_FILE): Provinces {
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ provinces: GeometryCollection<ProvinceProps> }>;
  return feature(topo, topo.objects.provinces).features;
}

/** The map's drawing size in SVG units; the SVG scales to its container. */
export const MAP_SIZE = { width: 600, height: 480 } as const;

export interface MapShape {
  id: string;
  name: string;
  d: string;
  /** Hong Kong, Macau, Taiwan: drawn as context. */
  context: boolean;
  /** Named by a source as part of the network. */
  network: boolean;
  /** Where to put the name, for provinces that get one. */
  label?: { x: number; y: number };
  /** In a tile grid (the zh edition): the division's square, drawn instead of its outline. */
  tile?: Tile;
}

export interface MapPoint {
  id: string;
  name: string;
  x: number;
  y: number;
  /** In a tile grid: where its words end (they run leftwards from there), clear of the tiles, with a leader line to it. */
  label?: { x: number; y: number } | undefined;
  detail: Detail;
}

/**
 * The map's scroll steps in order, named for what each brings in (the story's hunan-1 to hunan-5 blocks):
 * the county, the first arrests, the dealers' lists, the provinces, the case's totals.
 */
export const MAP_STEPS = ['county', 'first-arrests', 'dealers', 'provinces', 'totals'] as const;
export type MapStep = (typeof MAP_STEPS)[number];
/** The scroll step (0-based) a part of the map appears at. */
export const mapStep = (name: MapStep) => MAP_STEPS.indexOf(name);

/** What a slide shows of the map: the drawing alone, or its unit panels alone (provinces, arrests, cities). */
export type MapView = 'drawing' | 'panels';

export interface NetworkMapModel {
  meta: ChartMeta;
  table: DataTable;
  width: number;
  height: number;
  shapes: MapShape[];
  points: MapPoint[];
  /** The unit panels: a square per province, a dot per arrest and per city. */
  provinces: { named: string[]; unnamed: number; total: number; caption: string; unnamedLabel: string; namedLabel: string };
  /** Under a tile grid: which tiles have no data (Hong Kong, Macau, Taiwan). */
  noData?: string;
  /** What police took from the suspects' computers (the dealers step). */
  seized: string;
  figures: { firstArrests: string; arrested: { n: number; text: string }; cities: { n: number; text: string }; further: string; amount: string };
  steps: number;
}

/** Projects the provinces (conic equal-area, as for maps of China) into path strings for a fixed box. */
export function projectProvinces(provinces: Provinces, size = MAP_SIZE) {
  const projection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).fitSize([size.width, size.height], {
    type: 'FeatureCollection',
    features: provinces,
  });
  const path = geoPath(projection).digits(1);
  return {
    project: (lonLat: [number, number]) => projection(lonLat)!,
    paths: provinces.map((f) => {
      const [x, y] = path.centroid(f);
      return { id: f.properties.iso, d: path(f) ?? '', centroid: { x: Math.round(x), y: Math.round(y) } };
    }),
  };
}

const name = (p: ProvinceProps, locale: Locale) => (locale === 'zh' ? p.name_zh : p.name_en);

/**
 * Where the maps of an edition put things: projected outlines, or (zh) a tile grid, where a place sits in
 * its division's tile, since the mainland's rules for public maps need an approved base map for outlines.
 */
function mapFrame(data: SiteData, provinces: Provinces, locale: Locale) {
  if (locale !== 'zh') {
    const { project, paths } = projectProvinces(provinces);
    return {
      paths,
      tiles: undefined,
      locate: (p: Place) => project(p.coordinates!),
      labelAt: (_p: Place, _size?: number) => undefined,
      besideAt: () => undefined,
    };
  }
  const tiles = layoutTiles(
    provinces.map((f) => f.properties.iso),
    MAP_SIZE,
  );
  const provinceOf = (place: Place): Place => (place.within ? provinceOf(data.places.get(place.within)!) : place);
  return {
    tiles,
    paths: tiles.map((tile) => ({ id: tile.id, d: '', centroid: { x: tile.x + tile.size / 2, y: tile.y + tile.size / 2 } })),
    locate: (p: Place): [number, number] => {
      const tile = tiles.find((t) => t.id === provinceOf(p).iso)!;
      return [tile.x + tile.size / 2, tile.y + tile.size * 0.8];
    },
    // A place's words go in the row under its tile, left of every tile in the rows below it, where the grid is
    // empty; a first line of `size` starts below the tiles of its tile's row.
    labelAt: (p: Place, size = 0) => {
      const tile = tiles.find((t) => t.id === provinceOf(p).iso)!;
      const below = tiles.filter((t) => t.y > tile.y);
      return { x: Math.min(...below.map((t) => t.x)) - 8, y: Math.max(tile.y + tile.size * 1.45, tile.y + tile.size + 4 + size) };
    },
    // Or, where the grid is empty right of its tile in its row and the next (two lines of words), right beside it.
    besideAt: (p: Place) => {
      const tile = tiles.find((t) => t.id === provinceOf(p).iso)!;
      const { col, row } = TILE_GRID[tile.id]!;
      if (Object.values(TILE_GRID).some((c) => c.col > col && (c.row === row || c.row === row + 1))) return undefined;
      return { x: tile.x + tile.size + 8, y: tile.y + tile.size * 0.55 };
    },
  };
}

export function buildNetworkMap(data: SiteData, provinces: Provinces, book: FigureBook, locale: Locale, t: Translate): NetworkMapModel {
  const { paths, tiles, locate, labelAt } = mapFrame(data, provinces, locale);
  const networkPlaces = networkProvinces(data);
  const networkIso = new Set(networkPlaces.map((p) => p.iso));
  const localName = (p: Place) => localize(p.name, locale);

  const total = book.get('hunan.provinces');
  const unnamed = book.get('hunan.unnamed-provinces');
  const firstArrests = book.get('hunan.first-arrests');
  const arrested = book.get('hunan.arrested');
  const cities = book.get('hunan.cities');
  const further = book.get('hunan.further-suspects');
  const amount = book.get('hunan.amount');
  const sources = sourcesOf([total, firstArrests, arrested, cities, further, amount]);
  // The reports do not date the first arrests: the label says so rather than borrow the discovery's month.
  const firstArrestsText = firstArrests.when
    ? t('map.firstArrests', { n: firstArrests.text, count: firstArrests.count, when: firstArrests.when })
    : t('map.firstArrestsUndated', { n: firstArrests.text, count: firstArrests.count });

  const shapes: MapShape[] = provinces.map((f, i) => {
    const network = networkIso.has(f.properties.iso);
    const place = networkPlaces.find((p) => p.iso === f.properties.iso);
    return {
      id: f.properties.iso,
      // The geometry names provinces in English and Chinese only; a named province's own record may say more.
      name: place ? localName(place) : name(f.properties, locale),
      d: paths[i]!.d,
      context: f.properties.context,
      network,
      // A tile carries its own label.
      ...(network && !tiles && { label: paths[i]!.centroid }),
      ...(tiles && { tile: tiles[i]! }),
    };
  });

  const points: MapPoint[] = [...data.places.values()]
    .filter((p) => p.coordinates && p.within && isWithin(data, p, networkPlaces))
    .map((p) => {
      const [x, y] = locate(p);
      return {
        id: p.id,
        name: localName(p),
        x,
        y,
        label: labelAt(p),
        detail: {
          title: localName(p),
          lines: [firstArrestsText, t('map.arrests', { n: arrested.text, count: arrested.count })],
          sources: sources,
        },
      };
    });

  const namedNames = networkPlaces.map(localName);
  const namedList = formatList(namedNames, locale);
  const unnamedLabel = t('map.unnamedCount', { n: unnamed.text, count: unnamed.count });
  return {
    meta: {
      id: 'network-map',
      title: t('map.title', { provinces: total.text, count: total.count, named: formatNumber(networkPlaces.length, locale) }),
      subtitle: t('map.subtitle'),
      alt: t('map.alt', { namedList, unnamed: unnamed.text, provinces: total.text, arrested: arrested.text, cities: cities.text }),
      notes: [t('map.notes'), sourceLine(sources, t)],
      sources,
    },
    table: {
      columns: [t('table.what'), t('table.value'), t('table.date'), t('table.source')],
      rows: [
        ...networkPlaces.map((p) => [
          localName(p),
          t('map.named'),
          '',
          publishers(
            p.sources.map((s) => data.sourceById.get(s)!),
            t,
          ),
        ]),
        [unnamed.label, unnamed.text, '', t('label.value', { label: t('chart.derivedMark'), value: unnamed.formula!.text })],
        ...[total, firstArrests, arrested, cities, further, amount].map((f) => [f.label, f.text, f.when ?? '', publishers(f.sources, t)]),
      ],
    },
    width: MAP_SIZE.width,
    height: MAP_SIZE.height,
    shapes,
    points,
    provinces: {
      named: namedNames,
      unnamed: book.derived('hunan.unnamed-provinces').value!,
      total: book.fact('hunan.provinces').value!,
      caption: t('map.provinceSquares'),
      unnamedLabel,
      namedLabel: t('label.value', { label: t('map.named'), value: namedList }),
    },
    seized: t('map.seized'),
    ...(tiles && { noData: t('map.noData') }),
    figures: {
      firstArrests: firstArrestsText,
      arrested: { n: book.fact('hunan.arrested').value!, text: t('map.people', { n: arrested.text, count: arrested.count }) },
      cities: { n: book.fact('hunan.cities').value!, text: t('map.cities', { n: cities.text, count: cities.count }) },
      further: t('map.further', { n: further.text, count: further.count }),
      amount: t('map.amount', { n: amount.text }),
    },
    steps: MAP_STEPS.length,
  };
}

/** The locator's type sizes in its drawing's units: the province's name, and the place's under it. */
export const LOCATOR_TEXT = { province: 36, name: 30 } as const;

export interface LocatorModel {
  width: number;
  height: number;
  /** `case`: the province of one of the cases' places; `tile`, as in the network map. */
  shapes: { id: string; d: string; context: boolean; case: boolean; tile?: Tile }[];
  /**
   * Every place in data/ with coordinates (the sites of both cases), named with their province: "Shanghai",
   * "Jiading District". Its words start (or end) at `label`; in a tile grid they may sit apart, off the tiles,
   * with a leader line to the place.
   */
  points: { id: string; province: string; name: string; x: number; y: number; label: { x: number; y: number; anchor: 'start' | 'end'; leader: boolean } }[];
  /** What the locator shows, in words, for screen readers. */
  label: string;
}

/** The opening's locator: China's provinces, the two cases' provinces filled, and the places named. */
export function buildLocator(data: SiteData, provinces: Provinces, locale: Locale, t: Translate): LocatorModel {
  const { paths, tiles, locate, labelAt, besideAt } = mapFrame(data, provinces, locale);
  const provinceOf = (place: Place): Place => (place.within ? provinceOf(data.places.get(place.within)!) : place);
  const sites = [...data.places.values()].filter((p) => p.coordinates);
  const points = sites.map((p) => {
    const [x, y] = locate(p);
    // On a map, the words left of the place; in a tile grid, off the tiles: beside its tile, else under, with a leader.
    const beside = besideAt(p);
    const under = labelAt(p, LOCATOR_TEXT.province);
    const label = beside
      ? { ...beside, anchor: 'start' as const, leader: false }
      : under
        ? { ...under, anchor: 'end' as const, leader: true }
        : { x: x - 18, y: y - 4, anchor: 'end' as const, leader: false };
    return { id: p.id, province: localize(provinceOf(p).name, locale), name: localize(p.name, locale), x, y, label };
  });
  const caseIso = new Set(sites.map((p) => provinceOf(p).iso));
  const names = points.map((p) => `${p.province}, ${p.name}`);
  // Words set beside a tile on the grid's right may need room past it: the drawing widens to hold them.
  const reach = points.map((p) =>
    p.label.anchor === 'start' ? p.label.x + Math.max(textWidth(p.province, LOCATOR_TEXT.province, true), textWidth(p.name, LOCATOR_TEXT.name)) + 4 : 0,
  );
  return {
    width: Math.ceil(Math.max(MAP_SIZE.width, ...reach)),
    height: MAP_SIZE.height,
    shapes: provinces.map((f, i) => ({
      id: f.properties.iso,
      d: paths[i]!.d,
      context: f.properties.context,
      case: caseIso.has(f.properties.iso),
      ...(tiles && { tile: tiles[i]! }),
    })),
    points,
    label: t('locator.label', { places: formatList(names, locale) }),
  };
}

/** True when a place lies (through its `within` chain) in one of the given provinces. */
function isWithin(data: SiteData, place: Place, provinces: Place[]): boolean {
  for (let p: Place | undefined = place; p; p = p.within ? data.places.get(p.within) : undefined) {
    if (provinces.includes(p)) return true;
  }
  return false;
}
