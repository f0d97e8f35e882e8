// The model checkpoint: the learner's snapshot and the seq of the last visit it learned, in one put,
// so that a worker stopped at any moment neither loses nor repeats a visit.
import type { LearnerSnapshot, WeekMark } from '../../model/index';
import type { Checkpoint, Database } from './db';

export async function loadCheckpoint(db: Database): Promise<Checkpoint | undefined> {
  return db.get('model', 'checkpoint');
}

export async function saveCheckpoint(db: Database, snapshot: LearnerSnapshot, lastSeq: number, weekly: readonly WeekMark[] = []): Promise<void> {
  await db.put('model', { snapshot, lastSeq, savedAt: Date.now(), weekly }, 'checkpoint');
}
