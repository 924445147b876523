/** /oembed/<chart>.json: the oEmbed record each embed page links to. */
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { edition, editionChartPaths } from '~/edition/edition';
import { downloadFile } from '~/site/downloads';
import { oembed } from '~/site/embed';
import { pageUrl } from '~/site/paths';

export const getStaticPaths = editionChartPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => {
  const { locale, chart } = props;
  const e = edition(locale);
  const base = import.meta.env.BASE_URL;
  const { model, definition } = e.chart(chart);
  const record = oembed(
    {
      chart,
      src: pageUrl(site!, locale, `embed/${chart}/`, base),
      title: model.meta.title,
      script: new URL(`${base}embed.js`, site).href,
      height: definition.embedHeight,
    },
    { name: e.t('site.name'), url: pageUrl(site!, locale, '', base) },
    { url: pageUrl(site!, locale, `downloads/${downloadFile('card', chart)}`, base), width: 1200, height: 630 },
  );
  return new Response(JSON.stringify(record, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
