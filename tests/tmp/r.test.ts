import { it } from 'vitest';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import Timeline from '../../src/charts/Timeline.svelte';
import { buildEdition } from '../../src/lib/edition';
import { writeFileSync } from 'node:fs';
it('r', () => {
  for (const l of ['en','zh','fr'] as const) {
  const e = buildEdition(l);
  const html = render(Timeline as unknown as Component<Record<string, unknown>>, { props: { model: e.charts.timeline, tableLabel: 'x' } }).body;
  writeFileSync(`/tmp/tl-${l}.html`, `<html><head><meta charset="utf-8"><style>:root{--color-bg:#fff;--color-text:#111;--color-muted:#555;--color-context:#eee;--color-context-strong:#678;--color-fraud:#b22;--color-police:#24a;--color-rule:#999} body{font-family:sans-serif;margin:0} .tablet,.desktop,.only{display:none} .timeline{container-type:inline-size} .halo{paint-order:stroke;stroke:#fff;stroke-width:3px} .years rect{fill:#eee} .bars rect{fill:#789} .bars rect.partial{fill:none;stroke:#789;stroke-dasharray:3 2} .rule line{stroke:#24a} .leader{stroke:#555} .lane{stroke:#999} .event rect{fill:#b22} .count{fill:#b22} svg{overflow:visible;font-size:13px} .values text{font-size:11px} @container (min-width:520px){.phone{display:none}.tablet{display:block}} @container (min-width:840px){.tablet{display:none}.desktop{display:block}}</style></head><body>${html}</body></html>`);
  }
});
