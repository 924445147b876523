/**
 * Test data shared by the unit tests. GUANGDONG is a province no source names as part of the Hunan
 * network: a made-up correction, to show that naming one more province in data/ changes the site.
 */
import type { SiteData } from '~/data/load';
import type { Place } from '~/data/schema';

export const GUANGDONG: Place = {
  id: 'guangdong',
  name: { en: 'Guangdong', zh: '广东省' },
  kind: 'province',
  iso: 'CN-GD',
  network: true,
  sources: ['panews-2024-08-26'],
};

/** The site's data with more places added. */
export function withPlaces(base: SiteData, ...places: Place[]): SiteData {
  return { ...base, places: new Map([...base.places, ...places.map((p) => [p.id, p] as const)]) };
}
