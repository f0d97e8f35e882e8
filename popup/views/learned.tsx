// The Learned view: what the model has picked up about its user (the features it leans on, what
// changed this week, a map of their sites, their habits and the hour's effect), how well it
// predicts, and a look at its weights. Each section keeps its height while its data is on the way.
import type { Insights, ModelOverview } from '../../extension/contract-types';
import { ColumnChart } from '../charts/column-chart';
import { FeaturesByKind } from '../charts/features-by-kind';
import { Heatmap } from '../charts/heatmap';
import { SiteMapChart } from '../charts/site-map';
import { bytes, count, dateTime, signed, signedPoints } from '../format';
import { RelearningWhileWaiting } from '../job-progress';
import { ErrorMessage, Notice, Section, Skeleton } from '../ui';
import { useRequest } from '../use-request';
import { LearningCurves } from './metrics';
import { WeekChangeReport } from './week-change';

export function LearnedView() {
  const overview = useRequest('model/overview', {});
  const insights = useRequest('model/insights', {});
  const failed = overview.error ?? insights.error;
  const model = overview.data;
  const learned = insights.data;
  return (
    <div class="view learned-view">
      {failed && <ErrorMessage>Could not read what Tabula learned: {failed}</ErrorMessage>}
      <RelearningWhileWaiting waiting={!failed && (!model || !learned)} />
      {model?.relearning && <Notice>Tabula is relearning from the stored visits; these figures will change when it is done.</Notice>}
      <Section title="In numbers">
        {model ? <ModelCounts overview={model} /> : <Skeleton height={170} label="Loading counts…" />}
      </Section>
      <Section title="What matters most">
        {learned ? <FeaturesByKind {...learned} /> : <Skeleton height={240} label="Loading features…" />}
      </Section>
      <Section title="What changed this week">
        {learned ? <WeekChangeReport change={learned.weekChange} /> : <Skeleton height={200} label="Loading what changed this week…" />}
      </Section>
      <Section title="Your sites">
        {learned ? (
          <>
            <SiteMapChart map={learned.siteMap} />
            <FollowingHeatmap following={learned.following} />
          </>
        ) : <Skeleton height={250} label="Loading the map of your sites…" />}
      </Section>
      <Section title="Your habits">
        {learned ? (
          <>
            <HabitsHeatmap habits={learned.habits} />
            <HourEffectChart hourEffect={learned.hourEffect} hourShared={learned.hourShared} />
          </>
        ) : <Skeleton height={230} label="Loading habits…" />}
      </Section>
      <Section title="How well it predicts">
        {model ? <LearningCurves history={model.history} /> : <Skeleton height={320} label="Loading learning curves…" />}
      </Section>
      <Section title="Inside the model">
        {learned ? (
          <>
            <HiddenUnits units={learned.hiddenUnits} />
            <WeightsHeatmap weights={learned.weights} />
          </>
        ) : <Skeleton height={260} label="Loading weights…" />}
      </Section>
    </div>
  );
}

/** What the model is made of and how much it has seen, in numbers. */
function ModelCounts({ overview }: { overview: ModelOverview }) {
  const rows: [string, string][] = [
    ['Visits learned', overview.visitsLearned.toLocaleString('en')],
    ['Visits stored', overview.storedVisits.toLocaleString('en')],
    // Of the stored visits: a model imported or merged may have learned sites this browser has no visit of.
    ['Sites visited', overview.sites.toLocaleString('en')],
    ['Storage used', bytes(overview.storageBytes)],
    ['Model size', `${overview.config.size}, ${overview.config.parameters.toLocaleString('en')} weights (${bytes(overview.config.weightBytes)})`],
    // A model that has learned nothing (new, reset, or after forgetting everything) has no dates to give.
    ...(overview.visitsLearned === 0 ? [['Last learned', 'nothing learned yet'] as [string, string]] : [
      ['Learning since', dateTime(overview.createdAt)] as [string, string],
      ['Last learned', dateTime(overview.updatedAt)] as [string, string],
    ]),
  ];
  return (
    <dl class="counts">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}


/**
 * The next-site head's table of which site follows which, between the most visited sites: rows
 * the site one is on, columns the site after it (numbered as the rows: site names do not fit
 * under a column), blue where the model learned that the one follows the other more than the rest
 * (each row is shown less its mean: insights.ts).
 */
function FollowingHeatmap({ following }: { following: Insights['following'] }) {
  const { sites, values } = following;
  if (sites.length < 2) return <p class="muted">Which site follows which shows here once you have browsed a few sites.</p>;
  const n = sites.length;
  const grid = sites.map((_, r) => values.slice(r * n, r * n + n));
  const strongest = grid.flatMap((row, r) => row.map((weight, c) => ({ r, c, weight })))
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  const learned = strongest.length === 0 ? 'No site has been learned to follow another yet.'
    : `Learned most strongly: ${strongest.map(({ r, c }) => (r === c ? `${sites[r]} again` : `${sites[c]} after ${sites[r]}`)).join('; ')}.`;
  const key = 'Rows: the site you are on; columns: the next site, numbered as the rows (blue: likelier next than the rest; orange: less likely).';
  return (
    <>
      <Heatmap title="Which site follows which" signed rowName="After" rowLabels={sites.map((site, i) => `${i + 1} ${site}`)}
        colLabels={sites.map((_, i) => String(i + 1))} everyColumn values={grid} format={(weight) => signed(weight, 2)} labelWidth={110}
        summary={`${learned} ${key}`} />
      <p class="muted" aria-hidden="true">{learned} {key}</p>
    </>
  );
}

// Habits and the hour of day: when the user browses (from stored visits) and how the learned
// model lets the hour move the engagement prediction.
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

function HabitsHeatmap({ habits }: { habits: number[][] }) {
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

/** The least span of the hour chart: 4 points of chance, so that effects of nearly nothing look it. */
const HOUR_EFFECT_SPAN = 0.04;

function HourEffectChart({ hourEffect, hourShared }: { hourEffect: (number | null)[]; hourShared: boolean[] }) {
  const known = hourEffect.flatMap((effect, hour) => (effect === null ? [] : [{ effect, hour }]));
  const shared = hourShared.filter(Boolean).length;
  const up = known.reduce((best, next) => (next.effect > best.effect ? next : best), known[0]);
  const down = known.reduce((best, next) => (next.effect < best.effect ? next : best), known[0]);
  // An hour's effect is learned from visits whose engagement is known: not from those of the browser's history.
  const unknown = hourEffect.length - known.length - shared;
  const summary = (known.length === 0 ? 'Nothing learned about hours yet: no engagement has been learned at any hour'
    : `Strongest push towards engagement at ${HOURS[up.hour]}:00, strongest push away at ${HOURS[down.hour]}:00`
      + (unknown > 0 ? `; ${count(unknown, 'hour')} with no engagement learned yet` : ''))
    + (shared > 0 ? `; ${count(shared, 'hour')} not shown, as another feature shares its weights.` : '.');
  return (
    <ColumnChart title="Learned effect of the hour on engagement" summary={summary} labelName="Hour"
      labels={HOURS.slice(0, hourEffect.length)} values={hourEffect} format={signedPoints}
      minSpan={HOUR_EFFECT_SPAN} missing={(hour) => (hourShared[hour] ? 'shared with another feature' : 'none learned yet')} />
  );
}

// A look inside the net: which features drive each hidden unit, and the first layer's weights
// for the most used features as a grid (warm: positive, cool: negative).
function HiddenUnits({ units }: { units: Insights['hiddenUnits'] }) {
  // A unit no feature drives yet (a model that has learned nothing) has nothing to show.
  const driven = units.filter(({ top }) => top.length > 0);
  if (driven.length === 0) return <p class="muted">No hidden units to show yet.</p>;
  return (
    <ol class="hidden-units">
      {driven.map(({ unit, top }) => (
        <li key={unit}>
          <span class="unit-name">Unit {unit}</span>
          <ul class="chips" aria-label={`Strongest features of unit ${unit}`}>
            {top.map(({ feature, effect }) => (
              <li key={feature} class={effect >= 0 ? 'chip up' : 'chip down'}>
                {feature} <span class="visually-hidden">({signed(effect)})</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function WeightsHeatmap({ weights }: { weights: Insights['weights'] }) {
  const { rows, cols, values } = weights;
  if (rows.length === 0 || cols === 0) return <p class="muted">No weights to show yet.</p>;
  const grid = rows.map((_, r) => values.slice(r * cols, r * cols + cols));
  const columns = Array.from({ length: cols }, (_, c) => String(c + 1));
  return (
    <Heatmap title="First-layer weights" signed rowName="Feature" rowLabels={rows}
      colLabels={columns} values={grid} format={(weight) => signed(weight, 3)} labelWidth={110}
      summary={`${rows.length} most used features (rows) by ${cols} embedding dimensions (columns).`} />
  );
}
