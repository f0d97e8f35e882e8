// The learner: the one object that turns visits into learning, used alike by the background
// worker and the replay command. Each visit is scored before it is learned (progressive
// validation). Its state is a set of parts (learner-parts.ts) that only it changes; the session
// (session.ts) holds the context of the next visit.
import type { FeatureDictionary } from './dictionary';
import { EncodedInput, encodeTokens, recordNames } from './encoded-input';
import { explain, type Explanation } from './explain';
import { hourOf, visitTokens, type VisitContext } from './features';
import { MAX_COUNT } from './file-limits';
import { activeTimeTarget, engagementLabel, secondsOfTarget } from './labels';
import { learnerConfig, type LearnerConfig } from './learner-config';
import { buildParts, type LearnerParts } from './learner-parts';
import { restoreParts, takeSnapshot, type LearnerSnapshot } from './learner-snapshot';
import { effectsAlone, insights, type EffectsAlone, type LearnedInsights } from './insights';
import { huberGrad, logLossGrad, sigmoid } from './losses';
import type { MetricPoint, Metrics } from './metrics';
import { likelySites, rankOf, type NextSite, type Offered } from './next-sites';
import type { TabulaNet } from './net';
import type { SiteVocabulary } from './site-vocabulary';
import type { PageFeatures, Visit } from './visit';

/** Huber's delta for active time, in log(1 + seconds): errors beyond a factor e count linearly. */
const HUBER_DELTA = 1;

export interface Prediction {
  engaged: number;
  activeSeconds: number;
  next: NextSite[];
}

export class Learner {
  private readonly scratch = new EncodedInput();
  /** False once a learned visit or correction computed an output that is not finite. */
  private outputsFinite = true;

  private constructor(private readonly parts: LearnerParts) {}

  /** A new, untrained learner (deterministic for a given seed). Throws RangeError for settings out of limits. */
  static create(settings: Partial<LearnerConfig> = {}): Learner {
    return new Learner(buildParts(learnerConfig(settings)));
  }

  /**
   * A learner that goes on exactly as the one the snapshot was taken of. Throws a RangeError on a
   * snapshot of the wrong shape, or one holding a weight or optimizer value that is not finite or
   * is out of its range (value-bounds.ts): a checkpoint does not go through the file's checks.
   */
  static restore(snapshot: LearnerSnapshot): Learner {
    const parts = restoreParts(learnerConfig(snapshot.config), snapshot);
    const problem = parts.optimizer.divergedAt;
    if (problem !== null) throw new RangeError(`snapshot: ${problem}`);
    return new Learner(parts);
  }

  /**
   * Learns the next visit in time order (see docs/model-format.md for what this does). Returns the
   * chance of engagement the visit was scored with before it was learned, NaN when it has no
   * engagement label.
   */
  observe(visit: Visit): number {
    const { session, vocabulary, counters } = this.parts;
    const context = session.contextAt(visit.startedAt);
    if (session.continuesAt(visit.startedAt)) this.learnTransition(visit.host);
    else vocabulary.count(visit.host);
    const tokens = visitTokens(visit, context);
    const input = encodeTokens(tokens, this.parts.hasher, this.config.buckets, this.scratch);
    recordNames(tokens, input, this.parts.dictionary, counters.visitsLearned);
    const engaged = engagementLabel(visit);
    const target = activeTimeTarget(visit);
    const scored = engaged !== null || target !== null ? this.learnVisit(input, engaged, target, 1, true) : NaN;
    if (engaged !== null) this.countHour(visit.startedAt);
    session.moveTo(visit, context, input);
    counters.visitsLearned++;
    counters.updatedAt = Date.now();
    this.parts.progress.visitDone(visit.startedAt);
    return scored;
  }

  /** A user's correction: learned as an engagement example worth `feedbackWeight` visits. */
  learnFeedback(visit: Visit, verdict: 'useful' | 'not-interested'): void {
    const input = this.inputOf(visit, visit.startedAt);
    this.learnVisit(input, verdict === 'useful' ? 1 : 0, null, this.config.feedbackWeight, false);
    this.countHour(visit.startedAt);
    this.parts.counters.updatedAt = Date.now();
  }

  /** Notes engagement learned at the hour of `at` (counters.hoursLearned). */
  private countHour(at: number): void {
    const hours = this.parts.counters.hoursLearned;
    const hour = hourOf(at);
    if (hours !== null) hours[hour] = Math.min(hours[hour] + 1, MAX_COUNT);
  }

  /** Predictions for a page opened at `at`, after the visits observed so far; the next sites among those `offered`. */
  predict(page: PageFeatures, at: number, offered?: Offered): Prediction {
    const { net, vocabulary } = this.parts;
    const out = net.forward(this.inputOf(page, at), vocabulary.occupied, vocabulary.find(page.host));
    return { engaged: sigmoid(out.logit), activeSeconds: secondsOfTarget(out.logSeconds), next: likelySites(out.next, vocabulary, 5, offered) };
  }

  /** Each active feature's share of each prediction for a page opened at `at` (the next site's: of the likeliest `offered`). */
  explain(page: PageFeatures, at: number, offered?: Offered): Explanation {
    return explain(this.parts, page, at, offered);
  }

  /** What the model has learned, read from its weights. */
  insights(): LearnedInsights {
    return insights(this.parts);
  }

  /** Each feature's effect alone on each prediction, of the features not held back (insights.ts); with `mostUsed`, of the features seen most only. */
  effectsAlone(mostUsed?: number): EffectsAlone {
    return effectsAlone(this.parts, mostUsed);
  }

  /** The whole learner as a structured-cloneable object (see `Learner.restore`). */
  snapshot(): LearnerSnapshot {
    return takeSnapshot(this.parts);
  }

  /**
   * Whether the model is still sound after what it learned: every value each learning step wrote
   * is finite and in range (value-bounds.ts), and so was every output it computed. Cheap (no
   * scan): read it before each save, and keep the last sound model when it is false.
   */
  get healthy(): boolean {
    return this.outputsFinite && this.parts.optimizer.divergedAt === null;
  }

  /** A full scan of every weight and optimizer value: the first one not finite or out of range, in words, or null. */
  unsoundValue(): string | null {
    return this.parts.optimizer.firstValueOutOfRange();
  }

  get config(): LearnerConfig {
    return this.parts.config;
  }

  get createdAt(): number {
    return this.parts.counters.createdAt;
  }

  get updatedAt(): number {
    return this.parts.counters.updatedAt;
  }

  get visitsLearned(): number {
    return this.parts.counters.visitsLearned;
  }

  get metrics(): Metrics {
    return this.parts.progress.current;
  }

  get history(): MetricPoint[] {
    return this.parts.progress.history;
  }

  /** Number of weights and biases of the net. */
  get parameters(): number {
    return this.parts.net.params().reduce((sum, param) => sum + param.size, 0);
  }

  /** Sites the next-site head knows. */
  get sites(): number {
    return this.parts.vocabulary.occupied;
  }

  /** The net, the sites and the feature names, to be read (model files, tests), not changed. */
  get net(): TabulaNet {
    return this.parts.net;
  }

  get vocabulary(): SiteVocabulary {
    return this.parts.vocabulary;
  }

  /** The last three sites of the session ('' where none), which a model file names too. */
  get sessionSites(): [string, string, string] {
    const { lastHost, lastPrev1, lastPrev2 } = this.parts.session.snapshot();
    return [lastHost, lastPrev1, lastPrev2];
  }

  get dictionary(): FeatureDictionary {
    return this.parts.dictionary;
  }

  /** The context of a visit starting at `at`: the session's previous sites, if it goes on. */
  contextAt(at: number): VisitContext {
    return this.parts.session.contextAt(at);
  }

  /** Encodes a page opened at `at` in the current context (into a buffer reused by the next call). */
  private inputOf(page: PageFeatures, at: number): EncodedInput {
    return encodeTokens(visitTokens({ ...page, startedAt: at }, this.contextAt(at)), this.parts.hasher, this.config.buckets, this.scratch);
  }

  /** Scores, then learns, the next-site head on the last visit's input with `host` as the truth. */
  private learnTransition(host: string): void {
    const { net, vocabulary, session, progress, optimizer } = this.parts;
    const known = vocabulary.slotOf(host);
    const probs = net.forward(session.lastInput, vocabulary.occupied, vocabulary.find(session.lastSite)).next;
    if (vocabulary.occupied > 0) this.noteOutputs(probs[0]); // a softmax holding one NaN is NaN throughout
    progress.scoreNext(known < 0 ? -1 : rankOf(probs, known, vocabulary.occupied), known >= 0 && vocabulary.inTop(known, 3));
    const slot = vocabulary.count(host);
    // A new site changed the slots (it may have taken the last site's): score them again before learning.
    if (known < 0) net.forward(session.lastInput, vocabulary.occupied, vocabulary.find(session.lastSite));
    net.startBackward();
    net.addNextGrad(slot);
    net.backward();
    optimizer.step();
  }

  /**
   * Learns engagement and active time of one input (each only when labelled), scoring them first
   * when asked; returns the engagement prediction made before learning (NaN when unlabelled).
   */
  private learnVisit(input: EncodedInput, engaged: number | null, target: number | null, weight: number, score: boolean): number {
    const { net, progress, optimizer } = this.parts;
    const { logit, logSeconds } = net.forward(input, 0); // no next-site scores: this head learns from transitions
    this.noteOutputs(logit + logSeconds);
    const predicted = engaged !== null ? sigmoid(logit) : NaN;
    if (score && engaged !== null) progress.scoreEngagement(predicted, engaged);
    if (score && target !== null) progress.scoreActiveTime(secondsOfTarget(logSeconds), target);
    net.startBackward();
    if (engaged !== null) net.addEngagedGrad(weight * logLossGrad(logit, engaged));
    if (target !== null) net.addActiveTimeGrad(weight * huberGrad(logSeconds, target, HUBER_DELTA));
    net.backward();
    optimizer.step();
    return predicted;
  }

  private noteOutputs(value: number): void {
    if (!Number.isFinite(value)) this.outputsFinite = false;
  }
}
