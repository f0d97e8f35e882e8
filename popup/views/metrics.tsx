// How well the model predicts: its progressive figures in a small table, each beside the baseline
// it must beat, and as learning curves over the visits it learned from. The Learned, Model and
// Play views all show them.
import type { MetricPoint, Metrics } from '../../extension/contract-types';
import { FIRST_POINT_EVERY } from '../../model/metrics';
import { LineChart } from '../charts/line-chart';
import { count, duration, percent } from '../format';

interface MetricsSummaryProps {
  metrics: Metrics;
  caption: string;
}

/** The figures of one measure in a table, each beside the baseline it must beat. */
export function MetricsSummary({ metrics, caption }: MetricsSummaryProps) {
  const { engagement, activeTime, next } = metrics;
  const rows: [string, string, string][] = [
    ['Engagement log loss', engagement.logLoss.toFixed(3), engagement.baselineLogLoss.toFixed(3)],
    ['Engagement accuracy', percent(engagement.accuracy, 1), '–'],
    ['Engagement AUC', engagement.auc.toFixed(3), '0.500'],
    ['Active time error', duration(activeTime.mae), duration(activeTime.baselineMae)],
    ['Next site in top 3', percent(next.top3, 1), percent(next.baselineTop3, 1)],
  ];
  return (
    <table class="metrics">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">Figure</th><th scope="col">Model</th><th scope="col">Baseline</th></tr>
      </thead>
      <tbody>
        {rows.map(([name, model, baseline]) => (
          <tr key={name}><th scope="row">{name}</th><td>{model}</td><td>{baseline}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const rate = (value: number) => (Number.isFinite(value) ? percent(value) : '–');

/** Learning curves: how the figures moved as Tabula learned, each against what a constant predictor would score. */
export function LearningCurves({ history }: { history: MetricPoint[] }) {
  if (history.length === 0) {
    return <p class="muted">No learning curve yet: a point is added for every {FIRST_POINT_EVERY} visits learned.</p>;
  }
  if (history.length === 1) {
    // One point is not a curve: say the figures instead of drawing a lonely dot.
    const [point] = history;
    return (
      <div class="curves">
        <p class="muted">The curves start with the next measure; after {count(point.visits, 'visit')} so far:</p>
        <MetricsSummary metrics={point} caption="How well it predicted" />
      </div>
    );
  }
  const x = history.map((point) => point.visits);
  const pick = (read: (point: MetricPoint) => number) => history.map(read);
  return (
    <div class="curves">
      <LineChart title="Engagement log loss (lower is better)" x={x} xName="visits" format={fixed} series={[
        { label: 'Tabula', values: pick((p) => p.engagement.logLoss) },
        { label: 'Constant guess', values: pick((p) => p.engagement.baselineLogLoss), baseline: true },
      ]} />
      <LineChart title="Engagement accuracy" x={x} xName="visits" format={rate} domain={[0, 1]} series={[
        { label: 'Tabula', values: pick((p) => p.engagement.accuracy) },
      ]} />
      <LineChart title="Engagement AUC (0.5 is a coin toss)" x={x} xName="visits" format={fixed} domain={[0, 1]} series={[
        { label: 'Tabula', values: pick((p) => p.engagement.auc) },
        { label: 'Constant guess', values: pick(() => 0.5), baseline: true },
      ]} />
      <LineChart title="Next site in top 3" x={x} xName="visits" format={rate} domain={[0, 1]} series={[
        { label: 'Tabula', values: pick((p) => p.next.top3) },
        { label: 'Most visited sites', values: pick((p) => p.next.baselineTop3), baseline: true },
      ]} />
      <LineChart title="Active time error (lower is better)" x={x} xName="visits" format={duration} series={[
        { label: 'Tabula', values: pick((p) => p.activeTime.mae) },
        { label: 'Constant guess', values: pick((p) => p.activeTime.baselineMae), baseline: true },
      ]} />
    </div>
  );
}
