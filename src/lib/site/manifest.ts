/**
 * The web app manifest of an edition, which makes the site installable: its name and description in
 * that language, the edition's story as the start page, the whole site (BASE) as its scope, and the
 * icons scripts/build-icons.mjs renders into public/icons/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basePath } from '../../../scripts/lib/paths.mjs';
import { htmlLang } from '~/lib/i18n/locale';
import type { Translate } from '~/lib/i18n/translate';
import { pagePath } from './paths';
import type { Locale } from '~/lib/data/schema';

/** A colour token's light value, read from tokens.css (the one place for design tokens), for places CSS cannot reach. */
export function tokenColour(token: string, css = readFileSync(join(process.cwd(), 'src/styles/tokens.css'), 'utf8')): string {
  const value = new RegExp(`${token}:\\s*light-dark\\(\\s*(#[0-9a-f]{3,8})`, 'i').exec(css)?.[1];
  if (!value) throw new Error(`src/styles/tokens.css: no light-dark() colour for ${token}`);
  return value;
}

export const ICONS = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

export function webManifest(locale: Locale, t: Translate, base = '/', css?: string) {
  const root = basePath(base);
  const start = pagePath(locale, '', root);
  const background = tokenColour('--color-bg', css);
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
