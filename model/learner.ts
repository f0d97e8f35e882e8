// The learner: the one object that turns visits into learning, used alike by the background
// worker and the replay command. Each visit is scored before it is learned (progressive
// validation); the context (previous sites of the session, the last visit's input) lives here.
import type { Metrics, MetricPoint, NextSite } from '../extension/contract-types';
import { FeatureDictionary } from './dictionary';
import { EncodedInput, encodeTokens, recordNames } from './encoded-input';
import { explain, type Explanation } from './explain';
import { NO_CONTEXT, visitTokens, type VisitContext } from './features';
import { TokenHasher } from './hash';
import { activeTimeTarget, engagementLabel, secondsOfTarget } from './labels';
import { learnerConfig, type LearnerConfig } from './learner-config';
import { applySnapshot, takeSnapshot, type LearnerSnapshot } from './learner-snapshot';
import { insights, type LearnedInsights } from './insights';
import { huberGrad, logLossGrad, sigmoid } from './losses';
import { ProgressiveMetrics } from './metrics';
import { likelySites, rankOf } from './next-sites';
import { TabulaNet } from './net';
import { createOptimizer, type Optimizer } from './optimizer';
import { Rng } from './rng';
import { SiteVocabulary } from './site-vocabulary';
import type { PageFeatures, Visit } from './visit';

/** Huber's delta for active time, in log(1 + seconds): errors beyond a factor e count linearly. */
const HUBER_DELTA = 1;

export interface Prediction {
  engaged: number;
  activeSeconds: number;
  next: NextSite[];
}

export class Learner {
  // The state below is read by explanations, insights and snapshots (model/); callers use the methods.
  readonly net: TabulaNet;
  readonly optimizer: Optimizer;
  readonly vocabulary: SiteVocabulary;
  dictionary: FeatureDictionary;
  progress = new ProgressiveMetrics();
  readonly hasher: TokenHasher;
  createdAt: number;
  updatedAt: number;
  visitsLearned = 0;
  /** The session so far: the last visit's input, host, end, and the site before it. */
  readonly last = new EncodedInput();
  hasLast = false;
  lastHost = '';
  lastPrev1 = '';
  lastEndedAt = 0;
  private readonly scratch = new EncodedInput();
  /** False once a learned visit or correction computed an output that is not finite. */
  private outputsFinite = true;

  private constructor(readonly config: LearnerConfig) {
    const rng = new Rng(config.seed);
    this.net = new TabulaNet(config, rng);
    this.optimizer = createOptimizer(this.net.params(), {
      kind: config.optimizer, learningRate: config.learningRate, momentum: config.momentum, l2: config.l2, clipNorm: config.clipNorm,
    });
    this.hasher = new TokenHasher(config.hashSeed);
    const onReassign = (slot: number): void => {
      this.net.next.resetSlot(slot);
      for (const param of this.net.next.params()) this.optimizer.resetRow(param, slot);
    };
    this.vocabulary = new SiteVocabulary(config.vocabSize, config.vocabDecay, onReassign, (host) => this.hasher.hash('host', host));
    this.dictionary = new FeatureDictionary(config.dictionarySize);
    this.createdAt = Date.now();
    this.updatedAt = this.createdAt;
  }

  /** A new, untrained learner (deterministic for a given seed). Throws RangeError for settings out of limits. */
  static create(settings: Partial<LearnerConfig> = {}): Learner {
    return new Learner(learnerConfig(settings));
  }

  /** Learns the next visit in time order (see docs/model-format.md for what this does). */
  observe(visit: Visit): void {
    const sameSession = this.inSession(visit.startedAt);
    if (sameSession) this.learnTransition(visit.host);
    else this.vocabulary.count(visit.host);
    const context: VisitContext = sameSession ? { prev1: this.lastHost, prev2: this.lastPrev1 } : NO_CONTEXT;
    const tokens = visitTokens(visit, context);
    const input = encodeTokens(tokens, this.hasher, this.config.buckets, this.scratch);
    recordNames(tokens, input, this.dictionary, this.visitsLearned);
    const engaged = engagementLabel(visit);
    const target = activeTimeTarget(visit);
    if (engaged !== null || target !== null) this.learnVisit(input, engaged, target, 1, true);
    this.last.copyFrom(input);
    this.hasLast = true;
    this.lastHost = visit.host;
    this.lastPrev1 = context.prev1;
    this.lastEndedAt = Math.max(visit.startedAt, visit.endedAt);
    this.visitsLearned++;
    this.updatedAt = Date.now();
    this.progress.visitDone(visit.startedAt);
  }

  /** Predictions for a page opened at `at`, after the visits observed so far. */
  predict(page: PageFeatures, at: number): Prediction {
    const out = this.net.forward(this.inputOf(page, at, this.scratch), this.vocabulary.occupied);
    return { engaged: sigmoid(out.logit), activeSeconds: secondsOfTarget(out.logSeconds), next: likelySites(out.next, this.vocabulary, 5) };
  }

  /** Each active feature's effect on each prediction for a page opened at `at`. */
  explain(page: PageFeatures, at: number): Explanation {
    return explain(this, page, at);
  }

  /** What the model has learned, read from its weights. */
  insights(): LearnedInsights {
    return insights(this);
  }

  /** The whole learner as a structured-cloneable object (see `Learner.restore`). */
  snapshot(): LearnerSnapshot {
    return takeSnapshot(this);
  }

  /**
   * A learner that goes on exactly as the one the snapshot was taken of. Throws a RangeError on a
   * snapshot of the wrong shape, or one holding a weight or optimizer value that is not finite or
   * is out of its range (value-bounds.ts): a checkpoint does not go through the file's checks.
   */
  static restore(snapshot: LearnerSnapshot): Learner {
    const learner = new Learner(learnerConfig(snapshot.config));
    applySnapshot(learner, snapshot);
    const problem = learner.optimizer.divergedAt;
    if (problem !== null) throw new RangeError(`snapshot: ${problem}`);
    return learner;
  }

  /**
   * Whether the model is still sound after what it learned: every value each learning step wrote
   * is finite and in range (value-bounds.ts), and so was every output it computed. Cheap (no
   * scan): read it before each save, and keep the last sound model when it is false.
   */
  get healthy(): boolean {
    return this.outputsFinite && this.optimizer.divergedAt === null;
  }

  /** A full scan of every weight and optimizer value: the first one not finite or out of range, in words, or null. */
  unsoundValue(): string | null {
    return this.optimizer.firstValueOutOfRange();
  }

  /** A user's correction: learned as an engagement example worth `feedbackWeight` visits. */
  learnFeedback(visit: Visit, verdict: 'useful' | 'not-interested'): void {
    const input = this.inputOf(visit, visit.startedAt, this.scratch);
    this.learnVisit(input, verdict === 'useful' ? 1 : 0, null, this.config.feedbackWeight, false);
    this.updatedAt = Date.now();
  }

  get metrics(): Metrics {
    return this.progress.current;
  }

  get history(): MetricPoint[] {
    return this.progress.history;
  }

  /** Number of weights and biases of the net. */
  get parameters(): number {
    return this.net.params().reduce((sum, param) => sum + param.size, 0);
  }

  /** Sites the next-site head knows. */
  get sites(): number {
    return this.vocabulary.occupied;
  }

  /** The context of a visit starting at `at`: the session's previous sites, if it goes on. */
  contextAt(at: number): VisitContext {
    return this.inSession(at) ? { prev1: this.lastHost, prev2: this.lastPrev1 } : NO_CONTEXT;
  }

  /** Encodes a page opened at `at` in the current context. */
  inputOf(page: PageFeatures, at: number, into: EncodedInput): EncodedInput {
    return encodeTokens(visitTokens({ ...page, startedAt: at }, this.contextAt(at)), this.hasher, this.config.buckets, into);
  }

  private inSession(at: number): boolean {
    return this.hasLast && at - this.lastEndedAt <= this.config.sessionGapMs;
  }

  /** Scores, then learns, the next-site head on the last visit's input with `host` as the truth. */
  private learnTransition(host: string): void {
    const { net, vocabulary } = this;
    const known = vocabulary.slotOf(host);
    const probs = net.forward(this.last, vocabulary.occupied).next;
    if (vocabulary.occupied > 0) this.noteOutputs(probs[0]); // a softmax holding one NaN is NaN throughout
    this.progress.scoreNext(known < 0 ? -1 : rankOf(probs, known, vocabulary.occupied), known >= 0 && vocabulary.inTop(known, 3));
    const slot = vocabulary.count(host);
    // A new site changed the slots: score them again before learning.
    if (known < 0) net.forward(this.last, vocabulary.occupied);
    net.startBackward();
    net.addToBody(net.next.backward(slot));
    net.backwardBody();
    this.optimizer.step();
  }

  /** Learns engagement and active time of one input (each only when labelled), scoring them first when asked. */
  private learnVisit(input: EncodedInput, engaged: number | null, target: number | null, weight: number, score: boolean): void {
    const { net } = this;
    const { logit, logSeconds } = net.forward(input, 0); // no next-site scores: this head learns from transitions
    this.noteOutputs(logit + logSeconds);
    if (score && engaged !== null) this.progress.scoreEngagement(sigmoid(logit), engaged);
    if (score && target !== null) this.progress.scoreActiveTime(secondsOfTarget(logSeconds), target);
    net.startBackward();
    if (engaged !== null) {
      HEAD_GRAD[0] = weight * logLossGrad(logit, engaged);
      net.addToBody(net.engaged.backward(HEAD_GRAD));
    }
    if (target !== null) {
      HEAD_GRAD[0] = weight * huberGrad(logSeconds, target, HUBER_DELTA);
      net.addToBody(net.activeTime.backward(HEAD_GRAD));
    }
    net.backwardBody();
    this.optimizer.step();
  }

  private noteOutputs(value: number): void {
    if (!Number.isFinite(value)) this.outputsFinite = false;
  }
}

const HEAD_GRAD = new Float32Array(1);
