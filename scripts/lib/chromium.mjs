// The system Chromium every browser tool here uses (Playwright, Lighthouse): where it is and how to
// launch it. No tool may download its own browser; these flags keep it off the network at start-up.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Launch flags for Debian's Chromium as root on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {string} file */
const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * CHROME_PATH, else /usr/bin/chromium, else `chromium` on PATH; null when there is none.
 * @param {(message: string) => void} [warn] told when CHROME_PATH is set but not executable
 * @returns {string | null}
 */
export function findChromium(warn = () => {}) {
  const wanted = process.env.CHROME_PATH;
  if (wanted) {
    if (isExecutable(wanted)) return wanted;
    warn(`CHROME_PATH=${wanted} is not an executable file; looking elsewhere.`);
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'chromium'))) return join(dir, 'chromium');
  }
  return null;
}
