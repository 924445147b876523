#!/usr/bin/env node
// Renders the web app icons into public/icons/ from public/favicon.svg, with resvg: 192 and 512 px,
// and a 512 px maskable icon (the mark on a full-bleed background, inside the central safe zone that
// every launcher's mask keeps). Run after changing the favicon: npm run icons. The PNGs are committed.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const favicon = readFileSync(`${publicDir}favicon.svg`, 'utf8');
// The favicon's own background colour fills the maskable icon to its edges.
const background = /<rect[^>]*fill="(#[0-9a-f]{3,8})"/i.exec(favicon)?.[1];
if (!background) throw new Error('public/favicon.svg: no <rect fill="#…"> to take the background colour from');
// The favicon at 80% of the icon, centred: its phone mark stays inside the central circle (80% across)
// that Android and other launchers keep whatever mask they apply.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="${background}"/>${favicon.replace('<svg ', '<svg x="10" y="10" width="80" height="80" ')}</svg>`;

const render = (svg, size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
mkdirSync(`${publicDir}icons`, { recursive: true });
for (const [name, svg, size] of [
  ['icon-192.png', favicon, 192],
  ['icon-512.png', favicon, 512],
  ['icon-maskable-512.png', maskable, 512],
]) {
  const png = render(svg, size);
  writeFileSync(`${publicDir}icons/${name}`, png);
  console.log(`public/icons/${name}: ${size}×${size}, ${png.length} bytes`);
}
