/**
 * Static downloads per edition, generated at build time from the same chart components and data:
 * <chart>.svg, <chart>.png, <chart>@2x.png, <chart>.csv, <chart>-card.png (1200×630) and story-card.png.
 */
import type { APIRoute } from 'astro';
import { render } from 'svelte/server';
import Chart from '../../../charts/Chart.svelte';
import type { Component } from 'svelte';
import { CHART_IDS, type ChartId } from '../../../lib/chart';
import { edition, editionLocales, langParam, type Edition } from '../../../lib/edition';
import { chartSvg, exportStyles, figureSvg, staticLines, tokenValues, toCsv } from '../../../lib/export';
import { toPng } from '../../../lib/png';
import type { Locale } from '../../../lib/schema';
import tokensCss from '../../../styles/tokens.css?raw';

const componentSources = Object.values(import.meta.glob<string>('../../../charts/*.svelte', { query: '?raw', import: 'default', eager: true }));
const styles = exportStyles(componentSources, tokensCss);
const tokens = tokenValues(tokensCss, 'light');
const colors = { background: tokens.get('--color-bg')!, text: tokens.get('--color-text')!, muted: tokens.get('--color-muted')! };

type Kind = 'svg' | 'png' | 'png2x' | 'csv' | 'card';
const FILE: Record<Kind, (chart: string) => string> = {
  svg: (c) => `${c}.svg`,
  png: (c) => `${c}.png`,
  png2x: (c) => `${c}@2x.png`,
  csv: (c) => `${c}.csv`,
  card: (c) => `${c}-card.png`,
};

export function getStaticPaths() {
  return editionLocales().flatMap((locale) => {
    const lang = langParam(locale);
    const charts = CHART_IDS.flatMap((chart) =>
      (Object.keys(FILE) as Kind[]).map((kind) => ({ params: { lang, file: FILE[kind](chart) }, props: { locale, chart, kind } })),
    );
    return [...charts, { params: { lang, file: 'story-card.png' }, props: { locale, chart: undefined, kind: 'card' as Kind } }];
  });
}

/** The whole figure for a download; a social card keeps the title and the drawing, and names the site. */
function figure(e: Edition, id: ChartId, width: number, card = false): string {
  const spec = e.chart(id);
  // (astro check types a .svelte import in a .ts file as an Astro component; it is a Svelte one.)
  const html = render(Chart as unknown as Component<Record<string, unknown>>, { props: { chart: spec, locale: e.tag, tableLabel: e.t('chart.data'), width: 720 } }).body;
  const { meta } = spec.model;
  return card
    ? figureSvg({ meta, extra: [], notes: [e.t('site.name')], chart: chartSvg(html), styles, width, height: 630, colors })
    : figureSvg({ meta, extra: staticLines(spec), notes: meta.notes, chart: chartSvg(html), styles, width, colors });
}

function storyCard(e: Edition): string {
  const meta = { title: e.story.text('headline'), subtitle: e.story.text('standfirst'), alt: e.story.text('standfirst') };
  const extra = e.story.keyFigures('key-figures').map((f) => `${f.text} · ${f.captionText}`);
  return figureSvg({ meta, extra, notes: [e.t('site.name')], styles, width: 1200, height: 630, colors });
}

export const GET: APIRoute = ({ props }) => {
  const { locale, chart, kind } = props as { locale: Locale; chart?: ChartId; kind: Kind };
  const e = edition(locale);
  if (!chart) return new Response(toPng(storyCard(e)), { headers: { 'Content-Type': 'image/png' } });
  const model = e.chart(chart).model;
  switch (kind) {
    case 'svg':
      return new Response(figure(e, chart, 960), { headers: { 'Content-Type': 'image/svg+xml' } });
    case 'png':
      return new Response(toPng(figure(e, chart, 960)), { headers: { 'Content-Type': 'image/png' } });
    case 'png2x':
      return new Response(toPng(figure(e, chart, 960), 2), { headers: { 'Content-Type': 'image/png' } });
    case 'csv':
      return new Response(toCsv(model.table.columns, model.table.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    case 'card':
      return new Response(toPng(figure(e, chart, 1200, true)), { headers: { 'Content-Type': 'image/png' } });
  }
};
