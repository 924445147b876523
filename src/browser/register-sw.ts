/**
 * Registers the service worker (dist/sw.js, written after each build by src/integrations/service-worker.ts)
 * so the site, and a talk given once online, opens again without a network. Built sites only: the
 * dev server has no sw.js.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL;
  // After the page has loaded, so precaching never competes with the page itself.
  addEventListener('load', () => {
    // Offline reading is an extra: a browser that refuses (private mode, storage full) still shows the page.
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => undefined);
  });
}
