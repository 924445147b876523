/**
 * Where each page of each edition lives. English sits at the site root, other editions under their
 * locale (/zh/, /fr/), all under the deploy base (BASE). Pure, so pages, embeds and tests agree.
 */
import { basePath } from './files.mjs';
import type { ChartId } from '~/charts/registry';
import type { Locale } from '~/i18n/locale';

/** A page path inside an edition: '' is the story, 'embed/timeline/' an embed page. */
export type PagePath = '' | `embed/${ChartId}/` | `oembed/${ChartId}.json` | `downloads/${string}` | 'talk/' | 'handout/';

/** The path of a page in an edition, below the base: "/", "/zh/embed/timeline/". */
export function pagePath(locale: Locale, path: PagePath | string = '', base = '/'): string {
  return `${basePath(base)}${locale === 'en' ? '' : `${locale}/`}${path}`;
}

/** The same page as an absolute URL on the published site. */
export function pageUrl(site: string | URL, locale: Locale, path: PagePath | string = '', base = '/'): string {
  return new URL(pagePath(locale, path, base), site).href;
}

/** A local preview build (`npm start`): its addresses lead nowhere for a reader, so none is printed as if public. */
export function isPreviewSite(site: string | URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(site).hostname);
}

/** An address as a person types it from paper: no scheme, no "www.", no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
}
