// The progressive figures of a model in a small table, each beside the baseline it must beat.
import type { Metrics } from '../../../extension/contract-types';
import { duration, percent } from '../../format';

interface MetricsSummaryProps {
  metrics: Metrics;
  caption: string;
}

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
