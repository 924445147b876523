/**
 * QR codes for printed and projected addresses, drawn at build time as SVG by the `qrcode` library
 * (never by hand): black on white whatever the theme, as phone cameras expect.
 */
import QRCode from 'qrcode';
import { escapeHtml } from '~/i18n/format';

/** An SVG QR code for `url`, as an image named `label` for screen readers. */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg class="qr" role="img" aria-label="${escapeHtml(label)}" `);
}
