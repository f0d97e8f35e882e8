// The learner in the background: a cache of what is stored. It restores the checkpoint on wake,
// learns exactly the finished visits after it, and checkpoints in batches. Every job runs one at a
// time, so learning, forgetting, relearning and imports never interleave.
import { afterVisit, isVisit, Learner, weekChange, type LearnerConfig, type WeekChange, type WeekMark } from '../../model/index';
import type { ForgetRequest, JobProgress, Visit } from '../contract-types';
import type { ImportedVisit } from '../data-file';
import { InvalidRequest } from '../errors';
import { database } from '../storage/db';
import { loadCheckpoint, saveCheckpoint } from '../storage/checkpoint';
import { applyRetention, forgetData, type Removed } from '../storage/forget';
import { mergeVisits, type Merged, type MergeRules } from '../storage/merge';
import { isQuotaError, makeRoom, pressure } from '../storage/pressure';
import { lastFinishedSeq, setFeedback, visitsAfter } from '../storage/visits';

const SAVE_EVERY_VISITS = 8;
const SAVE_AFTER_MS = 2_000;
const RETRY_SAVE_AFTER_MS = 30_000;
/** Visits read from the database at a time, so that relearning a long history stays small in memory. */
const BATCH = 500;
/**
 * Learning gives the thread back this often, so that requests that do not wait for the learner
 * (status, the visit list, a page's report) are answered while a year of visits is relearned.
 */
const SLICE_MS = 20;

let learner: Learner | undefined;
/** The learner's daily marks (model/weekly.ts): saved with it, started afresh with every new model. */
let marks: readonly WeekMark[] = [];
let lastSeq = 0;
let unsaved = 0;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<unknown> = Promise.resolve();
export const status = {
  relearning: false,
  learnedTwice: 0,
  unreadableVisits: 0,
  /** When the model last went unsound (a value not finite or out of range) and the last sound one was taken back (0: never). */
  unsoundAt: 0,
  /** While an import writes its visits, and while relearning: how far it has got. */
  progress: undefined as JobProgress | undefined,
};
/** Seqs of visits whose learning made the model unsound: passed over when learning again. */
const unsound = new Set<number>();
/**
 * While a model is learned again from the first stored visit: the start of the first visit it
 * learns and the end of the last. A relearned model is dated by them rather than by the clock,
 * so that it depends on the visits and the settings alone (two browsers holding the same visits
 * hold the same model, to the byte).
 */
let fromScratch: { first?: number; last?: number } | undefined;

/** Runs jobs one after another, whatever happens to the one before. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

async function loaded(): Promise<Learner> {
  if (learner) return learner;
  const checkpoint = await loadCheckpoint(await database());
  try {
    // After a forget that was not relearned yet, only the settings of the snapshot are kept.
    learner = !checkpoint ? Learner.create() : checkpoint.relearn ? Learner.create(checkpoint.snapshot.config) : Learner.restore(checkpoint.snapshot);
    lastSeq = checkpoint && !checkpoint.relearn ? checkpoint.lastSeq : 0;
    marks = checkpoint && !checkpoint.relearn ? checkpoint.weekly ?? [] : [];
    fromScratch = checkpoint?.relearn ? {} : undefined;
  } catch (error) {
    // A checkpoint this code cannot read: the stored visits are the truth, so learn them again.
    console.error('Tabula could not restore its model; relearning it from the stored visits', error);
    learner = Learner.create();
    marks = [];
    lastSeq = 0;
    fromScratch = {};
  }
  return learner;
}

/** The learner, caught up with every finished visit. */
export function current(): Promise<Learner> {
  return serial(async () => {
    await learnPending();
    return loaded();
  });
}

/** Learns the finished visits that the checkpoint has not seen. */
export function catchUp(): Promise<number> {
  return serial(learnPending);
}

async function learnPending(): Promise<number> {
  const model = await loaded();
  const db = await database();
  let learned = 0;
  let sliceStart = performance.now();
  for (let batch = await visitsAfter(db, lastSeq, BATCH); batch.length > 0; batch = await visitsAfter(db, lastSeq, BATCH)) {
    for (const visit of batch) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToMessages();
        sliceStart = performance.now();
      }
      if (visit.seq! <= lastSeq) status.learnedTwice++; // cannot happen: visitsAfter is exclusive
      // A record damaged on disk is passed over (and counted), not left to stop learning for good.
      if (!isVisit(visit)) status.unreadableVisits++;
      else if (!unsound.has(visit.seq!)) {
        model.observe(visit);
        marks = afterVisit(marks, model, visit.endedAt);
        if (fromScratch) {
          fromScratch.first ??= visit.startedAt;
          fromScratch.last = visit.endedAt;
        }
      }
      lastSeq = visit.seq!;
      if (!model.healthy) {
        // Never kept, never saved: back to the last sound checkpoint, and on without this visit.
        unsound.add(visit.seq!);
        takeBackLastSound();
        return learned + (await learnPending());
      }
    }
    learned += batch.length;
    if (status.progress?.step === 'relearning') status.progress.done += batch.length;
  }
  if (fromScratch) dateByVisits(fromScratch);
  unsaved += learned;
  if (unsaved >= SAVE_EVERY_VISITS) await saveOrRetry();
  else if (unsaved > 0) scheduleSave(SAVE_AFTER_MS);
  return learned;
}

/** Lets the tasks waiting on the thread (messages above all) run: a new task, without the clamping of nested timers. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

function scheduleSave(delayMs: number): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void serial(saveOrRetry), delayMs);
}

/**
 * A checkpoint that cannot be written (storage full, a failing disk) must not fail the request
 * that learned: the model in memory is right, the stored visits are the truth, and a background
 * stopped before the next save learns them again from the last checkpoint. So it is noted for
 * the user and tried again later.
 */
async function saveOrRetry(): Promise<void> {
  try {
    await save();
  } catch (error) {
    console.error('Tabula could not save its model; it will try again', error);
    pressure.fullAt = Date.now();
    scheduleSave(RETRY_SAVE_AFTER_MS);
  }
}

/** Dates the model relearned from scratch by its visits: learning since the first, last learned at the end of the last. */
function dateByVisits({ first, last }: { first?: number; last?: number }): void {
  fromScratch = undefined;
  if (!learner || first === undefined || last === undefined) return;
  learner = Learner.restore({ ...learner.snapshot(), createdAt: first, updatedAt: last });
}

/** Times the last sound model was taken back. */
let takenBack = 0;

/** Drops the model in memory, so that the last checkpoint (sound: only sound models are saved) is restored. */
function takeBackLastSound(): void {
  takenBack++;
  console.error('Tabula\'s model went unsound while learning; it goes back to the last sound one', learner?.unsoundValue());
  status.unsoundAt = Date.now();
  clearTimeout(saveTimer);
  learner = undefined;
  unsaved = 0;
}

async function save(): Promise<void> {
  clearTimeout(saveTimer);
  if (!learner) return;
  if (!learner.healthy) {
    takeBackLastSound(); // cannot happen after learnPending's check; a model that is not sound is never written
    return;
  }
  const db = await database();
  const snapshot = learner.snapshot();
  try {
    await saveCheckpoint(db, snapshot, lastSeq, marks);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await makeRoom(db); // a full disk costs the oldest fine-grained events, never the model
    await saveCheckpoint(db, snapshot, lastSeq, marks);
  }
  unsaved = 0;
}

/** Writes the checkpoint now (before the background is suspended, after a user action). */
export function flush(): Promise<void> {
  return serial(save);
}

/**
 * Starts a new model and learns every stored visit again, in order: after a forget this is exact
 * unlearning, since the result is the model that the remaining visits alone would have made. Asked
 * for itself (Play, with new settings or not), nothing marks the checkpoint for relearning: the new
 * model must be stored before it is answered, and if it cannot be, or the new settings leave it
 * unsound, the model in place before is kept as it was.
 */
export function relearn(config?: Partial<LearnerConfig>): Promise<number> {
  return unlearning(async () => {
    const previous = { model: await loaded(), lastSeq, unsaved, marks, passedOver: new Set(unsound), takenBack };
    try {
      const learned = await relearnAll(config ?? previous.model.config, true);
      if (!config || takenBack === previous.takenBack) return learned;
      throw new InvalidRequest('With these settings the model went unsound as it learned (a value grew past its bounds), so it was kept as it was. A lower learning rate may learn soundly.');
    } catch (error) {
      // The visits passed over were unsound under the new settings only: learned again by the next relearning.
      for (const seq of unsound) if (!previous.passedOver.has(seq)) unsound.delete(seq);
      ({ model: learner, lastSeq, unsaved, marks } = previous);
      fromScratch = undefined;
      await saveOrRetry(); // the checkpoint holds that model again
      throw error;
    }
  });
}

async function relearnAll(config: Partial<LearnerConfig>, mustSave = false): Promise<number> {
  try {
    learner = Learner.create(config);
    marks = [];
    lastSeq = 0;
    unsaved = 0;
    fromScratch = {};
    status.progress = { step: 'relearning', done: 0, total: await (await database()).countFromIndex('visits', 'by-seq') };
    const learned = await learnPending();
    // A forget, an import or the retention cut is done once its transaction is: it marked the
    // checkpoint for relearning, so a checkpoint that cannot be written now (a full disk) is tried
    // again, as after any visit, rather than failing what was asked.
    if (mustSave) {
      await save().catch((error: unknown) => {
        pressure.fullAt = Date.now();
        const why = String((error as Error)?.message ?? error).replace(/\.$/, '');
        throw new InvalidRequest(`The model learned again could not be stored (${why}), so the one before was kept as it was. Free some disk space and try again.`);
      });
    } else {
      await saveOrRetry();
    }
    return learned;
  } finally {
    status.progress = undefined;
  }
}

/**
 * Forgets stored data and unlearns it, in one job: no visit is learned between the removal and
 * the relearning, and a background stopped in between relearns when it wakes (see forgetData).
 */
export function forget(request: ForgetRequest): Promise<Removed & { relearned: number }> {
  return unlearning(async () => {
    const config = (await loaded()).config;
    const { relearn, ...removed } = await forgetData(await database(), request);
    const relearned = relearn ? await relearnAll(config) : 0;
    return { ...removed, relearned };
  });
}

/** Jobs queued or running that relearn the model. */
let relearningJobs = 0;

/**
 * Queues a job that relearns the model (a forget, the retention cut, an import, new settings):
 * from the moment it is queued until it ends `status.relearning` is true, so that a prediction is
 * not asked of a model about to be replaced (it would wait for the whole job) but answered at
 * once, with the progress.
 */
function unlearning<T>(job: () => Promise<T>): Promise<T> {
  relearningJobs++;
  status.relearning = true;
  return serial(job).finally(() => {
    if (--relearningJobs > 0) return;
    status.relearning = false;
    status.progress = undefined;
  });
}

/**
 * Merges the visits of a data file with those stored and relearns from all of them, in one job
 * (see storage/merge.ts): learned in time order, so that two browsers that hold the same visits
 * and settings hold the same model. Nothing changed, nothing is relearned. The rules (the
 * exclusion list, the retention cut) are read when the job runs, not when it is queued: a site
 * excluded while the import waited is kept out.
 */
export function importVisits(incoming: readonly ImportedVisit[], rules: () => Promise<MergeRules>): Promise<Merged & { relearned: number }> {
  return unlearning(async () => {
    const config = (await loaded()).config;
    const rulesNow = await rules();
    let merged: Merged;
    try {
      merged = await mergeVisits(await database(), incoming, rulesNow, (done, total) => (status.progress = { step: 'merging', done, total }));
    } finally {
      status.progress = undefined;
    }
    if (!merged.changed) return { ...merged, relearned: 0 };
    unsound.clear(); // they were seqs, and every finished visit has a new one
    return { ...merged, relearned: await relearnAll(config) };
  });
}

/**
 * Applies the retention settings and, when visits went, relearns from those kept: the model then
 * holds nothing that is no longer stored (the cut moves once a day, so this is at most daily).
 */
export function applyRetentionAndRelearn(visitDays: number, eventDays: number, now = Date.now()): Promise<Removed & { relearned: number }> {
  return unlearning(async () => {
    const config = (await loaded()).config;
    const { relearn, ...removed } = await applyRetention(await database(), visitDays, eventDays, now);
    const relearned = relearn ? await relearnAll(config) : 0;
    return { ...removed, relearned };
  });
}

/**
 * Keeps a user's correction of a stored visit and learns it at once, and saves the model: false
 * when the visit is no longer stored. The stored visit carries the correction, so the visit is
 * learned with it when it finishes and when the model is relearned. Both are one job of the
 * learner's queue: a forget queued before it has taken the visit, and the correction with it,
 * which the model then never learns.
 */
export function correct(id: number, verdict: 'useful' | 'not-interested'): Promise<boolean> {
  return serial(async () => {
    const visit = await setFeedback(await database(), id, verdict);
    if (!visit) return false;
    const model = await loaded();
    model.learnFeedback(visit, verdict);
    if (model.healthy) await save();
    else takeBackLastSound(); // the correction stays on the visit, for when it is learned again
    return true;
  });
}

/**
 * Replaces the model (reset, import or merge) and saves it in one write; it learns only visits
 * finished from now on. A function makes the new model from the one in place, in the learner's
 * queue, so that no visit learned meanwhile is left out of it, and no forget queued meanwhile
 * escapes its checks; if it throws, nothing is replaced.
 */
export function replace(next: (current: Learner) => Learner | Promise<Learner>, wipeData = false): Promise<void> {
  return serial(async () => {
    const db = await database();
    const previous = { model: await loaded(), lastSeq, unsaved, marks };
    if (wipeData) await forgetData(db, { scope: 'all' });
    learner = await next(previous.model);
    marks = []; // another model: the marks of this one say nothing of it
    lastSeq = await lastFinishedSeq(db);
    try {
      await save();
    } catch (error) {
      // The new model could not be stored: keep the one that is (an import must leave it untouched).
      if (!wipeData) ({ model: learner, lastSeq, unsaved, marks } = previous);
      throw error;
    }
  });
}

/** The learner caught up with every finished visit, and "what changed" since its mark of a week before. */
export function currentWithChange(): Promise<{ learner: Learner; change: WeekChange | undefined }> {
  return serial(async () => {
    await learnPending();
    const model = await loaded();
    // Last learned: the end of the last visit (the clock when it was learned live, its own end when relearned).
    return { learner: model, change: weekChange(marks, model, model.updatedAt) };
  });
}

/** Drops the in-memory model (tests; after the database is wiped). */
export function unload(): void {
  clearTimeout(saveTimer);
  unsound.clear();
  fromScratch = undefined;
  marks = [];
  learner = undefined;
  lastSeq = 0;
  unsaved = 0;
}
