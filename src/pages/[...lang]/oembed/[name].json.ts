/** /oembed/<name>.json: the oEmbed record of each embed page (a chart, or one of its parts: `<chart>-<part>`); embed and story pages link to it. */
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { edition, editionEmbedPaths } from '~/edition/edition';
import { downloadFile } from '~/site/downloads';
import { embedPath, oembed } from '~/site/embed';
import { pageUrl } from '~/site/paths';

export const getStaticPaths = editionEmbedPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => {
  const { locale, chart, part } = props;
  const e = edition(locale);
  const base = import.meta.env.BASE_URL;
  const { model, embeds } = e.chart(chart);
  const embed = embeds.find((x) => x.part?.name === part)!;
  const record = oembed(
    {
      chart,
      src: pageUrl(site!, locale, embedPath(chart, part), base),
      // A part is titled by its own name after the chart's.
      title: embed.part ? e.t('label.value', { label: model.meta.title, value: embed.part.label }) : model.meta.title,
      script: new URL(`${base}embed.js`, site).href,
      height: embed.height,
    },
    { name: e.t('site.name'), url: pageUrl(site!, locale, '', base) },
    { url: pageUrl(site!, locale, `downloads/${downloadFile('card', chart)}`, base), width: 1200, height: 630 },
  );
  return new Response(JSON.stringify(record, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
