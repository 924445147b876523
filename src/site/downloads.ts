/** The files under downloads/ for each chart: the one table the downloads route and the "Embed / Download" control read. */
import type { ChartId } from '~/charts/registry';
import type { TextKey } from '~/i18n/translate';

export const DOWNLOADS = [
  { kind: 'png', label: 'share.png', file: (c: ChartId) => `${c}.png` },
  { kind: 'png2x', label: 'share.png2x', file: (c: ChartId) => `${c}@2x.png` },
  { kind: 'svg', label: 'share.svg', file: (c: ChartId) => `${c}.svg` },
  { kind: 'csv', label: 'share.csv', file: (c: ChartId) => `${c}.csv` },
  // The chart's social card (1200×630), for previews of its embed; not offered as a link.
  { kind: 'card', label: undefined, file: (c: ChartId) => `${c}-card.png` },
] as const satisfies readonly { kind: string; label: TextKey | undefined; file: (c: ChartId) => string }[];

export type DownloadKind = (typeof DOWNLOADS)[number]['kind'];

/** The story's own social card. */
export const STORY_CARD = 'story-card.png';

/** The file name of one kind of download of a chart. */
export function downloadFile(kind: DownloadKind, chart: ChartId): string {
  return DOWNLOADS.find((d) => d.kind === kind)!.file(chart);
}
