// What the peers learn from: the visits as the shipped learner sees them, worked out once,
// untimed. Each visit becomes the hashed rows and signs of its tokens (model/'s own features,
// hashing and session context), its labels, and the next-site step the learner takes before it
// when it continues a session: from the previous visit's input towards the slot of this visit's
// site in model/'s own site vocabulary. The peers are handed all this for free; only Tabula's row
// pays for tokens, hashing, the dictionary and the vocabulary, inside `Learner.observe`.

import { encodeTokens, EncodedInput } from '../../model/encoded-input';
import { visitTokens } from '../../model/features';
import { TokenHasher } from '../../model/hash';
import { activeTimeTarget, engagementLabel } from '../../model/labels';
import type { LearnerConfig } from '../../model/learner-config';
import { Session } from '../../model/session';
import { SiteVocabulary } from '../../model/site-vocabulary';
import type { Visit } from '../../model/visit';

/** The active rows of one input and the sign each adds its row with. */
export interface SparseInput {
  readonly rows: Int32Array;
  readonly signs: Float32Array;
}

export interface EncodedVisit extends SparseInput {
  /** The input the next-site head learns from before this visit (the previous visit's), or null. */
  readonly previous: SparseInput | null;
  /** The slot of this visit's site, the next-site head's label when `previous` is set. */
  readonly nextSlot: number;
  readonly engaged: 0 | 1 | null;
  /** log(1 + active seconds), or null. */
  readonly activeTarget: number | null;
}

export interface TokenStream {
  readonly train: readonly EncodedVisit[];
  /** Pages to predict, each encoded in the session's context as training left it. */
  readonly heldOut: readonly SparseInput[];
}

export function encodeVisits(train: readonly Visit[], heldOut: readonly Visit[], config: LearnerConfig): TokenStream {
  const hasher = new TokenHasher(config.hashSeed);
  const session = new Session(config.sessionGapMs);
  const vocabulary = new SiteVocabulary(config.vocabSize, config.vocabDecay);
  const scratch = new EncodedInput();
  const encode = (visit: Visit): SparseInput => {
    const input = encodeTokens(visitTokens(visit, session.contextAt(visit.startedAt)), hasher, config.buckets, scratch);
    return { rows: input.buckets.slice(0, input.count), signs: input.signs.slice(0, input.count) };
  };
  const encoded: EncodedVisit[] = [];
  for (const visit of train) {
    const continues = session.continuesAt(visit.startedAt);
    const context = session.contextAt(visit.startedAt);
    const nextSlot = vocabulary.count(visit.host);
    const input = encode(visit);
    encoded.push({
      ...input,
      previous: continues ? encoded[encoded.length - 1] : null,
      nextSlot,
      engaged: engagementLabel(visit),
      activeTarget: activeTimeTarget(visit),
    });
    session.moveTo(visit, context, scratch);
  }
  return { train: encoded, heldOut: heldOut.map(encode) };
}
