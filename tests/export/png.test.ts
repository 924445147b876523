import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { fontsFor, fullFaces, textCharacters, toPng, wordCharacters } from '~/export/png';
import { exportFontFamily } from '~/export/svg';

const label = (text: string, family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="120" font-family="${family}"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="50" style="font-size:32px">${text}</text><text x="10" y="100" style="font-size:32px;font-weight:700">${text}</text></svg>`;

describe('PNG fonts', () => {
  it('reads the characters an SVG sets as text, entities decoded, its stylesheet and tags left out', () => {
    const chars = textCharacters('<svg><style>.a { fill: #zzz }</style><text class="q">d’achat &amp; 3&#215;&#x4e0a;</text></svg>');
    expect([...chars].sort().join('')).toBe([...new Set('d’achat & 3×上')].sort().join(''));
  });

  it('subsets the faces once to the words’ characters, and again with the union when an image brings a new one', async () => {
    const words = wordCharacters();
    expect(words.has('号')).toBe(true);
    const first = await fontsFor(label('Sold numbers 被卖掉的号码', exportFontFamily('en')));
    expect(await fontsFor(label('d’achat 3,2 à 5,8', exportFontFamily('fr')))).toBe(first);
    const grown = await fontsFor(label('龘', exportFontFamily('zh')));
    expect(grown).not.toBe(first);
    expect(grown.characters.has('龘')).toBe(true);
    for (const c of first.characters) expect(grown.characters.has(c)).toBe(true);
  }, 60_000);

  it('draws labels in every language with the subset faces pixel for pixel as with the whole faces', async () => {
    const lines = [
      ['fr', 'Comment un numéro devient un compte vendu : 3,2 à 5,8 fois le prix d’achat'],
      ['en', 'over 1,000 · people fell victim in Shanghai, police said; 3.2 to 5.8× markup'],
      ['zh', '警方称上海案的受害人数：1000余 · 转卖价 × 3.2至5.8倍（“两卡”）'],
    ] as const;
    const text = lines
      .flatMap(([locale, words], i) =>
        [400, 700].map(
          (weight, j) =>
            `<text x="10" y="${40 + (2 * i + j) * 44}" font-family="${exportFontFamily(locale)}" style="font-size:30px;font-weight:${weight}">${words}</text>`,
        ),
      )
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1100" height="280"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
    const subset = PNG.sync.read(Buffer.from(await toPng(svg)));
    const whole = PNG.sync.read(Buffer.from(await toPng(svg, 1, fullFaces())));
    expect(subset.data.equals(whole.data)).toBe(true);
    // Something was drawn: dark pixels on the white ground.
    expect(subset.data.some((v, i) => i % 4 === 0 && v < 100)).toBe(true);
  }, 120_000);
});
