/**
 * The design tokens of src/styles/tokens.css for the places CSS cannot reach: the theme-color meta
 * tags, the web app manifest and the static images (downloads, social cards). The file is read with a
 * CSS parser (postcss), once, so there is one list of colours and the pages never repeat one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';

export type Theme = 'light' | 'dark';

const FILE = 'src/styles/tokens.css';

/**
 * The custom properties declared on the plain `:root` rule (not those a media query or a
 * [data-theme] rule overrides), each light-dark() pair resolved to one theme, white space collapsed.
 */
export function readTokens(css: string, theme: Theme, file = FILE): Map<string, string> {
  const tokens = new Map<string, string>();
  postcss.parse(css, { from: file }).each((rule) => {
    if (rule.type !== 'rule' || rule.selector !== ':root') return;
    rule.each((decl) => {
      if (decl.type !== 'decl' || !decl.prop.startsWith('--')) return;
      const value = decl.value.replace(/\s+/g, ' ').trim();
      const pair = value.startsWith('light-dark(') && value.endsWith(')') ? postcss.list.comma(value.slice('light-dark('.length, -1)) : [];
      tokens.set(decl.prop, pair.length === 2 ? pair[theme === 'light' ? 0 : 1]! : value);
    });
  });
  return tokens;
}

const read = new Map<Theme, Map<string, string>>();

/** The site's tokens in one theme, read from tokens.css once per build. */
export function designTokens(theme: Theme = 'light'): Map<string, string> {
  if (!read.has(theme)) read.set(theme, readTokens(readFileSync(join(process.cwd(), FILE), 'utf8'), theme));
  return read.get(theme)!;
}

/** One token's value; a missing one fails with the file and the token named. */
export function token(name: string, tokens = designTokens()): string {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`${FILE}: no token ${name} on :root`);
  return value;
}
