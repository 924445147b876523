/** /manifest.webmanifest (and /zh/, /fr/): the web app manifest of each edition, from src/lib/manifest.ts. */
import type { APIRoute } from 'astro';
import { editionPaths } from '~/lib/story/edition';
import { translator } from '~/lib/i18n/translate';
import { webManifest } from '~/lib/site/manifest';
import type { Locale } from '~/lib/data/schema';

export const getStaticPaths = editionPaths;

export const GET: APIRoute = ({ props }) => {
  const { locale } = props as { locale: Locale };
  const manifest = webManifest(locale, translator(locale), import.meta.env.BASE_URL);
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
