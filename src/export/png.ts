/** SVG to PNG at build time with resvg, using the bundled Noto Sans SC so Chinese renders everywhere. */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { EXPORT_FONT } from './svg';

const FONTS = join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc');
const fontFiles = [join(FONTS, '400Regular/NotoSansSC_400Regular.ttf'), join(FONTS, '700Bold/NotoSansSC_700Bold.ttf')];

/** Renders `svg` `scale` times its own width. */
export function toPng(svg: string, scale = 1): ArrayBuffer {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  if (!width) throw new Error('the SVG needs a width to render');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: EXPORT_FONT },
  });
  const png = resvg.render().asPng();
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}
