// The background's own state, for the popup's warnings and for the proof suite.
import type { BackgroundStatus } from '../../contract-types';
import { rejected } from '../../messages';
import { pressure } from '../../storage/pressure';
import { settingsProblems } from '../../storage/settings';
import { status } from '../learner-service';
import { dropped, textAsked } from './visit';

/** When this background (worker or event page) started: it changes each time it is woken. */
const wokeAt = Date.now();

export function onStatus(): BackgroundStatus {
  return {
    wokeAt,
    rejected: { ...rejected },
    dropped: { ...dropped },
    textAsked: { ...textAsked },
    eventsPruned: pressure.eventsPruned,
    storageFullAt: pressure.fullAt,
    learnedTwice: status.learnedTwice,
    unreadableVisits: status.unreadableVisits,
    modelUnsoundAt: status.unsoundAt,
    settingsProblems: [...settingsProblems].map(([name, problem]) => `${name}: ${problem}`),
    relearning: status.relearning,
    ...(status.progress && { progress: { ...status.progress } }),
  };
}
