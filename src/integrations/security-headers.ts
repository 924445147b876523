/**
 * Writes dist/_headers (Netlify / Cloudflare Pages format) after the build: each page's own
 * Content-Security-Policy (the one Astro put in its <meta>, with the hashes of that page's inline
 * scripts) plus frame-ancestors, which only a header can carry: 'self' everywhere except embed pages,
 * which any site may frame. Headers that no <meta> can set apply to every path.
 *
 * CORS: WordPress, and any consumer that follows its lead, frames an oEmbed iframe with
 * sandbox="allow-scripts", so the embed page runs with an opaque ("null") origin. Its module scripts
 * (Astro's bundles and each island's import()) are then cross-origin requests that the browser blocks
 * unless the response says `Access-Control-Allow-Origin: *`. They are public, hashed files that carry no
 * credentials, so any origin may read them. The same holds for the oEmbed records, which editors'
 * previews may fetch from a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { basePath, servedPath, walkFiles } from '../site/files.mjs';

export const COMMON_HEADERS = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
};

/** The _headers file for the built pages in `dir`, published under `base`. */
export function headersFile(dir: string, base: string): string {
  const blocks = [
    `${base}*\n${Object.entries(COMMON_HEADERS)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}`,
  ];
  // Any origin may read these (see above): the bundles, and each oEmbed record.
  const files = walkFiles(dir);
  const open = [`${base}_astro/*`, ...files.filter((f) => /(^|\/)oembed\//.test(f)).map((f) => servedPath(f, base))];
  blocks.push(...open.map((path) => `${path}\n  Access-Control-Allow-Origin: *`));
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, file), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
    if (!csp) continue;
    const path = servedPath(file, base);
    const embed = /(^|\/)embed\//.test(path);
    const policy = `${csp.replace(/;\s*$/, '')}; frame-ancestors ${embed ? '*' : "'self'"}`;
    blocks.push(`${path}\n  Content-Security-Policy: ${policy}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'sold-numbers:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = basePath(config.base);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, '_headers'), headersFile(out, base));
        logger.info('wrote _headers');
      },
    },
  };
}
