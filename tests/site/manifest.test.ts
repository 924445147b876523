import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { translator } from '~/i18n/translate';
import { ICONS, webManifest } from '~/site/manifest';
import { token } from '~/site/design-tokens';

describe('webManifest', () => {
  it("names the app in the edition's language and starts on that edition's story", () => {
    const m = webManifest('zh', translator('zh'));
    expect(m.name).toBe(translator('zh')('site.name'));
    expect(m.lang).toMatch(/^zh/);
    expect(m.start_url).toBe('/zh/');
    expect(m.scope).toBe('/');
    expect(m.display).toBe('standalone');
  });

  it('keeps every URL under the deploy base', () => {
    const m = webManifest('fr', translator('fr'), '/graphics/sold-numbers/');
    expect(m.start_url).toBe('/graphics/sold-numbers/fr/');
    expect(m.scope).toBe('/graphics/sold-numbers/');
    for (const icon of m.icons) expect(icon.src.startsWith('/graphics/sold-numbers/icons/')).toBe(true);
  });

  it('has a 192 px, a 512 px and a maskable icon, all committed in public/', () => {
    expect(ICONS.map((i) => [i.sizes, i.purpose])).toEqual([
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]);
    for (const icon of ICONS) expect(existsSync(join(process.cwd(), 'public', icon.src)), icon.src).toBe(true);
  });

  it('takes its colours from the design tokens', () => {
    expect(webManifest('en', translator('en')).theme_color).toBe(token('--color-bg'));
  });
});
