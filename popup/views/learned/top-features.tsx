// The features the model leans on most, per prediction: the strongest few each way (each list on
// its own scale: the predictions are in different units).
import type { Insights } from '../../../extension/contract-types';
import { ContributionBars, strongest } from '../../charts/contribution-bars';
import { signed, signedDuration } from '../../format';

export function TopFeatures({ top }: { top: Insights['topFeatures'] }) {
  const groups: [string, typeof top.engaged, (effect: number) => string][] = [
    ['Engaged visit', top.engaged, (effect) => signed(effect)],
    ['Active time', top.activeTime, signedDuration],
    ['Next site', top.next, (effect) => signed(effect)],
  ];
  return (
    <div class="top-features">
      {groups.map(([name, contributions, format]) => (
        <div key={name}>
          <h3>{name}</h3>
          <ContributionBars label={`Features that move the ${name.toLowerCase()} prediction most`}
            contributions={strongest(contributions)}
            format={format} />
        </div>
      ))}
    </div>
  );
}
