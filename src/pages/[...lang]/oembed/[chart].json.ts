/** /oembed/<chart>.json: the oEmbed record each embed page links to. */
import type { APIRoute } from 'astro';
import { CHART_IDS, type ChartId } from '~/charts/shared/frame';
import { edition, editionLocales, langParam } from '~/lib/story/edition';
import { oembed } from '~/lib/site/embed';
import { pageUrl } from '~/lib/site/paths';
import type { Locale } from '~/lib/data/schema';

export function getStaticPaths() {
  return editionLocales().flatMap((locale) => CHART_IDS.map((chart) => ({ params: { lang: langParam(locale), chart }, props: { locale, chart } })));
}

export const GET: APIRoute = ({ props, site }) => {
  const { locale, chart } = props as { locale: Locale; chart: ChartId };
  const e = edition(locale);
  const base = import.meta.env.BASE_URL;
  const record = oembed(
    { chart, src: pageUrl(site!, locale, `embed/${chart}/`, base), title: e.chart(chart).model.meta.title, script: new URL(`${base}embed.js`, site).href },
    { name: e.t('site.name'), url: pageUrl(site!, locale, '', base) },
    { url: pageUrl(site!, locale, `downloads/${chart}-card.png`, base), width: 1200, height: 630 },
  );
  return new Response(JSON.stringify(record, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
