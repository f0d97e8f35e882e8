// A model as model version 3 wrote it, for the tests and the proof that read old models: the same
// snapshot or model file without the table of which site follows which (its weights and each of
// its optimizer state slots), which version 4 added.
import { VERSION_WITHOUT_TABLE } from '../model/learner-snapshot';
import { TRANSITION_TENSOR } from '../model/net';

/** What a snapshot and a model file have alike: tensors by name, weights and optimizer state. */
interface Tensors {
  weights: Record<string, unknown>;
  optimizer: { state: Record<string, unknown> };
}

const withoutTable = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => key !== TRANSITION_TENSOR && !key.startsWith(`${TRANSITION_TENSOR}.`)));

/** A snapshot (`modelVersion`) or a model file (`version`) as version 3 held it. */
export function asVersionThree<M>(model: M, versionField: 'modelVersion' | 'version'): M {
  const { weights, optimizer } = model as M & Tensors;
  return {
    ...model,
    [versionField]: VERSION_WITHOUT_TABLE,
    weights: withoutTable(weights),
    optimizer: { ...optimizer, state: withoutTable(optimizer.state) },
  };
}
