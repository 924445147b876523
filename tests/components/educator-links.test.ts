import { describe, it, expect } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import EducatorLinks from '~/components/EducatorLinks.astro';
import { escapeHtml } from '~/i18n/format';
import { translator } from '~/i18n/translate';

// The component waits to be placed on the story page: this checks what it will render there.
describe('EducatorLinks', () => {
  it.each([
    ['en', '/talk/', '/handout/'],
    ['zh', '/zh/talk/', '/zh/handout/'],
    ['fr', '/fr/talk/', '/fr/handout/'],
  ] as const)('links to talk mode and the handout of the %s edition, in its words', async (locale, talk, handout) => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(EducatorLinks, { props: { locale } });
    const t = translator(locale);
    expect(html).toContain(`href="${talk}"`);
    expect(html).toContain(`href="${handout}"`);
    for (const key of ['educator.label', 'educator.talk', 'educator.handout'] as const) expect(html).toContain(escapeHtml(t(key)));
    expect(html).toMatch(/class="educator-links no-print"/);
  });
});
