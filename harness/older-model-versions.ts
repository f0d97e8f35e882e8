// Models as earlier model versions wrote them, for the tests and the proof that read old models.
// Version 4: the session without its third site back (`context.lastPrev2`) and no count of the
// engagement learned at each hour (`hoursLearned`), which version 5 added.
// Version 3: that, and without the table of which site follows which (its weights and each of its
// optimizer state slots), which version 4 added.
import { VERSION_WITHOUT_TABLE, VERSION_WITHOUT_THIRD_SITE } from '../model/learner-snapshot';
import { TRANSITION_TENSOR } from '../model/net';

/** What a snapshot and a model file have alike: tensors by name, weights and optimizer state, and the session. */
interface Tensors {
  weights: Record<string, unknown>;
  optimizer: { state: Record<string, unknown> };
  context: Record<string, unknown>;
}

const withoutTable = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => key !== TRANSITION_TENSOR && !key.startsWith(`${TRANSITION_TENSOR}.`)));

/** A snapshot (`modelVersion`) or a model file (`version`, its counts in `counters`) as version 4 held it. */
export function asVersionFour<M>(model: M, versionField: 'modelVersion' | 'version'): M {
  const { lastPrev2, ...context } = (model as M & Tensors).context;
  const { hoursLearned, ...rest } = model as M & { hoursLearned?: unknown };
  const counters = (model as { counters?: Record<string, unknown> }).counters;
  return {
    ...rest, [versionField]: VERSION_WITHOUT_THIRD_SITE, context,
    ...(counters && { counters: Object.fromEntries(Object.entries(counters).filter(([name]) => name !== 'hoursLearned')) }),
  } as M;
}

/** A snapshot (`modelVersion`) or a model file (`version`) as version 3 held it. */
export function asVersionThree<M>(model: M, versionField: 'modelVersion' | 'version'): M {
  const { weights, optimizer } = model as M & Tensors;
  return {
    ...asVersionFour(model, versionField),
    [versionField]: VERSION_WITHOUT_TABLE,
    weights: withoutTable(weights),
    optimizer: { ...optimizer, state: withoutTable(optimizer.state) },
  };
}
