import type { CardContent } from '~/charts/shared/card';
import type { TimelineModel } from './model';

const year = (ms: number) => new Date(ms).getUTCFullYear();

/**
 * The timeline card: the crackdown as the national series the chart draws last (prosecutions), one bar
 * a year (a part-year figure only for a year with no whole-year one), its growth in large type.
 */
export function timelineCard(model: TimelineModel): CardContent {
  const series = model.series.at(-1);
  const bars = (series?.bars ?? []).filter((b, _, all) => !b.partial || !all.some((o) => !o.partial && year(o.start) === year(b.start)));
  const first = bars[0];
  const last = bars.at(-1);
  if (!series || !first || !last) throw new Error('the timeline has no national series for its card');
  return {
    headline: model.meta.title,
    figure: `${first.text} → ${last.text}`,
    visual: {
      kind: 'bars',
      caption: series.label,
      bars: bars.map((b) => ({ label: String(year(b.start)), min: 0, max: b.value, text: b.text, outline: b.partial })),
    },
  };
}
