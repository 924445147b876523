/**
 * Every built page is valid HTML by html-validate's "recommended" preset (rules turned off, with
 * reasons, in dist.ts). Reads dist/: build first (npm run test:browser does, then runs this).
 */
import { describe, it } from 'vitest';
import type { Message } from 'html-validate';
import { assertNone, htmlPages, htmlvalidate, readDist } from './dist';

/**
 * Markup Astro itself writes, which the project cannot change. Each entry matches one rule at one
 * place, so the rule stays on for everything else.
 */
const FRAMEWORK_OUTPUT: { rule: string; startsWith: string; why: string }[] = [
  {
    rule: 'element-permitted-content',
    startsWith: '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>',
    why: 'Astro inlines this <style> before the first island, wherever that island is in <body>',
  },
];

const pages = htmlPages();

describe('html-validate', () => {
  it.each(pages)('%s is valid HTML', async (page) => {
    const html = readDist(page);
    const report = await htmlvalidate.validateString(html, `dist/${page}`);
    const messages: Message[] = report.results.flatMap((r) => r.messages);
    // A message's offset points at the element's name; its tag starts at the '<' before it.
    const tagAt = (offset: number) => html.lastIndexOf('<', offset);
    const errors = messages.filter((m) => !FRAMEWORK_OUTPUT.some((known) => m.ruleId === known.rule && html.startsWith(known.startsWith, tagAt(m.offset))));
    const lines = errors.map(
      (m) => `dist/${page}:${m.line}:${m.column} ${m.ruleId}${m.severity === 1 ? ' (warning)' : ''}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`,
    );
    assertNone(lines, `html-validate, dist/${page}`);
  });
});
