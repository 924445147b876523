/** What the "Embed / Download" control under each chart offers, built at build time for one edition. */
import type { ChartId } from '~/charts/registry';
import { editionLocales, type Edition } from '~/edition/edition';
import type { ShareOptions } from './embed';
import { translator } from '~/i18n/translate';
import { pagePath, pageUrl } from './paths';

/** Files under downloads/ for a chart, with the label key of each. */
export const DOWNLOADS = [
  { key: 'share.png', file: (c: ChartId) => `${c}.png` },
  { key: 'share.png2x', file: (c: ChartId) => `${c}@2x.png` },
  { key: 'share.svg', file: (c: ChartId) => `${c}.svg` },
  { key: 'share.csv', file: (c: ChartId) => `${c}.csv` },
] as const;

export function shareOptions(e: Edition, chart: ChartId, site: URL, base: string): ShareOptions {
  const { t } = e;
  return {
    chart,
    title: e.chart(chart).model.meta.title,
    editions: editionLocales().map((locale) => ({ locale, name: translator(locale)('language.name'), src: pageUrl(site, locale, `embed/${chart}/`, base) })),
    locale: e.locale,
    script: new URL(`${base}embed.js`, site).href,
    downloads: DOWNLOADS.map((d) => ({ label: t(d.key), href: pagePath(e.locale, `downloads/${d.file(chart)}`, base) })),
    labels: {
      summary: t('share.summary'),
      language: t('share.language'),
      theme: t('share.theme'),
      auto: t('share.theme.auto'),
      light: t('share.theme.light'),
      dark: t('share.theme.dark'),
      code: t('share.code'),
      copy: t('share.copy'),
      copied: t('share.copied'),
      downloads: t('share.downloads'),
    },
  };
}
