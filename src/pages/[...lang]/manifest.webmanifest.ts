/** /manifest.webmanifest (and /zh/, /fr/): the web app manifest of each edition, from src/site/manifest.ts. */
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { editionPaths } from '~/edition/edition';
import { translator } from '~/i18n/translate';
import { webManifest } from '~/site/manifest';

export const getStaticPaths = editionPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const { locale } = props;
  const manifest = webManifest(locale, translator(locale), import.meta.env.BASE_URL);
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
