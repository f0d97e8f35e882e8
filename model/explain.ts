// Why the model predicts what it does for a page: each active feature's effect is the change
// in a prediction when that one feature is left out, in the prediction's own units (the chance
// of engagement, seconds of active time, the chance of the most likely next site), and the
// baseline is what the model says with all of them left out. Both come from the net's one
// forward pass, so they hold whatever the net is made of.
import { EncodedInput, encodeTokens } from './encoded-input';
import { featureName } from './feature-names';
import { visitTokens } from './features';
import { secondsOfTarget } from './labels';
import type { LearnerParts } from './learner-parts';
import { sigmoid } from './losses';
import { mostLikely } from './next-sites';
import type { PageFeatures } from './visit';

/** How much one active feature pushes a prediction, with a readable name (`site: github.com`). */
export interface Contribution {
  feature: string;
  effect: number;
}

/** The predictions with every feature of the page left out: where the effects start from. */
export interface Baseline {
  engaged: number;
  activeSeconds: number;
  /** The chance of `nextSite`; 0 when no site is known. */
  next: number;
}

/** For each head, the active features with their effects, largest first; and the baseline. */
export interface Explanation {
  engaged: Contribution[];
  activeTime: Contribution[];
  next: Contribution[];
  baseline: Baseline;
  /** The site the next-site effects are about (the most likely one); '' when it has no name, absent when no site is known. */
  nextSite?: string;
}

/** The three predictions for one input. */
export interface Outputs {
  engaged: number;
  activeSeconds: number;
  /** Probability of each occupied vocabulary slot. */
  next: Float64Array;
}

/** The predictions for an input of a page of slot `from`'s site (-1: none known), from the net's one forward pass. */
export function outputsOf({ net, vocabulary }: LearnerParts, input: EncodedInput, from = -1): Outputs {
  const out = net.forward(input, vocabulary.occupied, from);
  return { engaged: sigmoid(out.logit), activeSeconds: secondsOfTarget(out.logSeconds), next: out.next.slice(0, vocabulary.occupied) };
}

export function explain(parts: LearnerParts, page: PageFeatures, at: number): Explanation {
  const tokens = visitTokens({ ...page, startedAt: at }, parts.session.contextAt(at));
  const full = encodeTokens(tokens, parts.hasher, parts.config.buckets, new EncodedInput());
  // What usually follows the page's site belongs to its `host` feature: left out with it.
  const from = parts.vocabulary.find(page.host);
  const all = outputsOf(parts, full, from);
  const topSlot = mostLikely(all.next);
  const reduced = new EncodedInput();
  const engaged: Contribution[] = [];
  const activeTime: Contribution[] = [];
  const next: Contribution[] = [];
  for (let k = 0; k < full.count; k++) {
    const without = outputsOf(parts, full.without(k, reduced), tokens[k].ns === 'host' ? -1 : from);
    const feature = featureName(tokens[k]);
    engaged.push({ feature, effect: all.engaged - without.engaged });
    activeTime.push({ feature, effect: all.activeSeconds - without.activeSeconds });
    if (topSlot >= 0) next.push({ feature, effect: all.next[topSlot] - without.next[topSlot] });
  }
  reduced.count = 0;
  const none = outputsOf(parts, reduced);
  const explanation: Explanation = {
    engaged: bySize(engaged),
    activeTime: bySize(activeTime),
    next: bySize(next),
    baseline: { engaged: none.engaged, activeSeconds: none.activeSeconds, next: topSlot >= 0 ? none.next[topSlot] : 0 },
  };
  if (topSlot >= 0) explanation.nextSite = parts.vocabulary.hostOf(topSlot);
  return explanation;
}

/** Largest effects first, whatever their sign (ties: by name, so the order is stable). */
export function bySize(contributions: Contribution[]): Contribution[] {
  return contributions.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.feature.localeCompare(b.feature));
}
