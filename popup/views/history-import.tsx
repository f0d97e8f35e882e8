// The Data view's cold start, opt-in: "Learn from my recent history". Turning it on asks the
// browser for the history permission (only possible from the click itself), then the background
// reads the last 30 days of history as visits and learns from them. Nothing is read without both.
// Turning it off gives the permission back, so that Tabula holds no access it no longer uses.
import { useState } from 'preact/hooks';
import { browser } from '../../extension/browser-api';
import type { Settings } from '../../extension/contract-types';
import { useConnector } from '../connector';
import { ErrorMessage, Notice } from '../ui';
import { messageOf } from '../use-request';

type Step = 'idle' | 'asking' | 'importing' | 'refused' | 'imported';

interface HistoryImportProps {
  settings: Settings;
  onSaved: (settings: Settings, imported: boolean) => void;
}

export function HistoryImport({ settings, onSaved }: HistoryImportProps) {
  const connector = useConnector();
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  const [releaseError, setReleaseError] = useState<string | undefined>(undefined);
  const busy = step === 'asking' || step === 'importing';
  const save = async (historyImport: boolean) => {
    try {
      onSaved(await connector.send('settings/set', { historyImport }), historyImport);
      setStep(historyImport ? 'imported' : 'idle');
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      setStep('idle');
      return false;
    }
  };
  const turnOn = async () => {
    const asked = connector.requestHistoryAccess(); // first, while the click still counts as one
    setError(undefined);
    setStep('asking');
    const granted = await asked.catch((failure: unknown) => { setError(messageOf(failure)); return false; });
    if (!granted) { setStep('refused'); return; }
    setStep('importing');
    await save(true);
  };
  const turnOff = async () => {
    setError(undefined);
    setReleaseError(undefined);
    // Once the setting is saved: while it is on, the background may still need the permission.
    if (await save(false)) await releaseHistoryAccess().catch((failure: unknown) => setReleaseError(messageOf(failure)));
  };
  return (
    <div class="history-import">
      <label class="toggle">
        <input type="checkbox" checked={settings.historyImport || busy} disabled={busy}
          onChange={(event) => void (event.currentTarget.checked ? turnOn() : turnOff())} />
        <span>Learn from my recent history</span>
      </label>
      <p class="muted">Tabula reads the addresses, titles and times of the last 30 days of your browser history
        (no further back than it keeps visits), so its predictions help from the first day. Your browser asks for
        your permission first; nothing leaves it.</p>
      {step === 'asking' && <p role="status">Waiting for your answer to the browser’s question…</p>}
      {step === 'importing' && <p role="status">Reading your history and learning from it…</p>}
      {step === 'refused' && !error && <Notice>Tabula was not allowed to read your history, so nothing was imported.</Notice>}
      {step === 'imported' && <Notice>Tabula learned from your recent history.</Notice>}
      {error && <ErrorMessage>Nothing was imported: {error}</ErrorMessage>}
      {releaseError && <ErrorMessage>Tabula could not give the history permission back: {releaseError}</ErrorMessage>}
    </div>
  );
}

/**
 * Gives the optional `history` permission back to the browser (the user can grant it again by
 * turning the import on). Unlike asking for it, this needs no click.
 */
async function releaseHistoryAccess(): Promise<void> {
  await browser.permissions.remove({ permissions: ['history'] });
}
