// The text behind a chart: a table that screen readers read and that nobody else sees (it sits in
// a hidden box rather than being hidden itself, because a table never shrinks below its content),
// or, when `shown` names it, one anybody can open under the chart.
interface DataTableProps {
  caption: string;
  head: string[];
  rows: (string | number)[][];
  /** The disclosure's text (`Show as a table`): the table is there for everyone, one click away. */
  shown?: string;
}

export function DataTable({ caption, head, rows, shown }: DataTableProps) {
  if (shown !== undefined) {
    return (
      <details class="table-alternative">
        <summary>{shown}</summary>
        <Table caption={caption} head={head} rows={rows} />
      </details>
    );
  }
  return (
    <div class="visually-hidden">
      <Table caption={caption} head={head} rows={rows} />
    </div>
  );
}

function Table({ caption, head, rows }: DataTableProps) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>{head.map((cell) => <th scope="col" key={cell}>{cell}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => (c === 0 ? <th scope="row" key={c}>{cell}</th> : <td key={c}>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
