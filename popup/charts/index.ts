// Lean SVG and HTML charts, each with a text alternative.
export { LineChart, type LineSeries } from './line-chart';
export { Heatmap } from './heatmap';
export { ColumnChart } from './column-chart';
export { ContributionBars } from './contribution-bars';
export { DataTable } from './data-table';
