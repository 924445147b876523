/** What the "Embed / Download" control under each chart offers, built at build time for one edition. */
import type { Chart } from '~/charts/registry';
import { edition, editionLocales, type Edition } from '~/edition/edition';
import { DOWNLOADS } from './downloads';
import { embedPath, type ShareOptions } from './embed';
import { translator } from '~/i18n/translate';
import { pagePath, pageUrl } from './paths';

export function shareOptions(e: Edition, { id: chart, model, definition, embeds }: Chart, site: URL, base: string): ShareOptions {
  const { t } = e;
  // WordPress caps a frame at 1000 px: a chart with parts (taller than that on a phone) is offered to it as its parts, each on its own line.
  const parts = embeds.flatMap((x) => (x.part ? [x.part.name] : []));
  const forOEmbed: (string | undefined)[] = parts.length > 0 ? parts : [undefined];
  return {
    chart,
    height: definition.embedHeight,
    editions: editionLocales().map((locale) => ({
      locale,
      name: translator(locale)('language.name'),
      title: locale === e.locale ? model.meta.title : edition(locale).chart(chart).model.meta.title,
      src: pageUrl(site, locale, embedPath(chart), base),
      addresses: forOEmbed.map((part) => pageUrl(site, locale, embedPath(chart, part), base)),
    })),
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
      address: t('share.address', { count: forOEmbed.length }),
      copyAddress: t('share.copyAddress', { count: forOEmbed.length }),
      code: t('share.code'),
      copy: t('share.copy'),
      copied: t('share.copied'),
      downloads: t('share.downloads'),
    },
  };
}
