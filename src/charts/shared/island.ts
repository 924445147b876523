/**
 * What a chart's island receives: each mark's detail and the number of scroll steps, nothing else (the
 * drawing is the server's, adopted as the island's static content). Astro writes an island's props into
 * the page as JSON, wrapping every value, so the details travel packed: each source once, each mark as a
 * tuple (the timeline's are 5 KB so in French, not 8).
 */
import type { Detail, SourceRef } from './frame';

export interface IslandDetails {
  /** Per mark, in data-mark order: its title, its lines and its sources (indexes into `sources`). */
  marks: [title: string, lines: string[], sources: number[]][];
  /** Each source once: id, publisher and, when it has one, its address. */
  sources: ([id: string, publisher: string] | [id: string, publisher: string, url: string])[];
}

export interface IslandProps {
  details: IslandDetails;
  /** Number of scroll steps (0: the chart does not step). */
  steps: number;
}

export function packDetails(details: Detail[]): IslandDetails {
  const ids: string[] = [];
  const sources: IslandDetails['sources'] = [];
  const index = (s: SourceRef) => {
    if (!ids.includes(s.id)) {
      ids.push(s.id);
      sources.push(s.url ? [s.id, s.publisher, s.url] : [s.id, s.publisher]);
    }
    return ids.indexOf(s.id);
  };
  return { marks: details.map((d) => [d.title, d.lines, d.sources.map(index)]), sources };
}

/** The detail of mark `i`, unpacked. */
export function detailOf({ marks, sources }: IslandDetails, i: number): Detail | undefined {
  const mark = marks[i];
  if (!mark) return undefined;
  const [title, lines, refs] = mark;
  return {
    title,
    lines,
    sources: refs.map((r) => {
      const [id, publisher, url] = sources[r]!;
      return url === undefined ? { id, publisher } : { id, publisher, url };
    }),
  };
}
