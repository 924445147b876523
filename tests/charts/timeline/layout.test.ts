import { describe, it, expect } from 'vitest';
import { loadData } from '~/data/load';
import { figureBook } from '~/data/figures';
import { translator } from '~/i18n/translate';
import { LOCALES } from '~/i18n/locale';
import { buildTimeline, timelineParts, timelinePiece, timelinePieces, type TimelineModel } from '~/charts/timeline/model';
import { layoutTimeline } from '~/charts/timeline/layout';
import { layoutTexts, type TimelineLayout } from '~/charts/timeline/geometry';
import { FONT, lineBox, overlaps } from '~/charts/timeline/labels';
import { TIMELINE_ARTBOARDS, artboardFor, drawnFont } from '~/charts/timeline/artboards';

const data = loadData();
const editions = LOCALES.map((locale) => {
  const t = translator(locale);
  return { locale, model: buildTimeline(data, figureBook(data, locale, t), locale, t) };
});
const model = editions.find((e) => e.locale === 'en')!.model;
const U = Date.UTC;
/** Every width a container can give the timeline, from a 288 px embed column to a 1440 px desktop. */
const WIDTHS = Array.from({ length: 25 }, (_, i) => 288 + 48 * i);

/** What is wrong with a layout: a text leaving the chart or on another, a rule's line or a leader crossing a text it does not belong to. */
function faults(l: TimelineLayout): string[] {
  const texts = layoutTexts(l);
  const out: string[] = [];
  for (const { text, box: b } of texts)
    if (b.x < 0 || b.x + b.w > l.width + 0.05 || b.y < 0 || b.y + b.h > l.height + 0.05)
      out.push(`"${text}" leaves the chart (${b.x}, ${b.y}, ${b.w}, ${b.h})`);
  for (const [i, a] of texts.entries()) for (const b of texts.slice(i + 1)) if (overlaps(a.box, b.box)) out.push(`"${a.text}" on "${b.text}"`);
  for (const rule of l.rules)
    for (const segment of rule.segments)
      for (const t of texts) if (t.box !== rule.label.box && overlaps(lineBox(segment), t.box)) out.push(`the rule ${rule.id} crosses "${t.text}"`);
  for (const x of [...l.events, ...l.rules]) if (!x.label.clear) out.push(`${x.id}'s leader crosses a label`);
  return out;
}
const expectApart = (l: TimelineLayout, what: string) => expect(faults(l), what).toEqual([]);

describe('layoutTimeline: labels apart and inside', () => {
  it('keeps every label inside the chart and off every other, at any width from 288 to 1440 px, across and down, in every language', () => {
    for (const { locale, model: m } of editions)
      for (const w of WIDTHS) {
        expectApart(layoutTimeline(m, w), `${locale} ${w}px`);
        if (w <= 800) expectApart(layoutTimeline(m, w, { vertical: true }), `${locale} ${w}px down`);
      }
    for (const { locale, model: m } of editions)
      for (const w of [236, 250, 264]) {
        expectApart(layoutTimeline(m, w, { vertical: true }), `${locale} ${w}px down`);
      }
  }, 60_000);

  it('keeps each artboard and each talk slide apart and inside (the events at 20.5 px, the national figures at up to 31 px)', () => {
    for (const { locale, model: m } of editions) {
      for (const a of TIMELINE_ARTBOARDS) expectApart(layoutTimeline(m, a.width, { vertical: a.vertical }), `${locale} ${a.name}`);
      for (const part of timelineParts(m))
        for (const font of part === 'cases' ? [20.5] : [20.5, 31])
          expectApart(layoutTimeline(m, 944, { height: 632, font, part }), `${locale} ${part} at ${font}px`);
    }
  });

  it('breaks a rule’s line where a panel’s title or a lane’s name is, so no policy line cuts through a title', () => {
    const l = layoutTimeline(model, 768);
    const crossed = l.rules.filter((r) => r.segments.length > 1);
    expect(crossed.length).toBeGreaterThan(0);
    for (const r of l.rules) {
      expect(r.segments[0]![1]).toBe(r.label.leader[1]);
      expect(r.segments.at(-1)![3]).toBe(l.bottom);
    }
  });
});

describe('layoutTimeline: type in reader space', () => {
  const limit = (locale: string) => (locale === 'zh' ? 14 : 12);

  it('draws every label at 12 px or more (14 px in Chinese) in containers 288, 375, 768 and 1280 px wide', () => {
    // 256: a 288 px embed column less the page's margins.
    for (const px of [256, 288, 375, 768, 1280]) {
      const board = artboardFor(px);
      for (const { locale } of editions)
        expect(drawnFont(board.width, px), `${locale} ${px}px: the ${board.name} artboard`).toBeGreaterThanOrEqual(limit(locale));
    }
  });

  it('draws every label at 15 px or more on a phone at the largest reading size (1.5 rem)', () => {
    for (const px of [320, 343, 375]) {
      const board = artboardFor(px, 24);
      expect(board.name).toBe('phone');
      expect(drawnFont(board.width, px)).toBeGreaterThanOrEqual(15);
    }
  });

  it('holds at the narrowest container each artboard is shown in', () => {
    for (const [i, board] of TIMELINE_ARTBOARDS.entries()) {
      const narrowest = i === 0 ? 256 : TIMELINE_ARTBOARDS[i - 1]!.belowRem * 16;
      expect(artboardFor(narrowest)).toBe(board);
      expect(drawnFont(board.width, narrowest), board.name).toBeGreaterThanOrEqual(14);
    }
  });

  it('lays a slide out so that its text is drawn at the size asked for', () => {
    for (const font of [20.5, 31, 43]) expect(drawnFont(layoutTimeline(model, 944, { font, part: 'national' }).width, 944)).toBeCloseTo(font, 1);
    // Squeezed to a 1024x768 projector's chart area where the panels can be.
    const l = layoutTimeline(model, 944, { height: 632, font: 20.5, part: 'national' });
    expect(l.height * (944 / l.width)).toBeLessThanOrEqual(632 + 1);
  });
});

/** Each bar's length against its value, in every panel of a layout. */
const lengths = (l: TimelineLayout, m: TimelineModel) =>
  l.panels.flatMap((p, i) =>
    p.bars.map((b) => {
      const value = m.series[i]!.bars.find((x) => x.id === b.id)!.value;
      return { panel: p, id: b.id, value, length: l.vertical ? b.box.w : b.box.h, from: l.vertical ? b.box.x : b.box.y + b.box.h };
    }),
  );

describe('layoutTimeline: an honest national panel', () => {
  it('draws every bar from zero with its length proportional to its value, in every layout', () => {
    for (const vertical of [false, true])
      for (const w of [288, 480, 768, 1280]) {
        const l = layoutTimeline(model, w, { vertical });
        for (const b of lengths(l, model)) {
          expect(b.panel.domain[0]).toBe(0);
          expect(b.from, b.id).toBeCloseTo(b.panel.zero, 0);
          expect(b.length, `${b.id} at ${w}`).toBeCloseTo(b.value * b.panel.unit, 0);
        }
      }
  });

  it('draws 147,000 prosecutions over a thousand times as long as 137, and says the first years are too small to see', () => {
    const l = layoutTimeline(model, 768);
    const spp = lengths(l, model).filter((b) => b.id.startsWith('spp.'));
    const of = (id: string) => spp.find((b) => b.id === id)!.length;
    expect(of('spp.aiding-prosecuted-2023') / Math.max(of('spp.aiding-prosecuted-2018'), 1e-9)).toBeGreaterThan(1000);
    const panel = l.panels.find((p) => p.id === 'spp-aiding-prosecutions')!;
    expect(panel.note?.lines.join(' ')).toBe('Too small to see at this scale');
    // The note sits over the 2018 and 2019 values, the bars it is about.
    const years = panel.values.filter((v) => /2018|2019/.test(v.id));
    for (const v of years) expect(v.x).toBeGreaterThanOrEqual(panel.note!.box.x - 40);
    expect(l.panels.find((p) => p.id === 'mps-cases-solved')!.note).toBeUndefined();
  });

  it('labels its value axes in the bars’ number style, from zero', () => {
    const zh = editions.find((e) => e.locale === 'zh')!.model;
    const ticks = layoutTimeline(zh, 768).panels.map((p) => p.grid.map((g) => g.label.text));
    expect(ticks[1]![0]).toBe('0');
    for (const t of ticks.flat().slice(1)) expect(t).toMatch(/^0$|万$/);
    expect(layoutTimeline(model, 768).panels[1]!.grid.map((g) => g.label.text)).toEqual(['0', '50k', '100k', '150k']);
  });

  it('gives each panel its series’ name as its title, with no scale note in it', () => {
    const l = layoutTimeline(model, 768);
    expect(l.panels.map((p) => p.title.lines.join(' '))).toEqual(model.series.map((s) => s.label));
  });
});

describe('layoutTimeline: order and geometry', () => {
  it('stacks the labels of nearby events and of the rules in date order, top down', () => {
    for (const { locale, model: m } of editions)
      for (const [w, opts] of [...WIDTHS.map((w) => [w, {}] as const), [944, { font: 31, height: 632 }] as const]) {
        {
          const l = layoutTimeline(m, w, opts);
          const groups = [l.rules.map((r) => r.label), ...m.lanes.map((lane) => lane.events.map((e) => l.events.find((x) => x.id === e.id)!.label))];
          for (const labels of groups)
            labels.forEach((a, i) =>
              labels.slice(i + 1).forEach((b) => {
                const shared = a.box.x < b.box.x + b.box.w && b.box.x < a.box.x + a.box.w;
                if (shared) expect(a.box.y, `${locale} ${w}px: ${a.id} under the later ${b.id}`).toBeLessThan(b.box.y);
              }),
            );
        }
      }
  }, 60_000);

  it('runs time down the page on a phone: later events lower, the labels in date order', () => {
    const l = layoutTimeline(model, 236, { vertical: true });
    const marks = l.events.map((e) => e.mark.y);
    expect(marks).toEqual([...marks].sort((a, b) => a - b));
    const events = [...l.events].sort((a, b) => a.mark.y - b.mark.y);
    const tops = events.map((e) => e.label.box.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(l.x(U(2023, 0, 1))).toBeGreaterThan(l.x(U(2022, 0, 1)));
  });

  it('ties each event label to its mark with a leader', () => {
    for (const w of [288, 768, 1280]) {
      const l = layoutTimeline(model, w);
      for (const e of l.events) {
        const [x1, y1, , y2] = e.label.leader;
        expect(x1).toBeCloseTo(e.mark.x + e.mark.w / 2, 0);
        expect(y1).toBe(e.mark.y + e.mark.h);
        expect(y2).toBeGreaterThan(e.label.box.y);
        expect(x1 < e.label.box.x || x1 > e.label.box.x + e.label.box.w).toBe(true);
      }
    }
  });

  it('lays out each part alone for talk mode: the events with their own years, or the panels, each with the rules', () => {
    const cases = layoutTimeline(model, 920, { font: 20.5, part: 'cases' });
    expect([cases.events.length, cases.panels.length, cases.rules.length]).toEqual([8, 0, 2]);
    expect(cases.years.map((y) => y.text)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    const national = layoutTimeline(model, 920, { font: 20.5, part: 'national' });
    expect([national.events.length, national.panels.length, national.rules.length]).toEqual([0, 2, 2]);
    expect(national.panels.at(-1)!.times.map((t) => t.text)).toEqual(model.years.map(String));
  });

  it('lays out each piece alone for an embed of its own (each case, each national series), down and across, its labels apart and inside', () => {
    for (const { locale, model: m } of editions) {
      const pieces = timelinePieces(m);
      expect(pieces.map((p) => p.id)).toEqual([...m.lanes.map((l) => l.id), ...m.series.map((s) => s.id)]);
      for (const { id } of pieces) {
        const piece = timelinePiece(m, id);
        const isCase = piece.lanes.length > 0;
        for (const board of TIMELINE_ARTBOARDS) {
          const l = layoutTimeline(piece, board.width, { vertical: board.vertical, part: isCase ? 'cases' : 'national' });
          expectApart(l, `${id} on the ${board.name}'s artboard in ${locale}`);
          // Only the piece's own marks: its case's events, or its series' bars.
          expect(l.events.map((e) => e.id)).toEqual(isCase ? piece.lanes[0]!.events.map((e) => e.id) : []);
          expect(l.panels.map((p) => p.id)).toEqual(isCase ? [] : [id]);
        }
      }
    }
    // A piece drawn down the page is shorter than the whole: the whole is the sum of its pieces and more.
    const whole = layoutTimeline(model, 236, { vertical: true }).height;
    for (const { id } of timelinePieces(model))
      expect(
        layoutTimeline(timelinePiece(model, id), 236, { vertical: true, part: timelinePiece(model, id).lanes.length > 0 ? 'cases' : 'national' }).height,
      ).toBeLessThan(whole / 2);
    expect(() => timelinePiece(model, 'no-such-piece')).toThrow(/no case or series/);
  });

  it('fits a given height by squeezing the panels, never above their natural height', () => {
    const natural = layoutTimeline(model, 820);
    const fitted = layoutTimeline(model, 820, { height: natural.height - 60 });
    expect(fitted.height).toBeLessThanOrEqual(natural.height - 60);
    expect(layoutTimeline(model, 820, { height: 5000 }).height).toBe(natural.height);
  });

  it('sets all its text at one size in base units', () => {
    expect(FONT).toBe(13);
  });
});
