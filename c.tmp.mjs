import { compile } from 'svelte/compiler';
import { readFileSync } from 'node:fs';
for (const f of ['ResaleFlow', 'NetworkMap', 'Timeline', 'ChartFigure']) {
  const src = readFileSync(`src/charts/${f}.svelte`, 'utf8');
  const r = compile(src, { css: 'external', generate: 'server', filename: `src/charts/${f}.svelte` });
  console.log(f, /svelte-[a-z0-9]+/.exec(r.css?.code ?? '')?.[0], (r.css?.code ?? '').slice(0, 150).replace(/\n/g, ' '));
}
