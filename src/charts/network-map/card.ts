import type { CardContent } from '~/charts/shared/card';
import type { NetworkMapModel } from './model';

/** The network card: the arrests and cities in large type, and the map with the named provinces lit and the county marked. */
export function mapCard(model: NetworkMapModel): CardContent {
  const [county] = model.points;
  if (!county) throw new Error('the network map has no place to mark');
  return {
    headline: model.meta.title,
    figure: `${model.figures.arrested.text}\n${model.figures.cities.text}`,
    case: 'hunan',
    visual: {
      kind: 'map',
      width: model.width,
      height: model.height,
      shapes: model.shapes.map((s) => ({ d: s.d, lit: s.network, context: s.context })),
      point: { x: county.x, y: county.y, label: county.name },
    },
  };
}
