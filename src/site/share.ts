/** What the "Embed / Download" control under each chart offers, built at build time for one edition. */
import type { Chart } from '~/charts/registry';
import { editionLocales, type Edition } from '~/edition/edition';
import { DOWNLOADS } from './downloads';
import type { ShareOptions } from './embed';
import { translator } from '~/i18n/translate';
import { pagePath, pageUrl } from './paths';

export function shareOptions(e: Edition, { id: chart, model, definition }: Chart, site: URL, base: string): ShareOptions {
  const { t } = e;
  return {
    chart,
    title: model.meta.title,
    height: definition.embedHeight,
    editions: editionLocales().map((locale) => ({ locale, name: translator(locale)('language.name'), src: pageUrl(site, locale, `embed/${chart}/`, base) })),
    locale: e.locale,
    script: new URL(`${base}embed.js`, site).href,
    downloads: DOWNLOADS.flatMap((d) => (d.label ? [{ label: t(d.label), href: pagePath(e.locale, `downloads/${d.file(chart)}`, base) }] : [])),
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
