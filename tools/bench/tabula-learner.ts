// Tabula's rows in the benchmark. The shipped learner: model/'s Learner, with a size preset and
// every other setting at its default, fed the visits themselves, so that each `observe` pays for
// what the extension's does (tokens, hashing, the dictionary, the vocabulary, three heads,
// AdaGrad, the progressive scores). And SparseMlp, a reference of the arithmetic alone: the
// embedding bag and one engagement output with a fused plain-SGD step, fed the hashed rows.

import { Learner } from '../../model/learner';
import { type ModelSize } from '../../model/learner-config';
import type { Implementation, OnlineLearner } from './online-learner';
import { SparseMlp } from './sparse-mlp';

export function tabulaLearner(size: ModelSize): Implementation {
  return {
    name: 'Tabula Learner',
    settings: 'model/ Learner.observe and .predict, the size preset, every other setting at its default (AdaGrad lr 0.05), fed the visits',
    role: 'tabula',
    async create(seed, workload) {
      const learner = Learner.create({ size, seed });
      const { train, heldOut } = workload;
      const optimizerSlots = learner.snapshot().optimizer.state;
      const stateBytes = Object.values(optimizerSlots).reduce((bytes, values) => bytes + values.byteLength, learner.parameters * 4);
      const online: OnlineLearner = {
        learn: (i) => learner.observe(train[i]),
        predict: (i) => learner.predict(heldOut[i], heldOut[i].startedAt).engaged,
        stateBytes: () => stateBytes,
      };
      return online;
    },
  };
}

export function sparseMlpReference(learningRate: number): Implementation {
  return {
    name: 'SparseMlp (reference)',
    settings:
      `tools/bench/sparse-mlp.ts: the embedding bag (unsigned rows) + ReLU + 1 sigmoid output, engagement only, ` +
      `plain SGD lr ${learningRate} fused into one step, fed the hashed rows: the arithmetic alone, not what ships`,
    role: 'reference',
    async create(seed, workload) {
      const { buckets, embeddingDim } = workload.config;
      const mlp = new SparseMlp({ inputs: buckets, hidden: [embeddingDim], outputs: 1, seed, optimizer: { kind: 'sgd', learningRate } });
      const { train, heldOut } = workload.tokens;
      const online: OnlineLearner = {
        learn: (i) => (train[i].engaged === null ? NaN : mlp.learn(train[i].rows, train[i].rows.length, train[i].engaged)),
        predict: (i) => mlp.predict(heldOut[i].rows, heldOut[i].rows.length),
        stateBytes: () => mlp.params().reduce((bytes, param) => bytes + param.value.byteLength, 0),
      };
      return online;
    },
  };
}
