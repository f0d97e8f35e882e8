// Signed columns around a zero line: how much each hour of the day moves a prediction.
import { useId } from 'preact/hooks';
import { DataTable } from './data-table';
import { MAX_SCALE } from './line-chart';
import { maxAbs } from './scale';

interface ColumnChartProps {
  title: string;
  summary: string;
  labels: string[];
  values: number[];
  format: (value: number) => string;
  labelName: string;
}

const WIDTH = 300;
const HEIGHT = 90;
const MID = 40;

export function ColumnChart({ title, summary, labels, values, format, labelName }: ColumnChartProps) {
  const titleId = useId();
  const descId = useId();
  const scale = maxAbs(values);
  const step = WIDTH / Math.max(1, values.length);
  const everyLabel = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure class="chart column-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: `${WIDTH * MAX_SCALE}px` }} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {values.map((value, i) => {
          const size = (Math.abs(value) / scale) * (MID - 4);
          return (
            <rect key={labels[i]} class={value < 0 ? 'bar down' : 'bar up'}
              x={i * step + 1} width={Math.max(1, step - 2)} y={value < 0 ? MID : MID - size} height={Math.max(0.5, size)} />
          );
        })}
        <line class="axis" x1="0" x2={WIDTH} y1={MID} y2={MID} />
        {labels.map((label, i) => i % everyLabel === 0 && (
          <text key={label} class="tick" x={i * step + 1} y={HEIGHT - 2}>{label}</text>
        ))}
      </svg>
      <DataTable caption={title} head={[labelName, 'Effect']} rows={values.map((value, i) => [labels[i], format(value)])} />
    </figure>
  );
}
