import type { CardContent } from '~/charts/shared/card';
import type { FlowModel } from './model';

/** The resale card: the markup in large type and the two prices it comes from as bars. */
export function flowCard(model: FlowModel): CardContent {
  const bars = model.stages.flatMap((s) =>
    s.price ? [{ label: s.label, min: s.price.min, max: s.price.max, text: s.price.text, outline: s.price.min < s.price.max }] : [],
  );
  return { headline: model.meta.title, figure: model.markup.text, case: 'shanghai', visual: { kind: 'bars', bars } };
}
