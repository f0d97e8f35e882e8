// What the background had to do about trouble, said once with what was kept and what the user can
// do: storage found full (its oldest events deleted), a model that went unsound while learning and
// was taken back, stored visits or settings it could not read. Nothing is shown when all is well.
import { ErrorMessage } from './ui';
import { useRequest } from './use-request';

/** How long after storage was found full (or the model unsound) the popup keeps saying so. */
export const STORAGE_FULL_RECENT_MS = 24 * 3600_000;

interface StorageWarningProps {
  /** When storage was last found full (0: never), from `background/status`. */
  fullAt: number | undefined;
  now?: number;
}

export function isStorageFullRecently(fullAt: number | undefined, now = Date.now()): boolean {
  return fullAt !== undefined && fullAt > 0 && now - fullAt < STORAGE_FULL_RECENT_MS;
}

export function StorageWarning({ fullAt, now = Date.now() }: StorageWarningProps) {
  if (!isStorageFullRecently(fullAt, now)) return null;
  const at = new Date(fullAt!).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
  return (
    <ErrorMessage>
      <strong>Storage was full</strong> at {at}. To keep recording, Tabula deleted its oldest interaction
      events; your visits and the model are kept. Free some disk space, or forget old visits in the Data view.
    </ErrorMessage>
  );
}

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
