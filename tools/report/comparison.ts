// What a person gets from the learner, beside what they would get from simpler predictors, on
// one user's log: before the learner learns each visit, the learner's own prediction for it
// (`Learner.predict` as the page opens), the reference logistic regression's, the running
// guesses' and, when the log comes with its truth, the known chance of engagement (the oracle).
import { activeTimeTarget, engagementLabel } from '../../model/labels';
import type { Learner } from '../../model/learner';
import type { LearnerConfig } from '../../model/learner-config';
import type { Visit } from '../../model/visit';
import { ReferenceLearner, REFERENCE_LEARNING_RATE } from '../reference-learner';
import { NextSiteGuesses, RunningGuesses } from './baselines';
import { learningCurve, type LearningCurve } from './curve';
import { Scoreboard, type Figures } from './scoreboard';

export interface ComparisonOptions {
  /** The known chance of engagement of each visit, in order (a persona's truth file). */
  truth?: Float64Array;
  /** The figures of `last` are over this many visits at the end of the log. */
  last?: number;
  /** The learning curve's points: one every `every` visits, each over the last `window` visits. */
  every?: number;
  window?: number;
  referenceLearningRate?: number;
}

export interface ComparisonReport {
  last: Figures & { from: number; to: number };
  whole: Figures;
  curve: LearningCurve;
  reference: { learningRate: number };
}

export const DEFAULT_LAST = 2000;
export const DEFAULT_EVERY = 500;
export const DEFAULT_WINDOW = 1000;

/** Each predictor's three likeliest next sites, likeliest first. */
type NextGuesses = Record<'learner' | 'logistic' | 'site' | 'constant', string[]>;

export class Comparison {
  private readonly board = new Scoreboard();
  private readonly reference: ReferenceLearner;
  private readonly guesses = new RunningGuesses();
  private readonly nextGuesses: NextSiteGuesses;
  private visits = 0;
  private previousHost = '';
  /** What each predictor guessed, as the last page opened, would come after it. */
  private pendingNext: NextGuesses | null = null;

  constructor(config: LearnerConfig, private readonly options: ComparisonOptions = {}) {
    this.reference = new ReferenceLearner(config, options.referenceLearningRate ?? REFERENCE_LEARNING_RATE);
    this.nextGuesses = new NextSiteGuesses(config.vocabSize, config.vocabDecay);
  }

  /**
   * Scores every predictor on a visit that `learner` is about to observe, each predicting as the
   * page opens (what the popup shows then), then lets the others learn it.
   */
  beforeObserve(visit: Visit, learner: Learner): void {
    const i = this.visits++;
    const continues = learner.contextAt(visit.startedAt).prev1 !== '';
    if (continues && this.pendingNext !== null) this.scoreNext(i, visit.host, this.pendingNext);
    const label = engagementLabel(visit);
    const target = activeTimeTarget(visit);
    const shipped = learner.predict(visit, visit.startedAt);
    const reference = this.reference.observe(visit);
    const engaged = this.guesses.engaged(visit.host);
    const seconds = this.guesses.activeSeconds(visit.host);
    const after = this.nextGuesses.after(visit.host);
    this.guesses.learn(visit.host, label, target);
    this.nextGuesses.learn(continues ? this.previousHost : null, visit.host);
    if (label !== null) {
      const oracle = this.options.truth?.[i];
      this.board.engagement.add(i, label, {
        learner: shipped.engaged, logistic: reference.engaged!, site: engaged.site, constant: engaged.constant,
        ...(oracle === undefined ? {} : { oracle }),
      });
    }
    if (target !== null) {
      this.board.activeTime.add(i, Math.max(0, visit.activeMs) / 1000, {
        learner: shipped.activeSeconds, logistic: reference.activeSeconds!, site: seconds.site, constant: seconds.constant,
      });
    }
    this.pendingNext = { learner: shipped.next.slice(0, 3).map((site) => site.host), logistic: reference.next, ...after };
    this.previousHost = visit.host;
  }

  private scoreNext(i: number, host: string, guesses: NextGuesses): void {
    const top1 = (list: string[]): number => (list[0] === host ? 1 : 0);
    const top3 = (list: string[]): number => (list.slice(0, 3).includes(host) ? 1 : 0);
    this.board.next1.add(i, 1, { learner: top1(guesses.learner), logistic: top1(guesses.logistic), site: top1(guesses.site), constant: top1(guesses.constant) });
    this.board.next3.add(i, 1, { learner: top3(guesses.learner), logistic: top3(guesses.logistic), site: top3(guesses.site), constant: top3(guesses.constant) });
  }

  /** Every prediction so far, visit by visit. */
  get scores(): Scoreboard {
    return this.board;
  }

  /** The figures over the last visits and the whole log, and the learning curve. Throws when a truth does not match the log. */
  report(): ComparisonReport {
    const truth = this.options.truth;
    if (truth !== undefined && truth.length !== this.visits) {
      throw new RangeError(`the truth file has ${truth.length} values for ${this.visits} visits`);
    }
    const from = Math.max(0, this.visits - (this.options.last ?? DEFAULT_LAST));
    return {
      last: { from, to: this.visits, ...this.board.figures(from, this.visits) },
      whole: this.board.figures(0, this.visits),
      curve: learningCurve(this.board, this.visits, this.options.every ?? DEFAULT_EVERY, this.options.window ?? DEFAULT_WINDOW),
      reference: { learningRate: this.options.referenceLearningRate ?? REFERENCE_LEARNING_RATE },
    };
  }
}
