/**
 * Writes dist/_headers (Netlify / Cloudflare Pages format) after the build: each page's own
 * Content-Security-Policy (the one Astro put in its <meta>, with the hashes of that page's inline
 * scripts) plus frame-ancestors, which only a header can carry: 'self' everywhere except embed pages,
 * which any site may frame. Headers that no <meta> can set apply to every path.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const COMMON_HEADERS = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
};

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
  );
}

/** The _headers file for the built pages in `dir`, published under `base`. */
export function headersFile(dir: string, base: string): string {
  const blocks = [`${base}*\n${Object.entries(COMMON_HEADERS).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`];
  for (const file of htmlFiles(dir).sort()) {
    const html = readFileSync(file, 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
    if (!csp) continue;
    const path = relative(dir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1');
    const embed = /(^|\/)embed\//.test(path);
    const policy = `${csp.replace(/;\s*$/, '')}; frame-ancestors ${embed ? '*' : "'self'"}`;
    blocks.push(`${base}${path}\n  Content-Security-Policy: ${policy}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'sold-numbers:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, '_headers'), headersFile(out, base));
        logger.info('wrote _headers');
      },
    },
  };
}
