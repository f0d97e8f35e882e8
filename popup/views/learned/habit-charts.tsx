// Habits and the hour of day: when the user browses (from stored visits) and how the learned
// model lets the hour move the engagement prediction.
import { ColumnChart } from '../../charts/column-chart';
import { Heatmap } from '../../charts/heatmap';
import { count, signed } from '../../format';

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

export function HabitsHeatmap({ habits }: { habits: number[][] }) {
  let busiest = { day: 0, hour: 0, visits: -1 };
  let total = 0;
  habits.forEach((row, day) => row.forEach((visits, hour) => {
    total += visits;
    if (visits > busiest.visits) busiest = { day, hour, visits };
  }));
  const summary = total === 0 ? 'No visits stored yet.'
    : `${count(total, 'visit')} in all; busiest: ${WEEKDAYS[busiest.day]} at ${HOURS[busiest.hour]}:00 with ${count(busiest.visits, 'visit')}.`;
  return (
    <Heatmap title="Visits by weekday and hour" summary={summary} rowName="Day" rowLabels={WEEKDAYS}
      colLabels={HOURS} values={habits} format={(visits) => String(visits)} />
  );
}

export function HourEffectChart({ hourEffect }: { hourEffect: number[] }) {
  const up = hourEffect.indexOf(Math.max(...hourEffect));
  const down = hourEffect.indexOf(Math.min(...hourEffect));
  const summary = hourEffect.length === 0 ? 'Nothing learned about hours yet.'
    : `Strongest push towards engagement at ${HOURS[up]}:00, strongest push away at ${HOURS[down]}:00.`;
  return (
    <ColumnChart title="Learned effect of the hour on engagement" summary={summary} labelName="Hour"
      labels={HOURS.slice(0, hourEffect.length)} values={hourEffect} format={(effect) => signed(effect)} />
  );
}
