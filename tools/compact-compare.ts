// What the compact (8-bit) model file costs: a learner learns the first part of a visit stream,
// is written as a float32 file and as a compact one, and both are read back. Their sizes, their
// predictions on the held-out pages (frozen, as just imported), and their progressive figures
// as each goes on learning the held-out visits are set side by side.
import { AucWindow } from '../model/auc';
import { engagementLabel } from '../model/labels';
import { Learner } from '../model/learner';
import type { LearnerConfig } from '../model/learner-config';
import type { Metrics } from '../model/metrics';
import { decodeModelFile, encodeModelFile } from '../model/serialize';
import { figures, TALLY_FIELDS, type TallySums } from '../model/tally';
import type { Visit } from '../model/visit';

export interface CompactComparison {
  visitsLearned: number;
  heldOut: number;
  bytes: { float32: number; compact: number; ratio: number };
  /** Over the held-out pages (at most `predicted`), before either model learns them. */
  predictions: {
    pages: number;
    engaged: { maxChange: number; meanChange: number };
    activeSeconds: { maxRelativeChange: number; meanRelativeChange: number };
    /** Change of a next site's probability, among the sites in both models' top five of a page. */
    next: { maxChange: number; meanChange: number };
  };
  /** Progressive figures over the held-out visits, each model learning them as it goes. */
  heldOutFigures: { float32: Metrics; compact: Metrics; aucChange: number; logLossChange: number; top3Change: number };
}

export interface CompactOptions {
  settings?: Partial<LearnerConfig>;
  /** Share of the visits held out at the end (0.2). */
  heldOutShare?: number;
  /** Held-out pages whose predictions are compared (5,000). */
  predicted?: number;
}

/**
 * `visits` gives the stream from its start each time it is called (a list, or a generator over a
 * data set too large to hold as visits: MSNBC's 4.7 million).
 */
export function compareCompact(visits: () => Iterable<Visit>, { settings = {}, heldOutShare = 0.2, predicted = 5000 }: CompactOptions = {}): CompactComparison {
  let total = 0;
  for (const _ of visits()) total++;
  const split = Math.round(total * (1 - heldOutShare));
  const learner = Learner.create(settings);
  const heldOut = (): Iterable<Visit> => from(split, visits());
  for (const visit of until(split, visits())) learner.observe(visit);
  const float32Text = JSON.stringify(encodeModelFile(learner));
  const compactText = JSON.stringify(encodeModelFile(learner, { compact: true }));
  const exact = decodeModelFile(float32Text);
  const compact = decodeModelFile(compactText);
  return {
    visitsLearned: split,
    heldOut: total - split,
    bytes: { float32: float32Text.length, compact: compactText.length, ratio: compactText.length / float32Text.length },
    predictions: predictionChanges(exact, compact, until(predicted, heldOut())),
    heldOutFigures: learnOn(exact, compact, heldOut, total - split),
  };
}

function predictionChanges(exact: Learner, compact: Learner, pages: Iterable<Visit>): CompactComparison['predictions'] {
  let count = 0;
  let engagedMax = 0, engagedSum = 0, secondsMax = 0, secondsSum = 0, nextMax = 0, nextSum = 0, nextCount = 0;
  for (const page of pages) {
    count++;
    const a = exact.predict(page, page.startedAt);
    const b = compact.predict(page, page.startedAt);
    const engaged = Math.abs(a.engaged - b.engaged);
    const seconds = Math.abs(a.activeSeconds - b.activeSeconds) / Math.max(a.activeSeconds, 1); // a second at least: below, a ratio means little
    engagedMax = Math.max(engagedMax, engaged);
    engagedSum += engaged;
    secondsMax = Math.max(secondsMax, seconds);
    secondsSum += seconds;
    const compactChance = new Map(b.next.map((site) => [site.host, site.probability]));
    for (const site of a.next) {
      const other = compactChance.get(site.host);
      if (other === undefined) continue;
      const change = Math.abs(site.probability - other);
      nextMax = Math.max(nextMax, change);
      nextSum += change;
      nextCount++;
    }
  }
  const n = Math.max(1, count);
  return {
    pages: count,
    engaged: { maxChange: engagedMax, meanChange: engagedSum / n },
    activeSeconds: { maxRelativeChange: secondsMax, meanRelativeChange: secondsSum / n },
    next: { maxChange: nextMax, meanChange: nextSum / Math.max(1, nextCount) },
  };
}

/** Both learners go on learning `visits`; their figures over those visits alone (AUC over all of them). */
function learnOn(exact: Learner, compact: Learner, visits: () => Iterable<Visit>, count: number): CompactComparison['heldOutFigures'] {
  const run = (learner: Learner): Metrics => {
    const before = learner.snapshot().metrics.total;
    const auc = new AucWindow(Math.max(1, count));
    for (const visit of visits()) {
      const scored = learner.observe(visit);
      const label = engagementLabel(visit);
      if (label !== null && !Number.isNaN(scored)) auc.add(scored, label);
    }
    return figures(difference(learner.snapshot().metrics.total, before), auc.auc());
  };
  const float32 = run(exact);
  const compactFigures = run(compact);
  return {
    float32,
    compact: compactFigures,
    aucChange: compactFigures.engagement.auc - float32.engagement.auc,
    logLossChange: compactFigures.engagement.logLoss - float32.engagement.logLoss,
    top3Change: compactFigures.next.top3 - float32.next.top3,
  };
}

function difference(after: TallySums, before: TallySums): TallySums {
  return Object.fromEntries(TALLY_FIELDS.map((field) => [field, after[field] - before[field]])) as unknown as TallySums;
}

function* until(count: number, visits: Iterable<Visit>): Generator<Visit> {
  if (count <= 0) return;
  let seen = 0;
  for (const visit of visits) {
    yield visit;
    if (++seen === count) return;
  }
}

function* from(start: number, visits: Iterable<Visit>): Generator<Visit> {
  let seen = 0;
  for (const visit of visits) if (seen++ >= start) yield visit;
}
