/**
 * The web app manifest of an edition, which makes the site installable: its name and description in
 * that language, the edition's story as the start page, the whole site (BASE) as its scope, and the
 * icons scripts/build-icons.mjs renders into public/icons/.
 */
import { basePath } from './files.mjs';
import { htmlLang, type Locale } from '~/i18n/locale';
import type { Translate } from '~/i18n/translate';
import { token } from './design-tokens';
import { pagePath } from './paths';

export const ICONS = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

export function webManifest(locale: Locale, t: Translate, base = '/') {
  const root = basePath(base);
  const start = pagePath(locale, '', root);
  const background = token('--color-bg');
  return {
    id: start,
    name: t('site.name'),
    short_name: t('site.name'),
    description: t('site.description'),
    lang: htmlLang(locale),
    dir: 'ltr',
    start_url: start,
    scope: root,
    display: 'standalone',
    background_color: background,
    theme_color: background,
    icons: ICONS.map((icon) => ({ ...icon, src: `${root}${icon.src}` })),
  };
}
