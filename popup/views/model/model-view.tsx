// The Model view: reset, export and import the model, and export the stored data.
import { Section } from '../../ui';
import { ExportButtons } from './export-buttons';
import { ImportModel } from './import-model';
import { ResetModel } from './reset-model';

export function ModelView({ now }: { now?: () => number }) {
  return (
    <div class="view model-view">
      <Section title="Export">
        <p class="muted">The model file holds the learned weights and figures, not your visits; the data file holds
          every stored visit and your settings. Both stay on this computer unless you move them.</p>
        <ExportButtons now={now} />
      </Section>
      <Section title="Import">
        <p class="muted">Bring in a model exported from Tabula, for example from another browser. You see what it
          learned before it replaces the current one.</p>
        <ImportModel />
      </Section>
      <Section title="Start over">
        <ResetModel />
      </Section>
    </div>
  );
}
