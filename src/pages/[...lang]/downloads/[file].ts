/**
 * Static downloads per edition, generated at build time from the same chart drawings and data: the files
 * of src/site/downloads.ts (<chart>.svg, <chart>.png, <chart>@2x.png, <chart>.csv, <chart>-card.png,
 * 1200×630) and story-card.png.
 */
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { compile } from 'svelte/compiler';
import { CHART_IDS, type ChartId } from '~/charts/registry';
import { edition, editionLocales, langParam, type Edition } from '~/edition/edition';
import { CARD_LAYOUT_WIDTH, cardSvg, chartBlocks, exportStyles, chartImageSvg, mainDrawing, toCsv } from '~/export/svg';
import { DOWNLOADS, STORY_CARD, type DownloadKind } from '~/site/downloads';
import { pageUrl } from '~/site/paths';
import { toPng } from '~/export/png';
import { designTokens, token } from '~/site/design-tokens';

// Each chart component's CSS as Svelte scopes it, so the selectors match the rendered markup's classes.
const componentCss = Object.entries(import.meta.glob<string>('/src/charts/**/*.svelte', { query: '?raw', import: 'default', eager: true })).map(
  ([file, source]) => compile(source, { css: 'external', generate: 'server', filename: file.slice(1) }).css?.code ?? '',
);
const styles = exportStyles(componentCss, designTokens('light'));
const colors = {
  background: token('--color-bg'),
  text: token('--color-text'),
  muted: token('--color-muted'),
  accent: token('--color-fraud'),
};

export function getStaticPaths() {
  return editionLocales().flatMap((locale) => {
    const lang = langParam(locale);
    const charts = CHART_IDS.flatMap((chart) => DOWNLOADS.map(({ kind, file }) => ({ params: { lang, file: file(chart) }, props: { locale, chart, kind } })));
    return [...charts, { params: { lang, file: STORY_CARD }, props: { locale, chart: undefined, kind: 'card' as DownloadKind } }];
  });
}

/** The chart as the story renders it, server side, at `width` px. */
function chartHtml(e: Edition, id: ChartId, width: number): string {
  return e.chart(id).draw({ locale: e.tag, tableLabel: e.t('chart.data'), width });
}

/** Who made it and where it lives, at the foot of every image: the story's public address (SITE and BASE). */
const credit = (e: Edition, site: URL) => e.t('share.credit', { site: e.t('site.name'), url: pageUrl(site, e.locale, '', import.meta.env.BASE_URL) });

/** A chart's image for a download: everything the story's chart shows, its notes and source, and the credit. */
function chartImage(e: Edition, id: ChartId, site: URL): string {
  const { model, definition } = e.chart(id);
  const { meta } = model;
  const layoutWidth = definition.downloads.width;
  return chartImageSvg({
    meta,
    blocks: chartBlocks(chartHtml(e, id, layoutWidth), layoutWidth),
    notes: [...meta.notes, credit(e, site)],
    styles,
    width: 960,
    layoutWidth,
    colors,
  });
}

/** A chart's social card: the headline, one bold figure, and the chart's main drawing laid out narrow, so its labels read in a feed. */
function chartCard(e: Edition, id: ChartId, site: URL): string {
  const spec = e.chart(id);
  const drawing = mainDrawing(chartHtml(e, id, CARD_LAYOUT_WIDTH), CARD_LAYOUT_WIDTH);
  return cardSvg({ headline: spec.model.meta.title, figure: spec.cardFigure, drawing, credit: credit(e, site), styles, colors });
}

/** The story's card: its headline and first key figure, with the chart its definition says leads it (the lit network map) as the visual. */
function storyCard(e: Edition, site: URL): string {
  const [first] = e.story.keyFigures('key-figures');
  const lead = e.charts.find((c) => c.definition.card.story) ?? e.charts[0]!;
  const map = mainDrawing(chartHtml(e, lead.id, CARD_LAYOUT_WIDTH), CARD_LAYOUT_WIDTH);
  return cardSvg({
    headline: e.story.text('headline'),
    figure: first ? `${first.text} · ${first.captionText}` : '',
    drawing: map,
    credit: pageUrl(site, e.locale, '', import.meta.env.BASE_URL),
    styles,
    colors,
  });
}

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => {
  const { locale, chart, kind } = props;
  const e = edition(locale);
  if (!chart) return new Response(toPng(storyCard(e, site!)), { headers: { 'Content-Type': 'image/png' } });
  const model = e.chart(chart).model;
  switch (kind) {
    case 'svg':
      return new Response(chartImage(e, chart, site!), { headers: { 'Content-Type': 'image/svg+xml' } });
    case 'png':
      return new Response(toPng(chartImage(e, chart, site!)), { headers: { 'Content-Type': 'image/png' } });
    case 'png2x':
      return new Response(toPng(chartImage(e, chart, site!), 2), { headers: { 'Content-Type': 'image/png' } });
    case 'csv':
      return new Response(toCsv(model.table.columns, model.table.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    case 'card':
      return new Response(toPng(chartCard(e, chart, site!)), { headers: { 'Content-Type': 'image/png' } });
  }
};
