// Sites Tabula never records: add the current site in one press, or any site by name; remove any.
import { useState } from 'preact/hooks';
import { count } from '../../format';
import { ErrorMessage } from '../../ui';
import { coversHost, normalizeHost } from '../../use-settings-change';

interface ExclusionListProps {
  excluded: string[];
  currentHost?: string;
  pending: boolean;
  onAdd: (entry: string) => void;
  onRemove: (entry: string) => void;
}

export function ExclusionList({ excluded, currentHost, pending, onAdd, onRemove }: ExclusionListProps) {
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const current = currentHost ? normalizeHost(withoutRootDot(currentHost)) : null;
  const currentCovered = current !== null && excluded.some((entry) => coversHost(entry, current));
  const add = (host: string) => { if (!excluded.includes(host)) onAdd(host); };
  const submit = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(withoutRootDot(typed));
    setInvalid(host === null);
    if (host) { add(host); setTyped(''); }
  };
  return (
    <div class="exclusions">
      {current && !currentCovered && (
        <button type="button" onClick={() => add(current)} disabled={pending}>Exclude {current}</button>
      )}
      {excluded.length === 0 ? <p class="muted">No site is excluded.</p> : (
        // Folded: the default list alone is some 150 entries, and the visits come after it.
        <details class="exclusions-shown">
          <summary>{count(excluded.length, 'excluded site or page', 'excluded sites and pages')}</summary>
          <ul class="exclusion-list">
            {excluded.map((entry) => (
              <li key={entry}>
                <span>{entry}</span>
                <button type="button" class="small" disabled={pending} aria-label={`Remove ${entry} from the exclusion list`}
                  onClick={() => onRemove(entry)}>Remove</button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <form class="inline-form" onSubmit={submit}>
        <label class="field">
          <span>Exclude a site</span>
          <input type="text" value={typed} placeholder="example.com" aria-invalid={invalid}
            onInput={(event) => setTyped(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={pending}>Add</button>
      </form>
      {invalid && <ErrorMessage>That does not look like a site name (for example: example.com).</ErrorMessage>}
    </div>
  );
}

/** `paypal.com.` (with the DNS root's final dot, as a browser may show it) is the site `paypal.com`. */
function withoutRootDot(address: string): string {
  return address.trim().replace(/\.+(?=$|[/:?#])/, '');
}
