import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import { feature } from 'topojson-client';
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

// Checks the committed output of scripts/build-geo.mjs (see data/geo/README.md).

interface ProvinceProps {
  name_en: string;
  name_zh: string;
  iso: string;
  context: boolean;
}

const FILE = resolve(process.cwd(), 'data/geo/china-provinces.topo.json');
const text = readFileSync(FILE, 'utf8');
const topo = JSON.parse(text) as Topology<{ provinces: GeometryCollection<ProvinceProps> }>;

const LINWU: [number, number] = [112.56, 25.28];
const CONTEXT_IDS = ['CN-HK', 'CN-MO', 'CN-TW'];

// The geometries as plain records (the topojson-specification types widen
// properties to `{} | P` because of null geometries).
interface ProvinceGeometry {
  type: string;
  id?: string | number;
  properties?: ProvinceProps;
}
const geometries = topo.objects.provinces.geometries as unknown as ProvinceGeometry[];

function provinces(): FeatureCollection<Geometry, ProvinceProps> {
  return feature(topo, topo.objects.provinces) as FeatureCollection<Geometry, ProvinceProps>;
}

function byId(id: string): Feature<Geometry, ProvinceProps> {
  const f = provinces().features.find((x) => x.id === id);
  if (!f) throw new Error(`feature ${id} not found`);
  return f;
}

describe('data/geo/china-provinces.topo.json', () => {
  it('is at most 40 KiB', () => {
    expect(statSync(FILE).size).toBeLessThanOrEqual(40 * 1024);
  });

  it('is a TopoJSON topology with exactly one object, "provinces"', () => {
    expect(topo.type).toBe('Topology');
    expect(Array.isArray(topo.arcs)).toBe(true);
    expect(topo.arcs.length).toBeGreaterThan(0);
    expect(Object.keys(topo.objects)).toEqual(['provinces']);
    expect(topo.objects.provinces.type).toBe('GeometryCollection');
  });

  it('has 34 features: 31 mainland divisions and 3 context divisions', () => {
    const geoms = geometries;
    expect(geoms).toHaveLength(34);
    expect(geoms.filter((g) => g.properties?.context === false)).toHaveLength(31);
    const context = geoms.filter((g) => g.properties?.context === true).map((g) => g.id);
    expect([...context].sort()).toEqual(CONTEXT_IDS);
  });

  it('has unique ISO 3166-2 ids, names and a boolean context flag on every feature', () => {
    const geoms = geometries;
    const ids = geoms.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of geoms) {
      const p = g.properties;
      expect(p, String(g.id)).toBeDefined();
      if (!p) continue;
      expect(g.type).toMatch(/^(Multi)?Polygon$/);
      expect(p.iso).toMatch(/^CN-[A-Z]{2}$/);
      expect(g.id).toBe(p.iso);
      expect(typeof p.name_en).toBe('string');
      expect(p.name_en.trim().length).toBeGreaterThan(0);
      expect(typeof p.name_zh).toBe('string');
      expect(p.name_zh.trim().length).toBeGreaterThan(0);
      expect(typeof p.context).toBe('boolean');
    }
  });

  it('includes Hunan and Shanghai', () => {
    const hunan = byId('CN-HN');
    expect(hunan.properties.name_en).toBe('Hunan');
    expect(hunan.properties.name_zh).toContain('湖南');
    expect(hunan.properties.context).toBe(false);
    const shanghai = byId('CN-SH');
    expect(shanghai.properties.name_en).toBe('Shanghai');
    expect(shanghai.properties.name_zh).toContain('上海');
  });

  it('converts to GeoJSON with plausible bounds and correct winding', () => {
    const fc = provinces();
    expect(fc.features).toHaveLength(34);
    const [[west, south], [east, north]] = geoBounds(fc);
    expect(west).toBeGreaterThanOrEqual(73);
    expect(east).toBeLessThanOrEqual(136);
    expect(south).toBeGreaterThanOrEqual(3);
    expect(north).toBeLessThanOrEqual(54);
    for (const f of fc.features) {
      // A ring wound the wrong way would cover (almost) the whole sphere.
      const area = geoArea(f);
      expect(area, String(f.id)).toBeGreaterThan(0);
      expect(area, String(f.id)).toBeLessThan(0.1);
      const [[w, s], [e, n]] = geoBounds(f);
      expect(w, String(f.id)).toBeGreaterThanOrEqual(73);
      expect(e, String(f.id)).toBeLessThanOrEqual(136);
      expect(s, String(f.id)).toBeGreaterThanOrEqual(3);
      expect(n, String(f.id)).toBeLessThanOrEqual(54);
    }
  });

  it('puts Linwu County inside Hunan and nowhere else', () => {
    expect(geoContains(byId('CN-HN'), LINWU)).toBe(true);
    const others = provinces().features.filter((f) => f.id !== 'CN-HN' && geoContains(f, LINWU));
    expect(others.map((f) => f.id)).toEqual([]);
  });

  it('keeps the Paracel Islands folded into Hainan', () => {
    const [[, south]] = geoBounds(byId('CN-HI'));
    expect(south).toBeLessThan(17);
  });
});
