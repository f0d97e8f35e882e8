// What changed this week, in the Learned view: how well the model predicted a week ago and now,
// and the features whose effect alone moved most since then, each with its effect then and now in
// the prediction's unit. Before a week of visits there is nothing to set beside now, and it says so.
import type { Metrics, MovedFeature, WeekChange } from '../../extension/contract-types';
import { EFFECT_FORMATS } from '../charts/contribution-bars';
import { count, dateTime, duration, percent } from '../format';

export function WeekChangeReport({ change }: { change?: WeekChange }) {
  if (!change) return <p class="muted">Nothing to compare yet: this appears once Tabula has learned from a week of visits.</p>;
  const { since, visitsThen, visitsNow, quality, moved } = change;
  return (
    <div class="week-change">
      <p class="muted">
        Since {dateTime(since)}, after {count(visitsThen, 'visit')} learned; {count(visitsNow - visitsThen, 'visit')} learned since.
      </p>
      <QualityThenNow then={quality.then} now={quality.now} />
      <MovedTable caption="Engaged visit: the features whose effect moved most" moved={moved.engaged} format={EFFECT_FORMATS.engaged} />
      <MovedTable caption="Active time: the features whose effect moved most" moved={moved.activeTime} format={EFFECT_FORMATS.activeTime} />
    </div>
  );
}

function QualityThenNow({ then, now }: { then: Metrics; now: Metrics }) {
  const rows: [string, (m: Metrics) => string][] = [
    ['Engagement AUC', (m) => m.engagement.auc.toFixed(3)],
    ['Engagement log loss', (m) => m.engagement.logLoss.toFixed(3)],
    ['Active time error', (m) => duration(m.activeTime.mae)],
    ['Next site in top 3', (m) => percent(m.next.top3, 1)],
  ];
  return (
    <table class="metrics">
      <caption>How well it predicted, a week ago and now</caption>
      <thead>
        <tr><th scope="col">Figure</th><th scope="col">A week ago</th><th scope="col">Now</th></tr>
      </thead>
      <tbody>
        {rows.map(([name, read]) => (
          <tr key={name}><th scope="row">{name}</th><td>{read(then)}</td><td>{read(now)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function MovedTable({ caption, moved, format }: { caption: string; moved: MovedFeature[]; format: (effect: number) => string }) {
  if (moved.length === 0) return null;
  return (
    <table class="moved">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">Feature</th><th scope="col">A week ago</th><th scope="col">Now</th><th scope="col">Moved</th></tr>
      </thead>
      <tbody>
        {moved.map(({ feature, then, now }) => (
          <tr key={feature}>
            <th scope="row">{feature}</th>
            <td>{format(then)}</td>
            <td>{format(now)}</td>
            <td class={now - then >= 0 ? 'up' : 'down'}>{format(now - then)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
