import { describe, it, expect } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import AddressCard from '~/components/AddressCard.astro';

const props = (url: string) => ({ url, href: '/zh/', lead: 'The full story:', qrLabel: 'QR code', previewLabel: 'Preview build' });

describe('AddressCard', () => {
  it('prints a QR code and the short address of a published site', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(AddressCard, { props: props('https://news.example.org/graphics/sold-numbers/zh/') });
    expect(html).toMatch(/<svg class="qr" role="img" aria-label="QR code"/);
    expect(html.replace(/<wbr[^>]*>/g, '')).toMatch(/>news\.example\.org\/graphics\/sold-numbers\/zh<\/a>/);
    expect(html).not.toContain('Preview build');
  });

  it('on a preview build, says so instead of a QR code to localhost', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(AddressCard, { props: props('http://localhost:4321/zh/') });
    expect(html).toContain('Preview build');
    expect(html).not.toContain('<svg');
  });
});
