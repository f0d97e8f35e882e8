// The Time view: where the active time of the last four weeks went, as time trackers show it. Today
// against the usual day, each day, each site, and each hour of the day, each chart with its table.
// The background works it out from the stored visits at each opening, so what was forgotten or
// is past the retention period is not in it.
import type { TimeReport } from '../../extension/contract-types';
import { SiteTimes } from '../charts/site-times';
import { TimeColumns, type TimeSeries } from '../charts/time-columns';
import { dayLabel, duration } from '../format';
import { ErrorMessage, Section, Skeleton } from '../ui';
import { useRequest } from '../use-request';

/** Active time in words: `1 h 5 min`, `45 s`, `0 s` for none. */
export const activeTime = (ms: number) => (ms > 0 ? duration(ms / 1000) : '0 s');
const HOURS = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`);

export function TimeView() {
  const report = useRequest('data/time', {});
  const data = report.data;
  if (!data) {
    return (
      <div class="view time-view">
        {report.error ? <ErrorMessage>Could not work out where the time went: {report.error}</ErrorMessage>
          : <Skeleton height={480} label="Loading the time report…" />}
      </div>
    );
  }
  const total = data.days.reduce((sum, day) => sum + day.activeMs, 0);
  return (
    <div class="view time-view" aria-busy={report.loading}>
      <Section title="Today">
        <TodayFigures today={data.today} />
      </Section>
      {total === 0 ? <p class="muted">No active time recorded in the last four weeks.</p> : (
        <>
          <Section title="The last four weeks"><DayColumns days={data.days} total={total} /></Section>
          <Section title="Sites">
            <SiteTimes title="Active time per site, last four weeks" sites={data.sites} others={data.otherSites} format={activeTime} />
          </Section>
          <Section title="Hours of the day"><HourColumns byHour={data.byHour} /></Section>
        </>
      )}
    </div>
  );
}

function TodayFigures({ today }: { today: TimeReport['today'] }) {
  const usual = (ms: number | null) => (ms === null ? '–' : activeTime(ms));
  return (
    <>
      <dl class="today-figures">
        <div><dt>Today so far</dt><dd>{activeTime(today.activeMs)}</dd></div>
        <div><dt>Usual day by now</dt><dd>{usual(today.usualByNowMs)}</dd></div>
        <div><dt>Usual whole day</dt><dd>{usual(today.usualMs)}</dd></div>
      </dl>
      <p class="muted">
        {today.usualDays === 0 ? 'There is no earlier day to compare with yet.'
          : `The usual day is the median of the ${today.usualDays === 1 ? 'day' : `${today.usualDays} days`} before today, days without browsing included.`}
      </p>
    </>
  );
}

function DayColumns({ days, total }: { days: TimeReport['days']; total: number }) {
  const busiest = days.reduce((best, day) => (day.activeMs > best.activeMs ? day : best));
  const labels = days.map((day) => dayLabel(day.day).replace(/, \d{4}$/, ''));
  return (
    <TimeColumns title="Active time per day" labelName="Day" labels={labels} marked={days.length - 1}
      summary={`${activeTime(total)} in all over ${days.length} days; the most on ${dayLabel(busiest.day)}, ${activeTime(busiest.activeMs)}.`}
      series={[{ name: 'Active time', values: days.map((day) => day.activeMs) }]} format={activeTime} />
  );
}

function HourColumns({ byHour }: { byHour: TimeReport['byHour'] }) {
  const { averageMs, todayMs } = byHour;
  const today: TimeSeries = { name: 'Today', values: todayMs };
  // Until there is a day before today, today is all there is to show.
  const shown = averageMs ?? todayMs;
  const busiest = shown.indexOf(Math.max(...shown));
  return (
    <TimeColumns title="Active time by hour of the day" labelName="Hour" labels={HOURS}
      summary={averageMs
        ? `On an average day the most time is spent from ${HOURS[busiest]}, ${activeTime(averageMs[busiest])}.`
        : `Today the most time was spent from ${HOURS[busiest]}, ${activeTime(todayMs[busiest])}; an average day shows once there is a day before today.`}
      series={averageMs ? [{ name: 'Average day', values: averageMs }, today] : [today]} format={activeTime} />
  );
}
