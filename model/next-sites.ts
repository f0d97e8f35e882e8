// Reading the next-site head's probabilities: the ranking of the true site (for scoring),
// the most likely slot (for explanations) and the list of likely next sites (for predictions).
import type { SiteVocabulary } from './site-vocabulary';

export interface NextSite {
  host: string;
  probability: number;
}

/** Whether a site may be offered as a next one (the extension leaves out the sites the user excludes); every site by default. */
export type Offered = (host: string) => boolean;

/** Rank of `slot` by probability among the first `count` slots (ties: the lower slot first). */
export function rankOf(probs: Float64Array, slot: number, count: number): number {
  const mine = probs[slot];
  let rank = 0;
  for (let other = 0; other < count; other++) {
    if (probs[other] > mine || (probs[other] === mine && other < slot)) rank++;
  }
  return rank;
}

/** Slot of the highest probability among the sites that may be offered (ties: the lower slot), -1 when there is none. */
export function mostLikely(probs: Float64Array, vocabulary: SiteVocabulary, offered?: Offered): number {
  let best = -1;
  for (let slot = 0; slot < probs.length; slot++) {
    if ((best < 0 || probs[slot] > probs[best]) && (!offered || offered(vocabulary.hostOf(slot)))) best = slot;
  }
  return best;
}

/** The `count` most likely sites that may be offered, most likely first (ties: the lower slot first). */
export function likelySites(probs: Float64Array, vocabulary: SiteVocabulary, count: number, offered?: Offered): NextSite[] {
  // The best slots so far, kept in order: one pass, no sort of every slot.
  const best: number[] = [];
  for (let slot = 0; slot < vocabulary.occupied; slot++) {
    if (offered && !offered(vocabulary.hostOf(slot))) continue;
    const probability = probs[slot];
    if (best.length === count) {
      if (!(probability > probs[best[count - 1]])) continue;
      best.pop();
    }
    let at = best.length;
    best.push(slot);
    for (; at > 0 && probability > probs[best[at - 1]]; at--) best[at] = best[at - 1];
    best[at] = slot;
  }
  return best.map((slot) => ({ host: vocabulary.hostOf(slot), probability: probs[slot] }));
}
