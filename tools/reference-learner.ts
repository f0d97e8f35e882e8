// The reference the replay holds Tabula's learner against: online linear models over exactly the
// learner's tokens, hashed the same way (visitTokens, encodeTokens, the config's buckets and hash
// seed), learned with AdaGrad one visit at a time. Engagement is a logistic regression, active
// time a linear regression of log(1 + seconds) with Huber's loss, the next site a softmax
// regression over the same bounded vocabulary of sites. No hidden layer, no embedding: what a
// weighted sum of the tokens can do and nothing more.
import { EncodedInput, encodeTokens } from '../model/encoded-input';
import { visitTokens } from '../model/features';
import { TokenHasher } from '../model/hash';
import { activeTimeTarget, engagementLabel, secondsOfTarget } from '../model/labels';
import { learnerConfig, type LearnerConfig } from '../model/learner-config';
import { huberGrad, sigmoid } from '../model/losses';
import { Session } from '../model/session';
import { SiteVocabulary } from '../model/site-vocabulary';
import type { Visit } from '../model/visit';

export const REFERENCE_LEARNING_RATE = 0.05;
const EPSILON = 1e-8;
const HUBER_DELTA = 1;

/** Weights of `outputs` linear outputs over hashed buckets (bucket b, output r at b × outputs + r), with AdaGrad's sums. */
export class SparseLinear {
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  private readonly weightSums: Float32Array;
  private readonly biasSums: Float32Array;

  constructor(buckets: number, readonly outputs: number, private readonly learningRate: number) {
    this.weights = new Float32Array(buckets * outputs);
    this.weightSums = new Float32Array(buckets * outputs);
    this.bias = new Float32Array(outputs);
    this.biasSums = new Float32Array(outputs);
  }

  /** The first `count` outputs for an input: bias + Σ sign × weight of each token's bucket. */
  forward(input: EncodedInput, into: Float64Array, count = this.outputs): Float64Array {
    for (let r = 0; r < count; r++) into[r] = this.bias[r];
    for (let k = 0; k < input.count; k++) {
      const row = input.buckets[k] * this.outputs;
      const sign = input.signs[k];
      for (let r = 0; r < count; r++) into[r] += sign * this.weights[row + r];
    }
    return into;
  }

  /** The loss's gradient for each weight an input touches (index → value), given its gradient for each output. */
  gradient(input: EncodedInput, outputGrads: Float64Array, count = this.outputs): Map<number, number> {
    const grads = new Map<number, number>();
    for (let k = 0; k < input.count; k++) {
      const row = input.buckets[k] * this.outputs;
      for (let r = 0; r < count; r++) grads.set(row + r, (grads.get(row + r) ?? 0) + input.signs[k] * outputGrads[r]);
    }
    return grads;
  }

  /** One AdaGrad step: each touched weight and each bias moves by rate × g / √(Σ g²). */
  step(input: EncodedInput, outputGrads: Float64Array, count = this.outputs): void {
    for (const [index, g] of this.gradient(input, outputGrads, count)) {
      this.weightSums[index] += g * g;
      this.weights[index] -= (this.learningRate * g) / (Math.sqrt(this.weightSums[index]) + EPSILON);
    }
    for (let r = 0; r < count; r++) {
      const g = outputGrads[r];
      this.biasSums[r] += g * g;
      this.bias[r] -= (this.learningRate * g) / (Math.sqrt(this.biasSums[r]) + EPSILON);
    }
  }

  /** Forgets output r (a vocabulary slot given to a new site). */
  resetOutput(r: number): void {
    for (let index = r; index < this.weights.length; index += this.outputs) {
      this.weights[index] = 0;
      this.weightSums[index] = 0;
    }
    this.bias[r] = 0;
    this.biasSums[r] = 0;
  }
}

/** What the reference predicts as a page opens, before it learns anything of that visit. */
export interface ReferenceScores {
  /** The chance of engagement, and the active time in seconds; null for a visit without interaction known. */
  engaged: number | null;
  activeSeconds: number | null;
  /** The three likeliest sites to come next, likeliest first. */
  next: string[];
}

export class ReferenceLearner {
  readonly config: LearnerConfig;
  readonly engaged: SparseLinear;
  readonly activeTime: SparseLinear;
  readonly next: SparseLinear;
  private readonly hasher: TokenHasher;
  private readonly vocabulary: SiteVocabulary;
  private readonly session: Session;
  private readonly input = new EncodedInput();
  private readonly out: Float64Array;
  private readonly grads: Float64Array;

  constructor(settings: Partial<LearnerConfig> = {}, learningRate = REFERENCE_LEARNING_RATE) {
    this.config = learnerConfig(settings);
    const { buckets, vocabSize } = this.config;
    this.engaged = new SparseLinear(buckets, 1, learningRate);
    this.activeTime = new SparseLinear(buckets, 1, learningRate);
    this.next = new SparseLinear(buckets, vocabSize, learningRate);
    this.hasher = new TokenHasher(this.config.hashSeed);
    this.vocabulary = new SiteVocabulary(vocabSize, this.config.vocabDecay, (slot) => this.next.resetOutput(slot));
    this.session = new Session(this.config.sessionGapMs);
    this.out = new Float64Array(vocabSize);
    this.grads = new Float64Array(vocabSize);
  }

  /**
   * Predicts a visit as its page opens, then learns it as the learner does: the move to it from
   * the last visit of the session (the next-site head), then its engagement and active time.
   */
  observe(visit: Visit): ReferenceScores {
    const context = this.session.contextAt(visit.startedAt);
    const input = encodeTokens(visitTokens(visit, context), this.hasher, this.config.buckets, this.input);
    const label = engagementLabel(visit);
    const target = activeTimeTarget(visit);
    const engagedLogit = this.engaged.forward(input, this.out, 1)[0];
    const predictedTarget = this.activeTime.forward(input, this.out, 1)[0];
    const scores: ReferenceScores = {
      engaged: label === null ? null : sigmoid(engagedLogit),
      activeSeconds: target === null ? null : secondsOfTarget(predictedTarget),
      next: this.likelySites(input, 3),
    };
    if (this.session.continuesAt(visit.startedAt)) this.learnTransition(visit.host);
    else this.vocabulary.count(visit.host);
    if (label !== null) {
      this.grads[0] = sigmoid(engagedLogit) - label;
      this.engaged.step(input, this.grads, 1);
    }
    if (target !== null) {
      this.grads[0] = huberGrad(predictedTarget, target, HUBER_DELTA);
      this.activeTime.step(input, this.grads, 1);
    }
    this.session.moveTo(visit, context, input);
    return scores;
  }

  /** Softmax probabilities of the occupied slots for an input. */
  nextProbabilities(input: EncodedInput): Float64Array {
    const count = this.vocabulary.occupied;
    const probs = this.next.forward(input, this.out, count).subarray(0, count);
    let max = -Infinity;
    for (const value of probs) max = Math.max(max, value);
    let sum = 0;
    for (let s = 0; s < count; s++) sum += probs[s] = Math.exp(probs[s] - max);
    for (let s = 0; s < count; s++) probs[s] /= sum;
    return probs;
  }

  /** The `count` likeliest next sites after an input (ties: the lower slot first). */
  private likelySites(input: EncodedInput, count: number): string[] {
    const probs = this.nextProbabilities(input);
    const slots = Array.from({ length: probs.length }, (_, slot) => slot).sort((a, b) => probs[b] - probs[a] || a - b);
    return slots.slice(0, count).map((slot) => this.vocabulary.hostOf(slot));
  }

  /** Counts `host` and learns it as the site that came after the last visit's input. */
  private learnTransition(host: string): void {
    const last = this.session.lastInput;
    const slot = this.vocabulary.count(host);
    const probs = this.nextProbabilities(last);
    for (let s = 0; s < probs.length; s++) this.grads[s] = probs[s] - (s === slot ? 1 : 0);
    this.next.step(last, this.grads, probs.length);
  }
}
