/**
 * Every built page is valid HTML by the W3C Nu checker (vnu-jar), which reads the HTML standard more
 * strictly than html-validate (stray tags after </html>, <style> placement, CSS values). One JVM run
 * over all pages; needs `java` (bash .ci/run installs it when missing).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, assertNone, htmlPages } from './dist';

const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

describe('W3C Nu HTML checker', () => {
  it('finds no error on any built page', () => {
    const pages = htmlPages().map((page) => join(DIST, page));
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error(`cannot run java (${run.error.message}): install a JRE, e.g. apt-get install -y default-jre-headless`);
    const report = JSON.parse(run.stderr || run.stdout) as {
      messages: { type: string; subType?: string; url?: string; lastLine?: number; firstColumn?: number; message: string; extract?: string }[];
    };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
      .map(
        (m) =>
          `${(m.url ?? '').replace(`file:${DIST}/`, 'dist/')}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? ` («${m.extract.replace(/\s+/g, ' ').trim().slice(0, 80)}»)` : ''}`,
      );
    assertNone(errors, 'vnu');
    // The checker ran over every page: a zero exit with no output would otherwise pass silently.
    expect(run.status).toBe(0);
    // One JVM over every page: tens of seconds on a busy machine.
  }, 180_000);
});
