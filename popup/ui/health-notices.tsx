// What the background had to do about damaged data: a model that went unsound while learning and
// was taken back, stored visits it could not read, settings it could not read. Each is said once,
// with what was kept and what the user can do; nothing is shown when all is well.
import { useRequest } from '../use-request';
import { ErrorMessage } from './feedback';
import { STORAGE_FULL_RECENT_MS } from './storage-warning';

export function HealthNotices({ now = Date.now() }: { now?: number }) {
  const { data: status } = useRequest('background/status', {});
  if (!status) return null;
  const unsoundRecently = status.modelUnsoundAt > 0 && now - status.modelUnsoundAt < STORAGE_FULL_RECENT_MS;
  return (
    <>
      {unsoundRecently && (
        <ErrorMessage>
          <strong>The model went wrong while learning</strong> (a value grew out of range). Tabula went back to the
          last sound model and learned on without the visit that caused it. Nothing stored was lost.
        </ErrorMessage>
      )}
      {status.unreadableVisits > 0 && (
        <ErrorMessage>
          {status.unreadableVisits === 1 ? '1 stored visit' : `${status.unreadableVisits} stored visits`} could not be read
          and {status.unreadableVisits === 1 ? 'was' : 'were'} left out of learning. Forget the day it is from, or everything, to remove it.
        </ErrorMessage>
      )}
      {status.settingsProblems.length > 0 && (
        <ErrorMessage>
          Some stored settings could not be read, and their defaults are used instead
          ({status.settingsProblems.join('; ')}). Change any setting to save readable ones.
        </ErrorMessage>
      )}
    </>
  );
}
