import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { designTokens, readTokens, token } from '~/site/design-tokens';

const CSS = `/* a comment */
:root {
  color-scheme: light dark;
  --color-x: light-dark(#abcdef, #000);
  /* a note */
  --font: system-ui,
    'Noto Sans', sans-serif;
  --size: calc(clamp(1rem, 2vh, 2rem) * var(--scale, 1));
}
:root[data-theme='dark'] {
  --color-x: #111;
}
@media print {
  :root {
    --color-x: #fff;
  }
}`;

describe('readTokens', () => {
  it("reads a token's light or dark value from light-dark()", () => {
    expect(readTokens(':root { --color-x: light-dark(#abcdef, #000); }', 'light').get('--color-x')).toBe('#abcdef');
    expect(readTokens(CSS, 'dark').get('--color-x')).toBe('#000');
  });

  it('reads only the plain :root rule, not what a [data-theme] rule or a media query overrides', () => {
    expect(readTokens(CSS, 'light')).toEqual(
      new Map([
        ['--color-x', '#abcdef'],
        ['--font', "system-ui, 'Noto Sans', sans-serif"],
        ['--size', 'calc(clamp(1rem, 2vh, 2rem) * var(--scale, 1))'],
      ]),
    );
  });

  it('names the file and the line of a syntax error', () => {
    expect(() => readTokens(':root { --x: 1;', 'light')).toThrow(/src\/styles\/tokens\.css:1:1: Unclosed block/);
  });
});

describe('designTokens and token', () => {
  it('read src/styles/tokens.css: every colour in both themes, different in each', () => {
    const css = readFileSync(join(process.cwd(), 'src/styles/tokens.css'), 'utf8');
    const colours = [...css.matchAll(/(--color-[\w-]+):\s*light-dark/g)].map((m) => m[1]!);
    expect(colours).toContain('--color-bg');
    for (const name of colours) {
      expect(token(name, designTokens('light')), name).toMatch(/^#[0-9a-f]{3,8}$/i);
      expect(token(name, designTokens('dark')), name).toMatch(/^#[0-9a-f]{3,8}$/i);
    }
    expect(token('--color-bg', designTokens('dark'))).not.toBe(token('--color-bg'));
    expect(token('--handout-font-size')).toBe('14pt');
  });

  it('names the token when it is missing', () => {
    expect(() => token('--color-none', readTokens(':root {}', 'light'))).toThrow('src/styles/tokens.css: no token --color-none on :root');
  });
});

describe('the province named in the network', () => {
  /** WCAG relative luminance of a #rrggbb colour. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it.each(['light', 'dark'] as const)('stands out from the land around it by its fill in the %s scheme (at least 1.4:1)', (theme) => {
    const tokens = designTokens(theme);
    expect(contrast(token('--color-network', tokens), token('--color-context', tokens))).toBeGreaterThanOrEqual(1.4);
  });
});
