/**
 * Static downloads per edition, generated at build time from the same chart drawings and data: the files
 * of src/site/downloads.ts (<chart>.svg, <chart>.png, <chart>@2x.png, <chart>.csv, <chart>-card.png,
 * 1200×630) and story-card.png. Cards are drawn from each chart's card content (src/export/card.ts), not
 * from its artboards.
 */
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { compile } from 'svelte/compiler';
import { CHART_IDS, type ChartId } from '~/charts/registry';
import { edition, editionLocales, langParam, type Edition } from '~/edition/edition';
import { chartBlocks, exportFontFamily, exportStyles, chartImageSvg, toCsv } from '~/export/svg';
import { cardSvg, storyCardContent } from '~/export/card';
import { DOWNLOADS, STORY_CARD, type DownloadKind } from '~/site/downloads';
import { pageUrl } from '~/site/paths';
import { toPng } from '~/export/png';
import { designTokens, token } from '~/site/design-tokens';

// Each chart component's CSS as Svelte scopes it, so the selectors match the rendered markup's classes.
const componentCss = Object.entries(import.meta.glob<string>('/src/charts/**/*.svelte', { query: '?raw', import: 'default', eager: true })).map(
  ([file, source]) => compile(source, { css: 'external', generate: 'server', filename: file.slice(1) }).css?.code ?? '',
);
const stylesheets = new Map<string, string>();
/** The charts' stylesheet for an image in the edition's language (its fonts). */
const styles = (e: Edition) => {
  if (!stylesheets.has(e.locale)) stylesheets.set(e.locale, exportStyles(componentCss, designTokens('light'), exportFontFamily(e.locale)));
  return stylesheets.get(e.locale)!;
};
const colors = {
  background: token('--color-bg'),
  text: token('--color-text'),
  muted: token('--color-muted'),
  accent: token('--color-fraud'),
};
const cardColors = {
  ...colors,
  soft: token('--color-fraud-soft'),
  land: token('--color-context'),
  edge: token('--color-context-edge'),
  lit: token('--color-network'),
  litEdge: token('--color-police'),
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
    styles: styles(e),
    fontFamily: exportFontFamily(e.locale),
    width: 960,
    layoutWidth,
    colors,
  });
}

/** The story's public address, short: what a card's credit names. */
const address = (e: Edition, site: URL) => pageUrl(site, e.locale, '', import.meta.env.BASE_URL).replace(/^https?:\/\//, '');

/** A chart's social card: its headline, one figure and one visual from the same case. */
function chartCard(e: Edition, id: ChartId, site: URL): string {
  return cardSvg({
    ...e.chart(id).card,
    credit: e.t('share.credit', { site: e.t('site.name'), url: address(e, site) }),
    fontFamily: exportFontFamily(e.locale),
    colors: cardColors,
  });
}

/** The story's card: its headline and first key figure, with the visual of the chart from that figure's case. */
function storyCard(e: Edition, site: URL): string {
  const [first] = e.story.keyFigures('key-figures');
  const figure = first && { id: first.id, text: `${first.text}\n${first.captionText}` };
  const content = storyCardContent(
    e.story.text('headline'),
    figure,
    e.charts.map((c) => c.card),
  );
  return cardSvg({ ...content, credit: address(e, site), fontFamily: exportFontFamily(e.locale), colors: cardColors });
}

const png = async (svg: string, scale?: number) => new Response(await toPng(svg, scale), { headers: { 'Content-Type': 'image/png' } });

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props, site }) => {
  const { locale, chart, kind } = props;
  const e = edition(locale);
  if (!chart) return png(storyCard(e, site!));
  const model = e.chart(chart).model;
  switch (kind) {
    case 'svg':
      return new Response(chartImage(e, chart, site!), { headers: { 'Content-Type': 'image/svg+xml' } });
    case 'png':
      return png(chartImage(e, chart, site!));
    case 'png2x':
      return png(chartImage(e, chart, site!), 2);
    case 'csv':
      return new Response(toCsv(model.table.columns, model.table.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    case 'card':
      return png(chartCard(e, chart, site!));
  }
};
