// Taking things out: the model as a file (to keep, or to move to another browser), with or
// without the names it holds, and the stored data as JSON. Files are named by the day,
// `tabula-model-YYYY-MM-DD.json`, `tabula-model-without-names-YYYY-MM-DD.json`.
import { useState } from 'preact/hooks';
import { useConnector } from '../../connector';
import { dayKey } from '../../format';
import { ErrorMessage, Notice } from '../../ui';
import { messageOf } from '../../use-request';

type ExportKind = 'model' | 'model-without-names' | 'data';

function exportOf(kind: ExportKind, connector: ReturnType<typeof useConnector>): Promise<unknown> {
  if (kind === 'data') return connector.send('data/export', {});
  return connector.send('model/export', { names: kind === 'model' });
}

export function ExportButtons({ now = () => Date.now() }: { now?: () => number }) {
  const connector = useConnector();
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const save = async (kind: ExportKind) => {
    setPending(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const content = await exportOf(kind, connector);
      const fileName = `tabula-${kind}-${dayKey(now())}.json`;
      connector.saveFile(fileName, JSON.stringify(content, null, 1));
      setSaved(fileName);
    } catch (failure) {
      setError(`Could not export: ${messageOf(failure)}`);
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="export">
      <div class="actions">
        <button type="button" onClick={() => save('model')} disabled={pending}>Export the model</button>
        <button type="button" onClick={() => save('model-without-names')} disabled={pending}>Export without names</button>
        <button type="button" onClick={() => save('data')} disabled={pending}>Export stored data</button>
      </div>
      {saved && <Notice>Saved {saved}.</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
