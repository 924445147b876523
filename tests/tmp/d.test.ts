import { it } from 'vitest';
import { loadData } from '../../src/lib/data';
import { figureBook } from '../../src/lib/facts';
import { translator } from '../../src/lib/i18n';
import { buildTimeline, layoutTimeline, placeLabel, type Box } from '../../src/lib/timeline';
it('d', () => {
  const data = loadData(); const t = translator('zh');
  const m = buildTimeline(data, figureBook(data, 'en', t), 'zh', t);
  const l = layoutTimeline(m, 320);
  const ev = l.events.filter(e => e.id.startsWith('shanghai'));
  const taken: Box[] = [];
  for (const e of l.events) console.log(e.id, ((e.x0+e.x1)/2).toFixed(1), JSON.stringify(e.label.box), e.label.clear, e.label.lines.join('/'));
});
