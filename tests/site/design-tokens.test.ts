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
