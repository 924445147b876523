/**
 * The timeline's national panels, drawn by Observable Plot at build time into a server DOM (linkedom):
 * bars, the y axis with locale tick formats (a log scale where the layout says so) and the year axis
 * under the last panel. Plot never reaches the browser: the component calls this on the server only.
 * Plot's own <style> element is removed (a hash-based CSP would block it); its rules are in the
 * component's styles. Bars become the chart's detail marks: data-mark, role and tabindex are set here,
 * and the island moves the single Tab stop among them.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { detailLabel } from '~/charts/shared/frame';
import { formatCompact, formatYear } from '~/i18n/format';
import { logTicks, type TimelineLayout, type TimelineModel } from './model';

/** The class Plot gives its svg; the component styles it. */
export const PLOT_CLASS = 'timeline-plot';

/** One svg per series panel; `markOf` gives each bar's data-mark (its place among all the chart's marks). */
export function plotPanels(model: TimelineModel, layout: TimelineLayout, markOf: (id: string) => number): string[] {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return model.series.map((s, i) => {
    const panel = layout.panels[i]!;
    const last = panel.axis > 0;
    // Outlined (partial) bars last, so they are drawn over a full bar covering the same months.
    const bars = [...s.bars]
      .sort((a, b) => Number(a.partial) - Number(b.partial))
      .map((b) => ({ ...b, t1: new Date(b.start), t2: new Date(b.end), label: detailLabel(b.detail) }));
    const year = (d: Date) => formatYear(d.getUTCFullYear(), layout.narrow && !layout.vertical);
    const time = { type: 'utc', domain: [new Date(model.domain[0]), new Date(model.domain[1])], label: null } as const;
    const value = {
      type: panel.log ? 'log' : 'linear',
      domain: panel.domain,
      ticks: panel.log ? logTicks(panel.domain) : 3,
      tickFormat: (v: number) => formatCompact(v, model.tag),
      grid: true,
      label: null,
    } as const;
    const base = panel.log ? panel.domain[0] : 0;
    const svg = Plot.plot({
      document,
      className: PLOT_CLASS,
      width: layout.width,
      height: panel.height,
      marginLeft: layout.left,
      marginRight: layout.width - panel.right,
      marginTop: panel.head,
      marginBottom: panel.axis,
      ...(layout.vertical
        ? {
            // Time down: a row per year, labelled at its middle; the values across, with their axis under each panel.
            y: { ...time, reverse: true, ticks: model.years.map((y) => new Date(Date.UTC(y, 6, 2))), tickFormat: year, tickSize: 0 },
            x: value,
          }
        : { x: { ...time, ticks: model.years.map((y) => new Date(Date.UTC(y, 0, 1))), tickFormat: year, axis: last ? 'bottom' : null }, y: value }),
      marks: [
        (layout.vertical ? Plot.rectX : Plot.rectY)(bars, {
          ...(layout.vertical
            ? { y1: 't1', y2: 't2', x1: base, x2: 'value', insetTop: 1.5, insetBottom: 1.5 }
            : { x1: 't1', x2: 't2', y1: base, y2: 'value', insetLeft: 1.5, insetRight: 1.5 }),
          ariaLabel: 'label',
          className: 'bars',
        }),
      ],
    });
    svg.querySelector('style')?.remove();
    // font-variant="tabular-nums" is not a valid SVG attribute value (W3C Nu checker): the component's CSS sets it.
    for (const el of svg.querySelectorAll('[font-variant]')) el.removeAttribute('font-variant');
    const rects = [...svg.querySelectorAll('g.bars rect')];
    rects.forEach((rect, j) => {
      rect.setAttribute('data-mark', String(markOf(bars[j]!.id)));
      rect.setAttribute('role', 'button');
      rect.setAttribute('tabindex', '-1');
      if (bars[j]!.partial) rect.setAttribute('class', 'partial');
    });
    // Plot's svg becomes a group in the chart's own svg: one drawing, which exports read as one.
    svg.setAttribute('font-size', String(layout.small));
    const attrs = ['fill', 'font-family', 'font-size', 'text-anchor'].map((a) => `${a}="${svg.getAttribute(a)}"`).join(' ');
    // Coordinates to a tenth of a pixel (labels keep their digits): fewer bytes.
    const inner = svg.innerHTML.replace(
      / (x|y|x1|x2|y1|y2|width|height|d|transform)="([^"]*)"/g,
      (_, name: string, v: string) => ` ${name}="${v.replace(/(\d+\.\d)\d+/g, '$1')}"`,
    );
    return `<g class="${PLOT_CLASS}" transform="translate(0 ${panel.y})" ${attrs}>${inner}</g>`;
  });
}
