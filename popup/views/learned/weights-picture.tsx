// A look inside the net: which features drive each hidden unit, and the first layer's weights
// for the most used features as a grid (warm: positive, cool: negative).
import type { Insights } from '../../../extension/contract-types';
import { Heatmap } from '../../charts/heatmap';
import { signed } from '../../format';

export function HiddenUnits({ units }: { units: Insights['hiddenUnits'] }) {
  if (units.length === 0) return <p class="muted">No hidden units to show yet.</p>;
  return (
    <ol class="hidden-units">
      {units.map(({ unit, top }) => (
        <li key={unit}>
          <span class="unit-name">Unit {unit}</span>
          <ul class="chips" aria-label={`Strongest features of unit ${unit}`}>
            {top.map(({ feature, effect }) => (
              <li key={feature} class={effect >= 0 ? 'chip up' : 'chip down'}>
                {feature} <span class="visually-hidden">({signed(effect)})</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export function WeightsHeatmap({ weights }: { weights: Insights['weights'] }) {
  const { rows, cols, values } = weights;
  if (rows.length === 0 || cols === 0) return <p class="muted">No weights to show yet.</p>;
  const grid = rows.map((_, r) => values.slice(r * cols, r * cols + cols));
  const columns = Array.from({ length: cols }, (_, c) => String(c + 1));
  return (
    <Heatmap title="First-layer weights" signed rowName="Feature" rowLabels={rows}
      colLabels={columns} values={grid} format={(weight) => signed(weight, 3)} labelWidth={110}
      summary={`${rows.length} most used features (rows) by ${cols} embedding dimensions (columns).`} />
  );
}
