// A grid of coloured cells: habits by weekday and hour, or the first layer's weights. SVG cells,
// a one-line summary as its description, and the full grid as a hidden table.
import { useId } from 'preact/hooks';
import { DataTable } from './data-table';
import { MAX_SCALE, maxAbs } from './scale';

interface HeatmapProps {
  title: string;
  summary: string;
  /** What the rows are, as the hidden table's corner heading (`Day`, `Feature`). */
  rowName: string;
  rowLabels: string[];
  colLabels: string[];
  /** rows × cols values; counts (0 and up) or signed weights when `signed`. */
  values: number[][];
  signed?: boolean;
  format: (value: number) => string;
  /** Width reserved on the left for row labels, in SVG units. */
  labelWidth?: number;
  /** Label every column (short labels), instead of at most eight of them. */
  everyColumn?: boolean;
}

const CELL = 12;

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function Heatmap({ title, summary, rowName, rowLabels, colLabels, values, signed = false, format, labelWidth = 30, everyColumn = false }: HeatmapProps) {
  const titleId = useId();
  const descId = useId();
  const scale = maxAbs(values.flat());
  const width = labelWidth + colLabels.length * CELL;
  const height = rowLabels.length * CELL + 12;
  const fit = Math.floor(labelWidth / 4.5); // characters that fit in the label column at the tick size
  const everyCol = everyColumn ? 1 : Math.max(1, Math.ceil(colLabels.length / 8)); // keep the column labels legible
  return (
    <figure class="chart heatmap">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: `${width * MAX_SCALE}px` }} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {rowLabels.map((label, r) => (
          <text key={r} class="tick" x={labelWidth - 3} y={r * CELL + CELL - 3} text-anchor="end">{shorten(label, fit)}</text>
        ))}
        {values.map((row, r) => row.map((value, c) => (
          <rect
            key={`${r}-${c}`}
            class={signed && value < 0 ? 'cell down' : 'cell up'}
            x={labelWidth + c * CELL} y={r * CELL} width={CELL - 1} height={CELL - 1}
            fill-opacity={(0.08 + 0.92 * Math.abs(value) / scale).toFixed(2)}
          />
        )))}
        {colLabels.map((label, c) => c % everyCol === 0 && (
          <text key={c} class="tick" x={labelWidth + c * CELL} y={height - 2}>{label}</text>
        ))}
      </svg>
      <DataTable caption={title} head={[rowName, ...colLabels]} rows={values.map((row, r) => [rowLabels[r], ...row.map(format)])} />
    </figure>
  );
}
