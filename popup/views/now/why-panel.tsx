// "Why": for each prediction, the features of this page pushing it up and pushing it down.
import type { Contribution, TabPrediction } from '../../../extension/contract-types';
import { ContributionBars } from '../../charts';
import { signed, signedDuration } from '../../format';

const PER_SIDE = 3;
/** A push smaller than this moves nothing a person could see: it is left out rather than shown as 0. */
const NEGLIGIBLE = 1e-4;

/** The strongest pushes each way, up first. */
export function strongest(contributions: Contribution[], perSide = PER_SIDE): Contribution[] {
  const byEffect = contributions.filter((c) => Math.abs(c.effect) >= NEGLIGIBLE).sort((a, b) => b.effect - a.effect);
  const up = byEffect.filter((c) => c.effect > 0).slice(0, perSide);
  const down = byEffect.filter((c) => c.effect < 0).reverse().slice(0, perSide).reverse();
  return [...up, ...down];
}

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
