// "Why": for each prediction, the features of this page pushing it up and pushing it down.
import type { Contribution, TabPrediction } from '../../../extension/contract-types';
import { ContributionBars, strongest } from '../../charts/contribution-bars';
import { signed, signedDuration } from '../../format';

export function WhyPanel({ why }: { why: NonNullable<TabPrediction['why']> }) {
  // Active time is predicted in seconds, so its pushes read as time; the others are scores.
  const groups: [string, Contribution[], (effect: number) => string][] = [
    ['Engaged visit', why.engaged, (effect) => signed(effect)],
    ['Active time', why.activeTime, signedDuration],
    ['Next site', why.next, (effect) => signed(effect)],
  ];
  return (
    <div class="why">
      {groups.map(([name, contributions, format]) => (
        <div class="why-group" key={name}>
          <h3>{name}</h3>
          <ContributionBars label={`What moves the ${name.toLowerCase()} prediction`}
            contributions={strongest(contributions)} format={format} />
        </div>
      ))}
    </div>
  );
}
