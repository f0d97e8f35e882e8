// Features and how hard each pushes a prediction: a bar per feature, growing right (up, one
// colour) or left (down, the other) from a centre line, and which pushes are strong enough to show.
// The text is real text, so it reads aloud. A push on a chance reads in percentage points, a push
// on active time as time.
import type { Contribution } from '../../extension/contract-types';
import { signedDuration, signedPoints } from '../format';

const PER_SIDE = 3;
/** A push smaller than this moves nothing a person could see: it is left out rather than shown as 0. */
export const NEGLIGIBLE = 1e-4;

/** The strongest pushes each way, up first. */
export function strongest(contributions: Contribution[], perSide = PER_SIDE): Contribution[] {
  const byEffect = contributions.filter((c) => Math.abs(c.effect) >= NEGLIGIBLE).sort((a, b) => b.effect - a.effect);
  const up = byEffect.filter((c) => c.effect > 0).slice(0, perSide);
  const down = byEffect.filter((c) => c.effect < 0).reverse().slice(0, perSide).reverse();
  return [...up, ...down];
}

interface ContributionBarsProps {
  label: string;
  contributions: Contribution[];
  format: (effect: number) => string;
  /** The push drawn as half the track (by default this list's largest), so that two lists can share a scale. */
  largest?: number;
}

export function ContributionBars({ label, contributions, format, largest: given }: ContributionBarsProps) {
  // Worked out here rather than with the charts' geometry (scale.ts): the Now view draws these bars,
  // and its first screen loads in one round of files without the charts' code.
  const largest = Math.max(1e-9, given ?? 0, ...contributions.map((c) => Math.abs(c.effect)));
  if (contributions.length === 0) return <p class="muted">Nothing learned here yet.</p>;
  return (
    <ul class="contribution-bars" aria-label={label}>
      {contributions.map(({ feature, effect }) => {
        const direction = effect >= 0 ? 'up' : 'down';
        const width = `${Math.min(50, (Math.abs(effect) / largest) * 50)}%`;
        return (
          <li key={feature} class={direction}>
            <span class="feature" title={feature}>{feature}</span>
            <span class="effect">
              <span class="visually-hidden">{direction === 'up' ? 'pushes up' : 'pushes down'} </span>
              {format(effect)}
            </span>
            <span class="track" aria-hidden="true"><span class="fill" style={{ width }} /></span>
          </li>
        );
      })}
    </ul>
  );
}

/** How each prediction's pushes read: engagement and next site are chances, active time is seconds. */
export const EFFECT_FORMATS = { engaged: signedPoints, activeTime: signedDuration, next: signedPoints };
