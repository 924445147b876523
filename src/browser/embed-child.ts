/**
 * Runs in every embed page: applies ?theme (light unless asked), and reports the page's height to the host page whenever
 * it changes (ResizeObserver, no polling), both as our own message for /embed.js and in the pym.js
 * child protocol for CMSes that use pym.js.
 */
import { PING_MESSAGE, heightMessage, pymHeightMessage, themeParam } from '~/site/embed';
import type { ChartId } from '~/charts/registry';

const params = new URLSearchParams(location.search);
// The page is served light (data-theme on <html>); ?theme=dark forces dark, ?theme=auto follows the reader.
const theme = themeParam(params.get('theme'));
if (theme === 'auto') delete document.documentElement.dataset.theme;
else document.documentElement.dataset.theme = theme;

const root = document.querySelector<HTMLElement>('[data-embed]');
const chart = root?.dataset.embed as ChartId | undefined;

if (root && chart && window.parent !== window) {
  const childId = params.get('childId');
  let last = 0;
  const report = (force = false) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    window.parent.postMessage(heightMessage(chart, height), '*');
    if (childId) window.parent.postMessage(pymHeightMessage(childId, height), '*');
  };
  // Measure in the next frame, once the resize has settled.
  let frame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => report());
  }).observe(root);
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && (event.data as { type?: string } | null)?.type === PING_MESSAGE) report(true);
  });
  report();
}
