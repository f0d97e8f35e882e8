// Why the model predicts what it does for a page: each active feature's share of the change from
// the baseline (what the model says with every feature of the page left out) to the prediction,
// in the prediction's own units (the chance of engagement, seconds of active time, the chance of
// the most likely next site). A share is the feature's Shapley value, sampled: the page's features
// are added to the empty page one by one, in orders drawn at random, and a feature's share is the
// mean of what adding it changed. In each order the changes add up to the prediction minus the
// baseline, so the shares do too, whatever the net is made of: features that only count together
// split what they do between them, where leaving one out at a time would give each nearly nothing.
import { EncodedInput, encodeTokens } from './encoded-input';
import { featureName } from './feature-names';
import { visitTokens } from './features';
import { secondsOfTarget } from './labels';
import type { LearnerParts } from './learner-parts';
import { sigmoid } from './losses';
import { mostLikely, type Offered } from './next-sites';
import { Rng } from './rng';
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

/** Orders of the page's features drawn for an explanation: half drawn, half those reversed (which halves the noise). */
export const EXPLAIN_ORDERS = 16;
/** Orders are drawn from the same seed every time, so that a page and a model always give the same explanation. */
const EXPLAIN_SEED = 0x7ab01a;

export function explain(parts: LearnerParts, page: PageFeatures, at: number, offered?: Offered): Explanation {
  const tokens = visitTokens({ ...page, startedAt: at }, parts.session.contextAt(at));
  const full = encodeTokens(tokens, parts.hasher, parts.config.buckets, new EncodedInput());
  // What usually follows the page's site belongs to its `host` feature: it comes in with it.
  const from = parts.vocabulary.find(page.host);
  const all = outputsOf(parts, full, from);
  const topSlot = mostLikely(all.next, parts.vocabulary, offered);
  const some = new EncodedInput();
  const none = outputsOf(parts, some);
  const count = full.count;
  const shares = { engaged: new Float64Array(count), activeTime: new Float64Array(count), next: new Float64Array(count) };
  const order = Array.from({ length: count }, (_, k) => k);
  const rng = new Rng(EXPLAIN_SEED);
  for (let round = 0; round < EXPLAIN_ORDERS; round++) {
    if (round % 2 === 0) shuffle(order, rng);
    else order.reverse();
    some.count = 0;
    let withSite = false;
    let before = none;
    for (const k of order) {
      some.add(full, k);
      withSite ||= tokens[k].ns === 'host';
      // The whole page's outputs are known: the last step of every order reaches them.
      const after = some.count === count ? all : outputsOf(parts, some, withSite ? from : -1);
      shares.engaged[k] += after.engaged - before.engaged;
      shares.activeTime[k] += after.activeSeconds - before.activeSeconds;
      if (topSlot >= 0) shares.next[k] += after.next[topSlot] - before.next[topSlot];
      before = after;
    }
  }
  const engaged: Contribution[] = [];
  const activeTime: Contribution[] = [];
  const next: Contribution[] = [];
  for (let k = 0; k < count; k++) {
    const feature = featureName(tokens[k]);
    engaged.push({ feature, effect: shares.engaged[k] / EXPLAIN_ORDERS });
    activeTime.push({ feature, effect: shares.activeTime[k] / EXPLAIN_ORDERS });
    if (topSlot >= 0) next.push({ feature, effect: shares.next[k] / EXPLAIN_ORDERS });
  }
  const explanation: Explanation = {
    engaged: bySize(engaged),
    activeTime: bySize(activeTime),
    next: bySize(next),
    baseline: { engaged: none.engaged, activeSeconds: none.activeSeconds, next: topSlot >= 0 ? none.next[topSlot] : 0 },
  };
  if (topSlot >= 0) explanation.nextSite = parts.vocabulary.hostOf(topSlot);
  return explanation;
}

/** Puts `order` in a random order (Fisher–Yates). */
function shuffle(order: number[], rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.nextUint32() % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
}

/** Largest effects first, whatever their sign (ties: by name, so the order is stable). */
export function bySize(contributions: Contribution[]): Contribution[] {
  return contributions.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.feature.localeCompare(b.feature));
}
