/**
 * What a chart is, in one object per chart folder (`<chart>/definition.ts`): how its model is built, how
 * the server draws it, what its island receives, and where it appears (the story's section, the embed,
 * talk mode, the social card, the downloads). The registry (src/charts/registry.ts) lists them; every page
 * iterates that list, so adding a chart is one new folder plus its words.
 */
import type { CardContent } from './card';
import type { SiteData } from '~/data/load';
import type { FigureBook } from '~/data/figures';
import type { Locale } from '~/i18n/locale';
import type { Translate } from '~/i18n/translate';
import type { ChartMeta, DataTable, Detail } from './frame';

/** What every chart's model holds, whatever else it carries: its words and its data table. */
export interface ChartModel {
  meta: ChartMeta;
  table: DataTable;
}

/** What a model is built from: the data and words of one edition. */
export interface BuildContext {
  data: SiteData;
  book: FigureBook;
  locale: Locale;
  t: Translate;
}

/** What every chart's drawing takes. */
export interface DrawOptions {
  /** BCP 47 tag for numbers. */
  locale: string;
  /** Label of the data table disclosure. */
  tableLabel: string;
  /** Element id of the figure; defaults to the chart id. */
  id?: string | undefined;
  /** Heading level of the chart title, to fit the page's outline. */
  headingLevel?: 1 | 2 | 3 | undefined;
  /** Width in px to lay out for, alone (a slide, a download); leave out for the phone's, tablet's and desktop's artboards the story and embeds use. */
  width?: number | undefined;
  /** Scroll step to show (a slide's); leave out for the complete chart. Ignored by charts without steps. */
  step?: number | undefined;
}

/** A slide of talk mode that shows a chart: the chart drawn with `options`, beside the words of one story block. */
export interface TalkView<Options extends object = object> {
  /** The slide's name; its speaker notes are [[talk-notes-<slide>]]. */
  slide: string;
  /** Element id of the chart's figure on the slide, unique in the deck. */
  figure: string;
  /** The story block whose words go with it. */
  words: string;
  /** The block opens with the section's heading, which the slide leaves out. */
  afterHeading?: boolean;
  /** The story block of its speaker notes: [[talk-notes-<slide>]] unless given (slides of one part of a chart share theirs). */
  notes?: string;
  /** The scroll step it shows, for a chart that steps: a step that reveals nothing joins the slide before it. */
  step?: number;
  options: Options;
}

/** A part of a chart that is embedded alone: its name in addresses, its title in the edition's language, and the options it is drawn with. */
export interface EmbedPart<Options extends object = object> {
  name: string;
  label: string;
  options: Options;
}

export interface ChartDefinition<Id extends string, Model extends ChartModel, Options extends object = object> {
  /** The chart's id: its element id, its embed's and downloads' name. */
  id: Id;
  /** Its model in one edition's language, fully worded. */
  build(context: BuildContext): Model;
  /** The server's drawing: the whole figure (frame, artboards, notes, data table) as markup. Never runs in the browser. */
  draw(model: Model, options: DrawOptions & Options): string;
  /** Each mark's detail, in the order of the drawing's data-mark numbers. */
  details(model: Model): Detail[];
  /** How many scroll steps it has (0: it does not step). */
  steps(model: Model): number;
  /** Its section of the story: the section's element id (its heading's is `<section>-heading`), and its blocks, `<blocks>-intro`, `<blocks>-1`… (one per scroll step) and, when `after`, `<blocks>-after`. */
  story: { section: string; blocks: string; after: boolean };
  /**
   * Height an iframe gets before (or without) any script: enough for the whole embed at any width from 320 to 1280 px
   * in every language, so that a plain iframe clips nothing (tests/e2e/embed.spec.ts measures it).
   */
  embedHeight: number;
  /**
   * Parts offered as embeds of their own (`embed/<chart>/<part>/`), when the whole chart is taller on a phone than a host
   * lets a frame be (WordPress: 1000 px): each is drawn with its options, and every part's iframe starts at `height`
   * (enough for each, as embedHeight is for the whole). The share control offers them to oEmbed consumers.
   */
  embedParts?: { height: number; parts(model: Model): EmbedPart<Options>[] };
  /**
   * Talk mode: the size a slide lays it out at (every label at least 4% of a projector's height once the
   * drawing fills the slide: tests/e2e/talk.spec.ts), and its slides: one per scroll step, each drawn with
   * what `step` adds for it (a view of the chart), or the `views` it gives when it has no scroll steps.
   */
  talk: { layout: { width: number } & Options; step?(model: Model, step: number): Partial<Options>; views?(model: Model): TalkView<Options>[] };
  /** What its social card shows, as data (src/export/card.ts lays it out): a headline, one figure and one visual from the same case. */
  card(model: Model): CardContent;
  /** Its downloaded images: the width in px it is laid out at (a story column). */
  downloads: { width: number };
}
