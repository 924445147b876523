/** /embed.js: the script reporters paste once beside our iframes (see src/site/embed.ts). */
import type { APIRoute } from 'astro';
import { hostScriptSource } from '~/site/embed';

export const GET: APIRoute = () => new Response(hostScriptSource(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
