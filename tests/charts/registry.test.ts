import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_IDS, CHARTS } from '~/charts/registry';
import { walkFiles } from '~/site/files.mjs';

describe('the chart registry', () => {
  it('lists each chart once, by the name of its folder', () => {
    expect(new Set(CHART_IDS).size).toBe(CHARTS.length);
    const folders = walkFiles('src/charts').flatMap((f: string) => (f.endsWith('/definition.ts') && !f.startsWith('shared/') ? [f.split('/')[0]] : []));
    expect([...CHART_IDS].sort()).toEqual(folders.sort());
  });

  it('is the only place outside src/charts that knows the charts: no other source file names a chart id as a string', () => {
    const named: string[] = [];
    const ids = new RegExp(`(['"\`])(${CHART_IDS.join('|')})\\1`, 'g');
    for (const file of walkFiles('src').filter((f: string) => /\.(ts|mts|svelte|astro)$/.test(f) && !f.startsWith('charts/'))) {
      readFileSync(join('src', file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [, , id] of line.matchAll(ids)) named.push(`src/${file}:${i + 1} names "${id}"`);
        });
    }
    expect(named).toEqual([]);
  });
});
