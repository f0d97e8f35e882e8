// How a merged model compares with one that learned both visit logs. The visits before the last
// `heldOutDays` days are split between two browsers by day (a laptop on even days, a phone on
// odd ones) or by site (each site's visits in one browser, as work and home browsers might be);
// each learns its own, the phone's model is merged into the laptop's (model/merge.ts),
// and a third learner learns both logs in time order. Each model then goes on learning the
// held-out days, scored before each visit is learned (progressive figures over those days).
import { AucWindow } from '../model/auc';
import { engagementLabel } from '../model/labels';
import { Learner } from '../model/learner';
import type { LearnerConfig } from '../model/learner-config';
import { mergeLearners } from '../model/merge';
import { figures, TALLY_FIELDS, type TallySums } from '../model/tally';
import { murmur3 } from '../model/hash';
import type { Visit } from '../model/visit';

const DAY_MS = 86_400_000;

export interface MergeFigures { visitsLearned: number; auc: number; logLoss: number; activeMae: number; top1: number; top3: number }

export interface MergeComparison {
  visits: { laptop: number; phone: number; heldOut: number };
  laptopOnly: MergeFigures;
  merged: MergeFigures;
  /** The phone's learner started from another seed (a browser whose model was reset), so its weights began elsewhere. */
  mergedOtherSeed: MergeFigures;
  bothLogs: MergeFigures;
}

export type MergeSplit = 'day' | 'site';

export function compareMerge(visits: Visit[], { settings = {}, heldOutDays = 30, split = 'day' }: { settings?: Partial<LearnerConfig>; heldOutDays?: number; split?: MergeSplit } = {}): MergeComparison {
  const cut = visits.at(-1)!.startedAt - heldOutDays * DAY_MS;
  const before = visits.filter((visit) => visit.startedAt < cut);
  const heldOut = visits.filter((visit) => visit.startedAt >= cut);
  const onLaptop = (visit: Visit) => (split === 'day' ? Math.floor(visit.startedAt / DAY_MS) % 2 === 0 : (murmur3(visit.host, 0) & 1) === 0);
  const laptopVisits = before.filter(onLaptop);
  const phoneVisits = before.filter((visit) => !onLaptop(visit));
  const learn = (list: Visit[], seed?: number) => {
    const learner = Learner.create({ ...settings, ...(seed === undefined ? {} : { seed }) });
    for (const visit of list) learner.observe(visit);
    return learner;
  };
  const phone = learn(phoneVisits);
  return {
    visits: { laptop: laptopVisits.length, phone: phoneVisits.length, heldOut: heldOut.length },
    laptopOnly: scoreOn(learn(laptopVisits), heldOut),
    merged: scoreOn(mergeLearners(learn(laptopVisits), phone), heldOut),
    mergedOtherSeed: scoreOn(mergeLearners(learn(laptopVisits), learn(phoneVisits, 0x5eed)), heldOut),
    bothLogs: scoreOn(learn(before), heldOut),
  };
}

/** The learner's progressive figures over `visits`, learning each after scoring it (AUC over all of them). */
function scoreOn(learner: Learner, visits: Visit[]): MergeFigures {
  const visitsLearned = learner.visitsLearned;
  const start = learner.snapshot().metrics.total;
  const auc = new AucWindow(Math.max(1, visits.length));
  for (const visit of visits) {
    const scored = learner.observe(visit);
    const label = engagementLabel(visit);
    if (label !== null && !Number.isNaN(scored)) auc.add(scored, label);
  }
  const end = learner.snapshot().metrics.total;
  const held = figures(Object.fromEntries(TALLY_FIELDS.map((field) => [field, end[field] - start[field]])) as unknown as TallySums, auc.auc());
  return { visitsLearned, auc: held.engagement.auc, logLoss: held.engagement.logLoss, activeMae: held.activeTime.mae, top1: held.next.top1, top3: held.next.top3 };
}
