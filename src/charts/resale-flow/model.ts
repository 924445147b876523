/**
 * The resale chain of the Shanghai case: the model (what the chart says, in one locale) and its layout
 * (where things go at a given width). The model is built at build time; the layout runs wherever the
 * chart is drawn, so it must stay small and pure.
 */
import { nice, ticks } from 'd3-array';
import { linear } from '~/charts/shared/scale';
import { labelSize } from '~/charts/shared/artboards';
import { publishers, sourcesOf, sourceLine, textWidth, withFormula, wrapLines, type ChartMeta, type DataTable, type Detail } from '~/charts/shared/frame';
import type { FigureBook } from '~/data/figures';
import type { Translate } from '~/i18n/translate';

export const FLOW_STAGES = ['number', 'accounts', 'first-sale', 'resale', 'crime'] as const;
export type FlowStageId = (typeof FLOW_STAGES)[number];
/** The scroll step a stage appears at: one stage a step, in order (the last step adds the outcome). */
export const stageStep = (id: FlowStageId) => FLOW_STAGES.indexOf(id);

export interface FlowStage {
  id: FlowStageId;
  label: string;
  /** Price per account in yuan: min = max for a single price. */
  price?: { min: number; max: number; text: string };
  detail: Detail;
}

export interface FlowModel {
  meta: ChartMeta;
  table: DataTable;
  stages: FlowStage[];
  /** Label on the link from the number to the accounts. */
  noConsent: string;
  markup: { text: string; formula: string };
  /** The case's outcome, shown on the last step. */
  outcome: string;
  axisLabel: string;
  /** The yuan axis: a round maximum, and ticks for narrow and wide layouts. */
  axis: { max: number; ticks: { narrow: number[]; wide: number[] } };
  /** Number of scroll steps the chart has: step i shows stages 0..i, the last one adds the outcome. */
  steps: number;
}

export function buildResaleFlow(book: FigureBook, t: Translate): FlowModel {
  const first = book.get('shanghai.price-first-sale');
  const resale = book.get('shanghai.price-resale');
  const markup = book.get('shanghai.markup');
  const arrested = book.get('shanghai.arrested');
  const victims = book.get('shanghai.victims');
  const firstFact = book.fact('shanghai.price-first-sale');
  const resaleFact = book.fact('shanghai.price-resale');
  const bought = book.event('shanghai.number-bought');
  const figures = [first, resale, markup, arrested, victims];
  const sources = sourcesOf(figures);
  const price = (f: typeof firstFact) => ({
    min: f.range?.min ?? f.value!,
    max: f.range?.max ?? f.value!,
    text: book.get(f.id).text,
  });
  const detail = (title: string, lines: string[]): Detail => ({ title, lines, sources: sources.slice(0, 1) });

  const stages: FlowStage[] = [
    { id: 'number', label: t('flow.stage.number'), detail: detail(t('flow.stage.number'), [bought.when, bought.label]) },
    { id: 'accounts', label: t('flow.stage.accounts'), detail: detail(t('flow.stage.accounts'), [t('flow.noConsent')]) },
    {
      id: 'first-sale',
      label: t('flow.stage.first-sale'),
      price: price(firstFact),
      detail: detail(t('flow.stage.first-sale'), [first.text, book.get('shanghai.price-first-sale-usd').text]),
    },
    {
      id: 'resale',
      label: t('flow.stage.resale'),
      price: price(resaleFact),
      detail: detail(t('flow.stage.resale'), [resale.text, t('flow.markup', { markup: markup.text }), markup.formula!.text]),
    },
    {
      id: 'crime',
      label: t('flow.stage.crime'),
      detail: detail(t('flow.stage.crime'), [book.event('shanghai.investigation').label, t('flow.counts', { arrested: arrested.text, victims: victims.text })]),
    },
  ];

  return {
    meta: {
      id: 'resale-flow',
      title: t('flow.title'),
      subtitle: t('flow.subtitle'),
      alt: t('flow.alt', { first: first.text, resale: resale.text, markup: markup.text }),
      notes: [t('flow.notes', { resale: resale.text, formula: markup.formula!.text }), sourceLine(sources, t)],
      sources,
    },
    table: {
      columns: [t('table.stage'), t('table.price'), t('table.source')],
      rows: [
        ...stages.map((s) => [s.label, s.price?.text ?? '', sources[0]!.publisher]),
        [t('derived.shanghai.markup.label'), withFormula(markup, t), t('label.aside', { text: sources[0]!.publisher, aside: t('chart.derivedMark') })],
        [arrested.label, arrested.text, publishers(arrested.sources, t)],
        [victims.label, victims.text, publishers(victims.sources, t)],
      ],
    },
    stages,
    noConsent: t('flow.noConsent'),
    markup: { text: t('flow.markup', { markup: markup.text }), formula: markup.formula!.arithmetic },
    outcome: t('flow.counts', { arrested: arrested.text, victims: victims.text }),
    axisLabel: t('flow.axis'),
    axis: priceAxis(Math.max(...stages.map((s) => s.price?.max ?? 0))),
    steps: FLOW_STAGES.length + 1,
  };
}

/** A round axis from 0 past the highest price (145 → 160), with fewer ticks when narrow. */
export function priceAxis(maxPrice: number): FlowModel['axis'] {
  const [, max] = nice(0, maxPrice, 10);
  return { max, ticks: { narrow: ticks(0, max, 3), wide: ticks(0, max, 4) } };
}

export interface FlowLayout {
  width: number;
  height: number;
  narrow: boolean;
  fontSize: number;
  /** The layout's distances against the default type size's: 1, or more on a slide laid out at a larger `font`. */
  k: number;
  rows: {
    stage: FlowStage;
    y: number;
    lines: string[];
    labelX: number;
    labelY: number;
    /** Price mark in px, when the stage has a price; the text goes right of it or, if no room, below. */
    bar?: { x0: number; x1: number; y: number; h: number; band: boolean; text: { x: number; y: number } };
  }[];
  connector: { x: number };
  ticks: { x: number; label: string }[];
  axis: { x0: number; x1: number; y0: number; y1: number };
  /** The axis's name: under its end, or on a slide beside it, on the ticks' line. */
  axisLabel: { x: number; y: number; anchor: 'start' | 'end' };
  /** Where the markup annotation starts (first line's baseline), under the resale band, and its lines. */
  markup: { x: number; y: number; lines: string[] };
}

/**
 * Places the chain for a given width: label column and price bars side by side, or stacked when narrow.
 * Labels are set at the chart's label size for its language (the artboard is never drawn narrower).
 * Given a `font` (a slide, read from the back of a room), the labels take that size and every distance
 * grows with it: stacked, each label on a line of its own above its bar, the rows closer together, so the
 * chain fits a screen's height with its labels that large.
 */
export function layoutResaleFlow(model: FlowModel, width: number, formatTick: (n: number) => string, font?: number): FlowLayout {
  const talk = font !== undefined;
  const k = talk ? font / 15 : 1;
  const narrow = talk || width < 520;
  const fontSize = font ?? labelSize(model.meta.title);
  const lineH = fontSize * 1.3;
  const labelX = 34 * k;
  const labelWidth = narrow ? width - labelX - 8 : Math.min(220, width * 0.36);
  const barX0 = narrow ? labelX : labelX + labelWidth + 20;
  // On a slide the bars end at 60% of the width, leaving room for their prices beside them.
  const barX1 = talk ? width * 0.6 : width - (narrow ? 16 : 125);
  const x = linear([0, model.axis.max], [barX0, barX1]);
  // On a slide the bars are thinner than the labels are tall, so the chain fits the screen's height; on a
  // phone thinner bars and closer rows, so the chart and a step's words share its screen.
  const barH = talk ? fontSize * 0.6 : narrow ? 14 : 18;
  const rowGap = talk ? fontSize * 0.35 : narrow ? 10 : 30;

  let y = talk ? fontSize * 0.3 : 14;
  let markup: FlowLayout['markup'] = { x: barX0, y: 0, lines: [] };
  let firstBarY = Infinity;
  const rows = model.stages.map((stage) => {
    const lines = wrapLines(stage.label, labelWidth, fontSize);
    const rowY = y;
    let bottom = rowY + lines.length * lineH;
    let bar: FlowLayout['rows'][number]['bar'];
    if (stage.price) {
      const barY = narrow ? bottom + 2 * k : rowY - 3;
      const band = stage.price.min !== stage.price.max;
      const x0 = band ? x(stage.price.min) : x(0);
      const x1 = x(stage.price.max);
      // Prices are set in bold (ResaleFlowArtboards.svelte).
      const fits = x1 + 6 * k + textWidth(stage.price.text, fontSize, true) <= width;
      // Under the bar when it does not fit beside it, from the bar's start but never past the right edge.
      const under = Math.max(barX0, Math.min(x0, width - 4 * k - textWidth(stage.price.text, fontSize, true)));
      bar = { x0, x1, y: barY, h: barH, band, text: fits ? { x: x1 + 6 * k, y: barY + barH / 2 } : { x: under, y: barY + barH + lineH * 0.7 } };
      firstBarY = Math.min(firstBarY, barY);
      bottom = Math.max(bottom, fits ? barY + barH : barY + barH + lineH);
      if (band) {
        // The markup in bold, on as many lines as the width needs, its formula under it.
        const lines = wrapLines(model.markup.text, width - barX0 - 4 * k, fontSize);
        markup = { x: barX0, y: bottom + lineH, lines };
        bottom = markup.y + lineH * (lines.length - 1) + lineH * 0.9;
      }
    }
    // On a slide the rows are close, but the link from the number keeps a line for its words (noConsent).
    y = bottom + (talk && stage.id === 'number' ? Math.max(rowGap, lineH * 1.2) : rowGap);
    return { stage, y: rowY, lines, labelX, labelY: rowY + fontSize * 0.9, bar };
  });

  const axisY = y - 4 * k;
  return {
    width,
    height: talk ? axisY + 12 * k + fontSize * 0.35 : y + 2 * fontSize + 8,
    narrow,
    fontSize,
    k,
    rows,
    connector: { x: 14 * k },
    ticks: model.axis.ticks[narrow ? 'narrow' : 'wide'].map((n) => ({ x: x(n), label: formatTick(n) })),
    axis: { x0: barX0, x1: barX1, y0: firstBarY - 6 * k, y1: axisY },
    axisLabel: talk ? { x: barX1 + fontSize, y: axisY + 12 * k, anchor: 'start' } : { x: barX1, y: axisY + 2 * fontSize + 4, anchor: 'end' },
    markup,
  };
}
