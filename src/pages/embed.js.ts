/** /embed.js: the script reporters paste once beside our iframes (see src/site/embed.ts). */
import type { APIRoute } from 'astro';
import { CHART_IDS } from '~/charts/registry';
import { hostScriptSource } from '~/site/embed';

export const GET: APIRoute = () => new Response(hostScriptSource(CHART_IDS), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
