// The warning shown when the background recently found the disk or its storage quota full: what
// Tabula did about it, what it kept, and what the user can do.
import { ErrorMessage } from './feedback';

/** How long after storage was found full the popup keeps saying so. */
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
