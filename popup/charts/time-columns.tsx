// Time as columns from a base line: one column per day or per hour, and optionally a narrower
// column of another series inside each (today's hours within the average day's). A one-line
// summary is the picture's description, and the numbers are a table one click away.
import { useId } from 'preact/hooks';
import { DataTable } from './data-table';
import { MAX_SCALE } from './scale';

export interface TimeSeries {
  name: string;
  values: number[];
}

interface TimeColumnsProps {
  title: string;
  summary: string;
  labels: string[];
  /** The first series is drawn wide, a second one narrow inside it. */
  series: [TimeSeries] | [TimeSeries, TimeSeries];
  format: (value: number) => string;
  labelName: string;
  /** The column drawn apart (today's), if any. */
  marked?: number;
}

const WIDTH = 300;
const HEIGHT = 90;
const TOP = 2;
/** Room for the columns; below it, the labels. */
const PLOT = 74;

export function TimeColumns({ title, summary, labels, series, format, labelName, marked }: TimeColumnsProps) {
  const titleId = useId();
  const descId = useId();
  const perUnit = PLOT / Math.max(1e-9, ...series.flatMap((s) => s.values));
  const step = WIDTH / Math.max(1, labels.length);
  const everyLabel = Math.max(1, Math.ceil(labels.length / 7));
  const base = TOP + PLOT;
  const column = (value: number, x: number, width: number, className: string, key: string) => {
    const height = value > 0 ? Math.max(0.5, value * perUnit) : 0;
    return <rect key={key} class={className} x={x} width={width} y={base - height} height={height} />;
  };
  return (
    <figure class="chart time-columns">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: `${WIDTH * MAX_SCALE}px` }} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {series[0].values.map((value, i) => column(value, i * step + 1, Math.max(1, step - 2), i === marked ? 'bar marked' : 'bar up', `a${i}`))}
        {series[1]?.values.map((value, i) => column(value, i * step + step / 4, Math.max(1, step / 2 - 1), 'bar second', `b${i}`))}
        <line class="axis" x1="0" x2={WIDTH} y1={base} y2={base} />
        {labels.map((label, i) => i % everyLabel === 0 && (
          <text key={label} class="tick" x={i * step + 1} y={HEIGHT - 2}>{label}</text>
        ))}
      </svg>
      {series.length > 1 && (
        <ul class="legend time-legend" aria-hidden="true">
          {series.map((s, i) => <li key={s.name} class={i === 0 ? 'first' : 'second'}>{s.name}</li>)}
        </ul>
      )}
      <DataTable caption={title} shown="Show as a table" head={[labelName, ...series.map((s) => s.name)]}
        rows={labels.map((label, i) => [label, ...series.map((s) => format(s.values[i]))])} />
    </figure>
  );
}
