/**
 * Every built page says what it is: <html lang>, one non-empty <title>, one meta description and one
 * canonical link (absolute, on the site's origin; that it resolves is checked in links.test.ts).
 */
import { describe, it } from 'vitest';
import { SITE_ORIGIN, assertNone, dom, htmlPages } from './dist';

const pages = htmlPages();
/** Locale folders present in dist/ ('zh/', 'fr/', …): their pages must be in that language. */
const localeOf = (page: string) => /^([a-z]{2}(?:-[a-z0-9]{2,8})?)\//i.exec(page)?.[1] ?? null;

describe('page metadata', () => {
  it.each(pages)('%s has lang, title, description and canonical', (page) => {
    const root = dom(page);
    const problems: string[] = [];

    const lang = (root.documentElement.getAttribute('lang') ?? '').trim();
    if (!lang) problems.push('<html> has no lang attribute (or it is empty)');
    else if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang)) problems.push(`<html lang="${lang}"> is not a BCP 47 language tag`);
    const locale = localeOf(page);
    if (lang && locale && !lang.toLowerCase().startsWith(locale.toLowerCase())) {
      problems.push(`<html lang="${lang}"> on a page in the ${locale}/ folder`);
    }

    const head = root.querySelector('head');
    if (!head) problems.push('no <head>');
    const inHead = (selector: string) => (head ? [...head.querySelectorAll(selector)] : []);

    const titles = inHead('title');
    if (titles.length !== 1) problems.push(`${titles.length} <title> elements in <head> (want 1)`);
    else if (!titles[0]!.textContent?.trim()) problems.push('<title> is empty');

    const descriptions = inHead('meta[name="description"]');
    if (descriptions.length !== 1) problems.push(`${descriptions.length} <meta name="description"> (want 1)`);
    else if (!(descriptions[0]!.getAttribute('content') ?? '').trim()) problems.push('<meta name="description"> has empty content');

    const canonicals = inHead('link[rel="canonical"]');
    if (canonicals.length !== 1) problems.push(`${canonicals.length} <link rel="canonical"> (want 1)`);
    else {
      const href = (canonicals[0]!.getAttribute('href') ?? '').trim();
      if (!href) problems.push('<link rel="canonical"> has no href');
      else if (!/^https?:\/\//.test(href)) problems.push(`canonical "${href}" is not an absolute URL`);
      else if (new URL(href).origin !== SITE_ORIGIN) problems.push(`canonical "${href}" is not on the site's origin ${SITE_ORIGIN}`);
    }

    assertNone(problems, `page metadata of dist/${page}`);
  });
});

/** The story, talk and handout pages of each edition ('', 'zh/', 'fr/'): what people share and search engines read. */
const sharedPages = pages.filter((p) => /^([a-z]{2}\/)?((talk|handout)\/)?index\.html$/.test(p));

describe('pages people share', () => {
  it('are the story, talk and handout of every edition', () => {
    for (const page of ['index.html', 'zh/index.html', 'talk/index.html', 'fr/handout/index.html'])
      if (!sharedPages.includes(page)) throw new Error(`no ${page}`);
  });

  it.each(sharedPages)('%s unfurls with the story card (og:image and its alt text)', (page) => {
    const head = dom(page).querySelector('head')!;
    const image = head.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    const problems: string[] = [];
    if (!/\/downloads\/story-card\.png$/.test(image)) problems.push(`og:image is "${image}"`);
    if (!head.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')) problems.push('no og:image:alt');
    assertNone(problems, `link preview of dist/${page}`);
  });

  it.each(sharedPages.filter((p) => !/talk|handout/.test(p)))('%s is discovered by oEmbed and says who published it', (page) => {
    const head = dom(page).querySelector('head')!;
    const problems: string[] = [];
    const oembed = head.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute('href') ?? '';
    if (!/^https?:\/\/.+\/oembed\/[\w-]+\.json$/.test(oembed)) problems.push(`oEmbed discovery link is "${oembed}"`);
    const article = JSON.parse(head.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
    const author = article.author as { '@type'?: string; name?: string } | undefined;
    if (author?.['@type'] !== 'Organization' || !author.name) problems.push(`author is ${JSON.stringify(author)}`);
    for (const key of ['datePublished', 'dateModified'])
      if (key in article && !/T\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/.test(String(article[key]))) problems.push(`${key} "${String(article[key])}" has no time zone`);
    assertNone(problems, `structured data of dist/${page}`);
  });
});
