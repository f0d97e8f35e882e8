// Why the model predicts what it does for this page, one group per prediction: what it would say
// with none of the page's features (the baseline), the five features that move it most, and the
// others one click away, all on one scale. Each push is the feature's share of the change from the
// baseline to the prediction (model/explain.ts), in the prediction's unit: percentage points of a
// chance, or time; together they add up to that change.
import type { Contribution, Explanation } from '../../extension/contract-types';
import { duration, percent } from '../format';
import { ContributionBars, EFFECT_FORMATS } from './contribution-bars';

const ADD_UP = 'their pushes add up to the difference from the prediction.';

/** Pushes shown at once per prediction; the rest are behind a disclosure. */
export const SHOWN_AT_ONCE = 5;

interface ExplanationGroupsProps {
  why: Explanation;
  /** The list's accessible name, from the prediction's name in lower case. */
  label: (prediction: string) => string;
}

export function ExplanationGroups({ why, label }: ExplanationGroupsProps) {
  const { baseline, nextSite } = why;
  const site = nextSite === undefined ? undefined : nextSite || 'unnamed site 1'; // the likeliest, first of the list, as the list numbers it
  const groups: { name: string; list: Contribution[]; format: (effect: number) => string; start: string }[] = [
    { name: 'Engaged visit', list: why.engaged, format: EFFECT_FORMATS.engaged,
      start: `Without any of these features the model would say ${percent(baseline.engaged)}; ${ADD_UP}` },
    { name: 'Active time', list: why.activeTime, format: EFFECT_FORMATS.activeTime,
      start: `Without any of these features the model would say about ${duration(baseline.activeSeconds)}; ${ADD_UP}` },
    { name: 'Next site', list: why.next, format: EFFECT_FORMATS.next,
      start: site === undefined ? '' : `The chance of ${site} coming next; without any of these features the model would say ${percent(baseline.next)}; ${ADD_UP}` },
  ];
  return (
    <div class="why">
      {groups.map(({ name, list, format, start }) => (
        <div class="contribution-group" key={name}>
          <h3>{name}</h3>
          {list.length > 0 && <p class="muted baseline">{start}</p>}
          <LargestFirst label={label(name.toLowerCase())} contributions={list} format={format} />
        </div>
      ))}
    </div>
  );
}

interface LargestFirstProps {
  label: string;
  contributions: Contribution[];
  format: (effect: number) => string;
  /** The push drawn as half the track (by default this list's largest), so that lists can share a scale. */
  largest?: number;
}

/** The largest pushes, then the others in a disclosure, drawn on the scale of the largest. */
export function LargestFirst({ label, contributions, format, largest: given }: LargestFirstProps) {
  const sorted = [...contributions].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  const largest = given ?? Math.abs(sorted[0]?.effect ?? 0);
  const rest = sorted.slice(SHOWN_AT_ONCE);
  return (
    <>
      <ContributionBars label={label} contributions={sorted.slice(0, SHOWN_AT_ONCE)} format={format} largest={largest} />
      {rest.length > 0 && (
        <details class="more-features">
          <summary>{rest.length === 1 ? '1 more feature' : `${rest.length} more features`}</summary>
          <ContributionBars label={`${label}: the other features`} contributions={rest} format={format} largest={largest} />
        </details>
      )}
    </>
  );
}
