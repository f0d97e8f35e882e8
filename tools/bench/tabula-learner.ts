// Tabula's own row in the benchmark: model/'s SparseMlp, fed the active input indices
// directly (no dense vector), with the same architecture and plain SGD as the peers; and the
// size of the model the extension trains by default.

import { Learner } from '../../model/index';
import { SparseMlp } from './sparse-mlp';
import type { Implementation, OnlineLearner } from './online-learner';

export function tabulaSparseMlp(inputs: number, hidden: number, learningRate: number): Implementation {
  return {
    name: 'Tabula SparseMlp',
    settings:
      `embedding bag ${hidden} (LeCun normal over ${inputs} inputs, bias 0.1) + ReLU + 1 sigmoid output (He normal), ` +
      `log loss, sgd lr ${learningRate}, momentum 0, batch 1, sparse indices`,
    isTabula: true,
    async create(seed) {
      const mlp = new SparseMlp({ inputs, hidden: [hidden], outputs: 1, seed, optimizer: { kind: 'sgd', learningRate } });
      const learner: OnlineLearner = {
        learn: (indices, label) => mlp.learn(indices, indices.length, label),
        predict: (indices) => mlp.predict(indices, indices.length),
        weightBytes: () => mlp.params().reduce((bytes, param) => bytes + param.value.byteLength, 0),
      };
      return learner;
    },
  };
}

/** Weight bytes of the model Tabula's extension trains by default (every head included). */
export function tabulaDefaultWeightBytes(): number {
  return Learner.create()
    .net.params()
    .reduce((bytes, param) => bytes + param.value.byteLength, 0);
}
