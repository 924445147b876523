/**
 * SVG to PNG at build time with resvg, using bundled Noto faces so every machine draws the same glyphs:
 * Noto Sans for Latin text, Noto Sans SC for Chinese. A whole Noto Sans SC face is 10.5 MB, which
 * resvg reads and searches for every image, so the faces are subset (harfbuzz, through subset-font) to
 * the characters the build's words can contain: once, and again with the union only when an image
 * brings a character outside the set, so no glyph is ever missing. Subset faces and rendered PNGs are
 * kept in node_modules/.cache by what made them (characters and faces; SVG, scale, faces and resvg's
 * version), so a build renders only the images that changed since the last one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import subsetFont from 'subset-font';
import { LOCALES, intlLocale } from '~/i18n/locale';
import { walkFiles } from '~/site/files.mjs';
import { EXPORT_FONTS } from './svg';

const MODULES = join(process.cwd(), 'node_modules');
const FACES = [
  'noto-sans/400Regular/NotoSans_400Regular.ttf',
  'noto-sans/700Bold/NotoSans_700Bold.ttf',
  'noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
].map((face) => join(MODULES, '@expo-google-fonts', face));
const CACHE = join(MODULES, '.cache/sold-numbers');
const RESVG_VERSION = (JSON.parse(readFileSync(join(MODULES, '@resvg/resvg-js/package.json'), 'utf8')) as { version: string }).version;

const hash = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

/** `make()`'s bytes, kept in the cache under `name`: written whole, then renamed, so a parallel build or test never reads half a file. */
async function cached(name: string, make: () => Promise<Uint8Array>): Promise<string> {
  const file = join(CACHE, name);
  if (existsSync(file)) return file;
  const bytes = await make();
  mkdirSync(join(file, '..'), { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return file;
}

/** What Intl adds to the words (month names: "août"), and what the layout does: printable ASCII, no-break spaces, typographic signs. */
function formatCharacters(): string {
  const months = LOCALES.flatMap((l) =>
    Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(intlLocale(l), { month: 'long' }).format(Date.UTC(2020, m, 15))),
  );
  return String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i)) + '\u00a0\u202f\u2009’‘“”«»–—…×÷−·•→¥€£' + months.join('');
}

/** Every character of the story's words (src/words), the data's labels (data/*.json) and what formatting adds. */
export function wordCharacters(root = process.cwd()): Set<string> {
  const files = [
    ...walkFiles(join(root, 'src/words')).map((f) => join(root, 'src/words', f)),
    ...walkFiles(join(root, 'data'))
      .filter((f) => f.endsWith('.json') && !f.startsWith('geo/'))
      .map((f) => join(root, 'data', f)),
  ];
  return new Set([...formatCharacters(), ...files.flatMap((f) => [...readFileSync(f, 'utf8')])]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const entity = (m: string, e: string) => {
  if (e[0] !== '#') return ENTITIES[e] ?? m;
  const hex = e[1] === 'x' || e[1] === 'X';
  return String.fromCodePoint(parseInt(e.slice(hex ? 2 : 1), hex ? 16 : 10));
};

/** The characters an SVG sets as text: everything outside its tags and its stylesheet, entities decoded. */
export function textCharacters(svg: string): Set<string> {
  return new Set(
    svg
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, entity),
  );
}

/** Faces subset to a set of characters, as files (resvg reads faces from files). */
export interface Fonts {
  characters: Set<string>;
  files: string[];
}

let current: Promise<Fonts> | undefined;

/** Faces that hold every character `svg` sets: the build's set, grown (and subset again) only when the SVG brings a new character. */
export async function fontsFor(svg: string): Promise<Fonts> {
  const needed = textCharacters(svg);
  const fonts = current && (await current);
  if (fonts && [...needed].every((c) => fonts.characters.has(c))) return fonts;
  const characters = new Set([...(fonts?.characters ?? wordCharacters()), ...needed]);
  const text = [...characters].sort().join('');
  const subset = (face: string) => {
    const { size, mtimeMs } = statSync(face);
    return cached(`fonts/${hash(face, size, mtimeMs, text)}.ttf`, () => subsetFont(readFileSync(face), text, { targetFormat: 'truetype' }));
  };
  current = Promise.all(FACES.map(subset)).then((files) => ({ characters, files }));
  return current;
}

/** Renders `svg` `scale` times its own width, with the faces in `fontFiles` (by default the build's subset faces). */
export async function toPng(svg: string, scale = 1, fontFiles?: string[]): Promise<ArrayBuffer> {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  if (!width) throw new Error('the SVG needs a width to render');
  const files = fontFiles ?? (await fontsFor(svg)).files;
  const render = async () =>
    new Resvg(svg, {
      fitTo: { mode: 'width', value: Math.round(width * scale) },
      font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: EXPORT_FONTS.zh[0] },
    })
      .render()
      .asPng();
  const png = readFileSync(await cached(`png/${hash(RESVG_VERSION, scale, ...files, svg)}.png`, render));
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}

/** The whole faces, unsubset: for tests that compare what the subset draws. */
export const fullFaces = (): string[] => FACES;
