import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ARTBOARDS } from '~/charts/shared/artboards';

describe('ARTBOARDS', () => {
  it("are the artboards ChartFrame's container queries show, at the widths they start from", () => {
    const css = readFileSync('src/charts/shared/ChartFrame.svelte', 'utf8');
    const queries = [...css.matchAll(/@container \(([^)]*)\) \{\s*\.chart-body :global\(\.artboard:is\(([^)]*)\)\)/g)].map(([, range, hidden]) => ({
      range: range!.replace(/\s+/g, ' '),
      hidden: hidden!.split(/,\s*/).map((c) => c.replace('.', '')),
    }));
    const [narrow, phone, tablet, desktop] = ARTBOARDS;
    const hiding = (shown: string) => ARTBOARDS.map((b) => b.name).filter((n) => n !== shown);
    expect(queries).toEqual([
      // Narrow: a chart without a narrow artboard shows its phone one (".narrow ~ .phone" hides it otherwise).
      { range: `width < ${phone.from}rem`, hidden: [tablet.name, desktop.name, `${narrow.name} ~ .${phone.name}`] },
      { range: `${phone.from}rem <= width < ${tablet.from}rem`, hidden: hiding(phone.name) },
      { range: `${tablet.from}rem <= width < ${desktop.from}rem`, hidden: hiding(tablet.name) },
      { range: `width >= ${desktop.from}rem`, hidden: hiding(desktop.name) },
    ]);
  });

  it('lay out each at the room it starts from (a 288 px embed column for the narrowest), so none is drawn smaller than laid out', () => {
    for (const [i, b] of ARTBOARDS.entries()) {
      expect(b.width).toBe(i === 0 ? 256 : b.from * 16);
      if (i > 0) expect(b.width).toBeGreaterThan(ARTBOARDS[i - 1]!.width);
    }
  });
});
