// Build time per kind of route, for scripts/bench.mjs (pure; unit-tested in tests/scripts/bench.test.ts).
// Astro's build log prints each generated route with the time it took, "├─ /zh/downloads/timeline.png/ (+1.15s)";
// routes are generated one after another, so these add up to the time spent generating pages.

/** Most of the build the PNG routes (downloads and social cards) may take. */
export const PNG_SHARE_BUDGET = 0.25;

/** Kinds of route, in the order the bench prints them: the first whose test matches a route's path is its kind. */
export const ROUTE_KINDS = [
  { kind: 'social cards (PNG)', png: true, test: (/** @type {string} */ p) => /-card\.png\/?$/.test(p) },
  { kind: 'downloads PNG', png: true, test: (/** @type {string} */ p) => /\/downloads\/[^/]+\.png\/?$/.test(p) },
  { kind: 'downloads SVG', png: false, test: (/** @type {string} */ p) => /\/downloads\/[^/]+\.svg\/?$/.test(p) },
  { kind: 'downloads CSV', png: false, test: (/** @type {string} */ p) => /\/downloads\/[^/]+\.csv\/?$/.test(p) },
  { kind: 'embeds', png: false, test: (/** @type {string} */ p) => /\/embed\//.test(p) },
  { kind: 'talk', png: false, test: (/** @type {string} */ p) => /\/talk\//.test(p) },
  { kind: 'handout', png: false, test: (/** @type {string} */ p) => /\/handout\//.test(p) },
  { kind: 'story pages', png: false, test: (/** @type {string} */ p) => /^\/([a-z]{2}(-[a-z0-9]+)?\/)?(index\.html)?$/i.test(p) },
  { kind: 'other', png: false, test: () => true },
];

/** Strips terminal colour codes. @param {string} s */
const plain = (s) => s.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

/**
 * Each generated route and the milliseconds Astro reports for it, from the build's output.
 * @param {string} log @returns {{ route: string, ms: number }[]}
 */
export function routeTimings(log) {
  const out = [];
  for (const line of plain(log).split('\n')) {
    const m = /[├└]─\s+(\S+)\s+\(\+([\d.]+)(ms|s)\)/.exec(line);
    if (m) out.push({ route: m[1] ?? '', ms: Number(m[2]) * (m[3] === 's' ? 1000 : 1) });
  }
  return out;
}

/**
 * The kind of a route (the last kind, 'other', takes any route).
 * @param {string} route @returns {(typeof ROUTE_KINDS)[number]}
 */
export const routeKind = (route) => /** @type {(typeof ROUTE_KINDS)[number]} */ (ROUTE_KINDS.find((k) => k.test(route)));

/**
 * Time per kind of route, and each kind's share of the whole build (`buildMs`, from start to end).
 * @param {{ route: string, ms: number }[]} timings @param {number} buildMs
 * @returns {{ kinds: { kind: string, routes: number, ms: number, share: number }[], png: { routes: number, ms: number, share: number }, routesMs: number, buildMs: number }}
 */
export function buildTimeByKind(timings, buildMs) {
  const kinds = ROUTE_KINDS.map(({ kind }) => ({ kind, routes: 0, ms: 0, share: 0 }));
  const png = { routes: 0, ms: 0, share: 0 };
  for (const t of timings) {
    const k = routeKind(t.route);
    const row = kinds.find((r) => r.kind === k.kind);
    if (!row) continue;
    row.routes++;
    row.ms += t.ms;
    if (k.png) {
      png.routes++;
      png.ms += t.ms;
    }
  }
  for (const r of [...kinds, png]) r.share = buildMs > 0 ? r.ms / buildMs : 0;
  return { kinds: kinds.filter((r) => r.routes > 0), png, routesMs: timings.reduce((s, t) => s + t.ms, 0), buildMs };
}

/**
 * What fails the bench in the build's timings: no route timings found (Astro's log changed: the bench
 * would measure nothing), or PNG routes over their share of the build.
 * @param {ReturnType<typeof buildTimeByKind>} time @returns {string[]}
 */
export function buildTimeFailures(time) {
  if (time.routesMs === 0) return ['build time: no route timings found in the build log (has Astro changed its output?)'];
  if (time.png.share > PNG_SHARE_BUDGET)
    return [`build time: PNG routes took ${(time.png.ms / 1000).toFixed(1)} s, ${pct(time.png.share)} of the build (budget ${pct(PNG_SHARE_BUDGET)})`];
  return [];
}

/** @param {number} share */
export const pct = (share) => `${(share * 100).toFixed(0)}%`;
