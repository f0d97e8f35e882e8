// Learning curves: how the progressive figures moved as Tabula learned, each against what a
// constant predictor would score (the baseline the model has to beat).
import type { MetricPoint } from '../../../extension/contract-types';
import { LineChart } from '../../charts/line-chart';
import { count, duration, percent } from '../../format';
import { MetricsSummary } from '../model/metrics-summary';

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const rate = (value: number) => (Number.isFinite(value) ? percent(value) : '–');

export function LearningCurves({ history }: { history: MetricPoint[] }) {
  if (history.length === 0) {
    return <p class="muted">No learning curve yet: it appears once Tabula has learned from a few visits.</p>;
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
