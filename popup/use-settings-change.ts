// Changing settings from anywhere in the popup: read the current settings, derive the change,
// send it. Reading first matters for lists (exclusions): the answer is the list as it stands now.
import { useCallback, useState } from 'preact/hooks';
import type { Settings } from '../extension/contract-types';
import { useConnector } from './connector';
import { messageOf } from './use-request';

export interface SettingsChange {
  change: (derive: (current: Settings) => Partial<Settings>) => Promise<Settings | undefined>;
  pending: boolean;
  error: string | undefined;
}

export function useSettingsChange(): SettingsChange {
  const connector = useConnector();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const change = useCallback(async (derive: (current: Settings) => Partial<Settings>) => {
    setPending(true);
    setError(undefined);
    try {
      const current = await connector.send('settings/get', {});
      return await connector.send('settings/set', derive(current));
    } catch (failure) {
      setError(messageOf(failure));
      return undefined;
    } finally {
      setPending(false);
    }
  }, [connector]);
  return { change, pending, error };
}

/** Whether an exclusion entry covers a host: the host itself or one of its subdomains. */
export function coversHost(entry: string, host: string): boolean {
  return host === entry || host.endsWith(`.${entry}`);
}

/** A host as an exclusion entry: lower case, no scheme, path or `www.`. Null when not a host. */
export function normalizeHost(text: string): string | null {
  const trimmed = text.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:?#].*$/, '').replace(/^www\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(trimmed) ? trimmed : null;
}
