/**
 * Runs in every embed page: applies ?theme (light unless asked), and reports the page's height to the host page whenever
 * it changes (ResizeObserver, no polling), as our own message for /embed.js, in the pym.js child protocol for CMSes
 * that use pym.js, and in WordPress's embed protocol when the address carries WordPress's `#?secret=`: wp-embed.js
 * on the host page then sizes the frame and, since WordPress sandboxes it without top navigation, follows our links.
 */
import { PING_MESSAGE, heightMessage, pymHeightMessage, themeParam, wordpressSecret } from '~/site/embed';
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
  const secret = wordpressSecret(location.hash);
  let last = 0;
  const report = (force = false) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    window.parent.postMessage(heightMessage(chart, height), '*');
    if (childId) window.parent.postMessage(pymHeightMessage(childId, height), '*');
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
  };
  // Measure in the next frame, once the resize has settled.
  let frame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => report());
  }).observe(root);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data as { type?: string; message?: string; secret?: string } | null;
    // Our host script, or wp-embed.js when it loads after the frame.
    if (data?.type === PING_MESSAGE || (secret && data?.message === 'ready' && data.secret === secret)) report(true);
  });
  if (secret) {
    // A sandboxed frame cannot open a link in the top window: wp-embed.js does it when asked, for links to our host.
    document.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (
        !link ||
        link.host !== location.host ||
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      event.preventDefault();
      window.parent.postMessage({ message: 'link', value: link.href, secret }, '*');
    });
  }
  report();
}
