// The learner in the background: a cache of what is stored. It restores the checkpoint on wake,
// learns exactly the finished visits after it, and checkpoints in batches. Every job runs one at a
// time, so learning, relearning and imports never interleave.
import { Learner, type LearnerConfig } from '../../model/index';
import { database } from '../storage/db';
import { loadCheckpoint, saveCheckpoint } from '../storage/checkpoint';
import { lastFinishedSeq, visitsAfter } from '../storage/visits';

const SAVE_EVERY_VISITS = 8;
const SAVE_AFTER_MS = 2_000;

let learner: Learner | undefined;
let lastSeq = 0;
let unsaved = 0;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<unknown> = Promise.resolve();
export const status = { relearning: false, learnedTwice: 0 };

/** Runs jobs one after another, whatever happens to the one before. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

async function loaded(): Promise<Learner> {
  if (learner) return learner;
  const checkpoint = await loadCheckpoint(await database());
  learner = checkpoint ? Learner.restore(checkpoint.snapshot) : Learner.create();
  lastSeq = checkpoint?.lastSeq ?? 0;
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
  const pending = await visitsAfter(await database(), lastSeq);
  for (const visit of pending) {
    if (visit.seq! <= lastSeq) status.learnedTwice++; // cannot happen: visitsAfter is exclusive
    model.observe(visit);
    lastSeq = visit.seq!;
  }
  unsaved += pending.length;
  if (unsaved >= SAVE_EVERY_VISITS) await save();
  else if (unsaved > 0) scheduleSave();
  return pending.length;
}

function scheduleSave(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void serial(save), SAVE_AFTER_MS);
}

async function save(): Promise<void> {
  clearTimeout(saveTimer);
  if (!learner) return;
  await saveCheckpoint(await database(), learner.snapshot(), lastSeq);
  unsaved = 0;
}

/** Writes the checkpoint now (before the background is suspended, after a user action). */
export function flush(): Promise<void> {
  return serial(save);
}

/**
 * Starts a new model and learns every stored visit again, in order: after a forget this is exact
 * unlearning, since the result is the model that the remaining visits alone would have made.
 */
export function relearn(config?: Partial<LearnerConfig>): Promise<number> {
  return serial(async () => {
    status.relearning = true;
    try {
      const base = config ?? (await loaded()).config;
      const fresh = Learner.create(base);
      const visits = await visitsAfter(await database(), 0);
      for (const visit of visits) fresh.observe(visit);
      learner = fresh;
      lastSeq = visits.at(-1)?.seq ?? 0;
      await save();
      return visits.length;
    } finally {
      status.relearning = false;
    }
  });
}

/** Replaces the model (reset or import); it learns only visits finished from now on. */
export function replace(next: Learner): Promise<void> {
  return serial(async () => {
    learner = next;
    lastSeq = await lastFinishedSeq(await database());
    await save();
  });
}

/** Drops the in-memory model (tests; after the database is wiped). */
export function unload(): void {
  clearTimeout(saveTimer);
  learner = undefined;
  lastSeq = 0;
  unsaved = 0;
}
