// Whether Tabula records at all, and for how long it keeps what it recorded.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../../extension/contract-types';

interface RecordingSettingsProps {
  settings: Settings;
  pending: boolean;
  onChange: (change: Partial<Settings>) => void;
}

export function PauseToggle({ settings, pending, onChange }: RecordingSettingsProps) {
  return (
    <label class="toggle">
      <input type="checkbox" checked={settings.paused} disabled={pending}
        onChange={(event) => onChange({ paused: event.currentTarget.checked })} />
      <span>Pause Tabula: record and learn nothing</span>
    </label>
  );
}

export function RetentionSetting({ settings, pending, onChange }: RecordingSettingsProps) {
  const [days, setDays] = useState(String(settings.visitRetentionDays));
  useEffect(() => setDays(String(settings.visitRetentionDays)), [settings.visitRetentionDays]);
  const value = Number(days);
  const valid = Number.isInteger(value) && value >= 1 && value <= 3650;
  const save = (event: Event) => {
    event.preventDefault();
    if (valid) onChange({ visitRetentionDays: value });
  };
  return (
    <form class="retention" onSubmit={save}>
      <label class="field">
        <span>Keep visits for (days)</span>
        <input type="number" min={1} max={3650} step={1} value={days} aria-invalid={!valid}
          onInput={(event) => setDays(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={pending || !valid || value === settings.visitRetentionDays}>Save</button>
      <p class="muted">Visits older than {settings.visitRetentionDays} days are deleted; the model keeps what it learned from them.</p>
    </form>
  );
}
