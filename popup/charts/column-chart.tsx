// Signed columns around a zero line: how much each hour of the day moves a prediction.
import { useId } from 'preact/hooks';
import { DataTable } from './data-table';
import { MAX_SCALE } from './scale';

interface ColumnChartProps {
  title: string;
  summary: string;
  labels: string[];
  /** null: nothing known there (no column; the table says `missing`). */
  values: (number | null)[];
  format: (value: number) => string;
  labelName: string;
  /** The least span of values the chart's height stands for, so that effects of nearly nothing look it. */
  minSpan?: number;
  missing?: string | ((index: number) => string);
}

const WIDTH = 300;
const HEIGHT = 90;
const TOP = 2;
/** Room for the columns; below it, the labels. */
const PLOT = 74;

export function ColumnChart({ title, summary, labels, values, format, labelName, minSpan = 1e-9, missing = '—' }: ColumnChartProps) {
  const titleId = useId();
  const descId = useId();
  const known = values.filter((value): value is number => value !== null);
  // The zero line sits where the values put it: at the bottom when all push up, at the top when all
  // push down, so that no half of the chart stays empty (in the middle when there is nothing).
  const up = Math.max(0, ...known);
  const down = Math.max(0, ...known.map((value) => -value));
  const perUnit = PLOT / Math.max(up + down, minSpan);
  const zero = TOP + (up + down > 0 ? (PLOT * up) / (up + down) : PLOT / 2);
  const step = WIDTH / Math.max(1, values.length);
  const everyLabel = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure class="chart column-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: `${WIDTH * MAX_SCALE}px` }} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {values.map((value, i) => {
          if (value === null) return null;
          const size = Math.abs(value) * perUnit;
          return (
            <rect key={labels[i]} class={value < 0 ? 'bar down' : 'bar up'}
              x={i * step + 1} width={Math.max(1, step - 2)} y={value < 0 ? zero : zero - size} height={Math.max(0.5, size)} />
          );
        })}
        <line class="axis" x1="0" x2={WIDTH} y1={zero} y2={zero} />
        {labels.map((label, i) => i % everyLabel === 0 && (
          <text key={label} class="tick" x={i * step + 1} y={HEIGHT - 2}>{label}</text>
        ))}
      </svg>
      <DataTable caption={title} head={[labelName, 'Effect']} rows={values.map((value, i) => [labels[i], value === null ? (typeof missing === 'string' ? missing : missing(i)) : format(value)])} />
    </figure>
  );
}
