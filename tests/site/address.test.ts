import { describe, expect, it } from 'vitest';
import { isPreviewSite, pageUrl, shortUrl } from '~/site/paths';
import { qrSvg } from '~/site/qr';

describe('addresses on paper', () => {
  it('knows a local preview from a published site', () => {
    expect(isPreviewSite('http://localhost:4321')).toBe(true);
    expect(isPreviewSite(new URL('http://127.0.0.1:4351/x/'))).toBe(true);
    expect(isPreviewSite('https://news.example.org')).toBe(false);
  });

  it('prints an address short enough to type', () => {
    expect(shortUrl(pageUrl('https://www.news.example.org', 'zh', '', '/graphics/sold-numbers/'))).toBe('news.example.org/graphics/sold-numbers/zh');
    expect(shortUrl(pageUrl('https://news.example.org', 'en'))).toBe('news.example.org');
  });

  it('draws a QR code as an SVG image with a name', async () => {
    const svg = await qrSvg('https://news.example.org/zh/', 'QR "code"');
    expect(svg).toMatch(/^<svg class="qr" role="img" aria-label="QR &quot;code&quot;" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).not.toMatch(/style=/);
  });
});
