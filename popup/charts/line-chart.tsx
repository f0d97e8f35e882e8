// A small line chart: the model's figure over time against a dashed baseline. SVG, no library;
// its title, a one-line summary and a hidden table of sampled points carry the same information.
import { useId } from 'preact/hooks';
import { DataTable } from './data-table';
import { MAX_SCALE, extent, linePath, linearScale, sampleIndices } from './scale';

export interface LineSeries {
  label: string;
  values: number[];
  /** Drawn dashed and muted: what a constant predictor would score. */
  baseline?: boolean;
}

interface LineChartProps {
  title: string;
  /** X positions (visits learned), one per value of every series. */
  x: number[];
  series: LineSeries[];
  format: (value: number) => string;
  xName: string;
  /** Fixed y range (e.g. [0, 1] for rates); otherwise fitted to the data. */
  domain?: [number, number];
}

const WIDTH = 300;
const HEIGHT = 110;
const PAD = { left: 38, right: 6, top: 6, bottom: 16 };

export function LineChart({ title, x, series, format, xName, domain }: LineChartProps) {
  const titleId = useId();
  const descId = useId();
  const [low, high] = domain ?? extent(...series.map((s) => s.values));
  const xScale = linearScale(extent(x), [PAD.left, WIDTH - PAD.right]);
  const yScale = linearScale([low, high], [HEIGHT - PAD.bottom, PAD.top]);
  const last = x.length - 1;
  const summary = series.map((s) => `${s.label} ${format(s.values[last])}`).join(', ');
  return (
    <figure class="chart line-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: `${WIDTH * MAX_SCALE}px` }} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{`After ${x[last].toLocaleString('en')} ${xName}: ${summary}.`}</desc>
        <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
        <text class="tick" x={PAD.left - 4} y={PAD.top + 8} text-anchor="end">{format(high)}</text>
        <text class="tick" x={PAD.left - 4} y={HEIGHT - PAD.bottom} text-anchor="end">{format(low)}</text>
        <text class="tick" x={PAD.left} y={HEIGHT - 3}>{x[0].toLocaleString('en')}</text>
        <text class="tick" x={WIDTH - PAD.right} y={HEIGHT - 3} text-anchor="end">{`${x[last].toLocaleString('en')} ${xName}`}</text>
        {series.map((s) => (
          <path key={s.label} class={s.baseline ? 'series baseline' : 'series'} d={linePath(x, s.values, xScale, yScale)} />
        ))}
        {series.map((s) => Number.isFinite(s.values[last]) && (
          <circle key={s.label} class={s.baseline ? 'dot baseline' : 'dot'} r="2.5" cx={xScale(x[last])} cy={yScale(s.values[last])} />
        ))}
      </svg>
      <ul class="legend" aria-hidden="true">
        {series.map((s) => <li key={s.label} class={s.baseline ? 'baseline' : ''}>{s.label}</li>)}
      </ul>
      <DataTable
        caption={title}
        head={[xName, ...series.map((s) => s.label)]}
        rows={sampleIndices(x.length, 8).map((i) => [x[i], ...series.map((s) => format(s.values[i]))])}
      />
    </figure>
  );
}
