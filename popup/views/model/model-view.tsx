// The Model view: reset, export and import the model, and export the stored data.
import { HealthNotices } from '../../health-notices';
import { Section } from '../../ui';
import { ExportButtons } from './export-buttons';
import { ImportModel } from './import-model';
import { ResetModel } from './reset-model';

export function ModelView({ now }: { now?: () => number }) {
  return (
    <div class="view model-view">
      <HealthNotices now={now?.()} />
      <Section title="Export">
        <p class="muted model-file-holds">The model file holds the learned weights and figures, and names taken from your
          browsing: up to 4,096 feature names (sites, the start of page paths, words of titles and descriptions, sites
          you came from, “this site right after that one”), the 64 sites it predicts, its counts of how often you visit
          them, and the last site you visited. It holds no list of your visits.</p>
        <p class="muted">Export without names leaves every one of those names out: weights, hashes and counts only. It
          predicts the same, showing its sites as unnamed until you visit them again. A hash hides a name only from
          someone who cannot guess it: whoever guesses a site can check it.</p>
        <p class="muted">The data file holds every stored visit and your settings. All three stay on this computer
          unless you move them.</p>
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
