// What the model is made of and how much it has seen, in numbers.
import type { ModelOverview } from '../../../extension/contract-types';
import { bytes, dateTime } from '../../format';

export function ModelCounts({ overview }: { overview: ModelOverview }) {
  const rows: [string, string][] = [
    ['Visits learned', overview.visitsLearned.toLocaleString('en')],
    ['Sites', overview.sites.toLocaleString('en')],
    ['Visits stored', overview.storedVisits.toLocaleString('en')],
    ['Storage used', bytes(overview.storageBytes)],
    ['Model size', `${overview.config.size}, ${overview.config.parameters.toLocaleString('en')} weights (${bytes(overview.config.weightBytes)})`],
    ['Learning since', dateTime(overview.createdAt)],
    ['Last learned', dateTime(overview.updatedAt)],
  ];
  return (
    <dl class="counts">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
