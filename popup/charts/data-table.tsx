// The text behind a chart: a table that screen readers read and that nobody else sees. It sits in
// a hidden box rather than being hidden itself, because a table never shrinks below its content.
interface DataTableProps {
  caption: string;
  head: string[];
  rows: (string | number)[][];
}

export function DataTable({ caption, head, rows }: DataTableProps) {
  return (
    <div class="visually-hidden">
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
    </div>
  );
}
