// TensorFlow.js 4.22 on its cpu or wasm backend running the shipped net, written with the core
// ops as a TF.js user writes a model the Layers API has no layers for (a signed bag of embedding
// rows, three heads with their own losses). The bag is a matMul of the signed one-hot input with
// the embedding: `tf.gather` of the active rows would be the embedding layer, but the wasm backend
// has no kernel for its gradient (UnsortedSegmentSum) and the cpu backend's takes one op per row
// of the table (seconds a visit); `bag: 'gather'` runs it anyway. One `optimizer.minimize` per
// step, AdaGrad. TF.js's AdaGrad keeps its accumulators by the position of each variable in the
// list of gradients, so every step takes the gradient of every variable: the heads a step does
// not learn enter its loss times zero.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-layers'; // registers the gradients minimize needs
import type { Implementation, OnlineLearner } from '../online-learner';
import { denseInput } from '../online-learner';
import type { SparseInput } from '../token-stream';
import { bodyWidths, HUBER_DELTA, INITIAL } from './architecture';

export type TfBackend = 'cpu' | 'wasm';

/** The smallest start of AdaGrad's accumulators TF.js takes (it must be positive): the shipped learner's start at 0. */
const INITIAL_ACCUMULATOR = 1e-8;

export function tfjsPeer(backend: TfBackend, learningRate: number, trainSteps?: number, bag: 'matMul' | 'gather' = 'matMul'): Implementation {
  const gather = bag === 'gather';
  return {
    name: `TensorFlow.js 4.22 ${backend}${gather ? ' gather' : ''}`,
    settings:
      `core ops: ${gather ? 'tf.gather of the active rows' : 'matMul over the dense signed input'}, ` +
      `3 heads (sigmoid log loss, Huber, softmax cross-entropy), tf.train.adagrad lr ${learningRate}, batch 1, prod mode` +
      (backend === 'wasm' ? ', SIMD, no threads' : ''),
    role: 'peer',
    trainSteps,
    async create(seed, workload) {
      await useBackend(backend);
      const { config, tokens } = workload;
      const widths = bodyWidths(config);
      const width = widths[widths.length - 1];
      const slots = config.vocabSize;
      const embedding = tf.variable(tf.randomUniform([config.buckets, config.embeddingDim], -INITIAL.embeddingLimit, INITIAL.embeddingLimit, 'float32', seed));
      const embeddingBias = tf.variable(tf.zeros([1, config.embeddingDim]));
      const hidden = config.hidden.map((size, i) => ({
        weight: tf.variable(tf.randomNormal([widths[i], size], 0, INITIAL.hiddenStd(widths[i]), 'float32', seed + 1 + i)),
        bias: tf.variable(tf.zeros([1, size])),
      }));
      const engagedWeight = tf.variable(tf.randomNormal([width, 1], 0, INITIAL.headStd, 'float32', seed + 10));
      const engagedBias = tf.variable(tf.zeros([1, 1]));
      const activeWeight = tf.variable(tf.randomNormal([width, 1], 0, INITIAL.headStd, 'float32', seed + 11));
      const activeBias = tf.variable(tf.zeros([1, 1]));
      const nextWeight = tf.variable(tf.zeros([width, slots]));
      const nextBias = tf.variable(tf.zeros([1, slots]));
      const variables = [
        embedding, embeddingBias, ...hidden.flatMap((layer) => [layer.weight, layer.bias]),
        engagedWeight, engagedBias, activeWeight, activeBias, nextWeight, nextBias,
      ];
      const optimizer = tf.train.adagrad(learningRate, INITIAL_ACCUMULATOR);
      const [zero, one] = [tf.scalar(0), tf.scalar(1)];
      const sum = tf.Reduction.SUM;

      // Tensors of an input; tf.tensor keeps a reference to its array on the cpu backend, and these arrays are never changed.
      const inputTensors = ({ rows, signs }: SparseInput): tf.Tensor[] =>
        gather ? [tf.tensor1d(rows, 'int32'), tf.tensor2d(signs, [1, rows.length])] : [tf.tensor2d(denseInput(rows, signs, config.buckets), [1, config.buckets])];
      const forward = (input: tf.Tensor[]) => {
        const bag = gather ? tf.matMul(input[1], tf.gather(embedding, input[0])) : tf.matMul(input[0], embedding);
        let h = tf.relu(tf.add(bag, embeddingBias));
        for (const layer of hidden) h = tf.relu(tf.add(tf.matMul(h, layer.weight), layer.bias));
        return {
          logit: tf.add(tf.matMul(h, engagedWeight), engagedBias),
          logSeconds: tf.add(tf.matMul(h, activeWeight), activeBias),
          nextLogits: tf.add(tf.matMul(h, nextWeight), nextBias),
        };
      };
      /** One AdaGrad step on the labels given (the others enter times zero); returns P(engaged) from its forward pass. */
      const step = (input: SparseInput, engaged: number | null, activeTarget: number | null, nextSlot: number | null): number => {
        const tensors = inputTensors(input);
        const labels = tf.tidy(() => [tf.tensor2d([[engaged ?? 0]]), tf.tensor2d([[activeTarget ?? 0]]), tf.oneHot(tf.tensor1d([nextSlot ?? 0], 'int32'), slots)]);
        let probability!: tf.Tensor;
        optimizer.minimize(
          () => {
            const out = forward(tensors);
            probability = tf.keep(tf.sigmoid(out.logit));
            const engagedLoss = tf.mul(tf.losses.sigmoidCrossEntropy(labels[0], out.logit, undefined, 0, sum), engaged === null ? zero : one);
            const activeLoss = tf.mul(tf.losses.huberLoss(labels[1], out.logSeconds, undefined, HUBER_DELTA, sum), activeTarget === null ? zero : one);
            const nextLoss = tf.mul(tf.losses.softmaxCrossEntropy(labels[2], out.nextLogits, undefined, 0, sum), nextSlot === null ? zero : one);
            return tf.addN([engagedLoss, activeLoss, nextLoss]) as tf.Scalar;
          },
          false,
          variables,
        );
        const value = probability.dataSync()[0];
        tf.dispose([probability, ...tensors, ...labels]);
        return value;
      };
      const parameters = variables.reduce((total, variable) => total + variable.size, 0);
      const learner: OnlineLearner = {
        // The cpu and wasm rows take turns, and the backend is global: each sets its own first.
        activate: () => useBackend(backend),
        learn(i) {
          const visit = tokens.train[i];
          if (visit.previous !== null) step(visit.previous, null, null, visit.nextSlot);
          if (visit.engaged === null && visit.activeTarget === null) return NaN;
          const probability = step(visit, visit.engaged, visit.activeTarget, null);
          return visit.engaged === null ? NaN : probability;
        },
        predict(i) {
          const tensors = inputTensors(tokens.heldOut[i]);
          const outputs = tf.tidy(() => {
            const out = forward(tensors);
            return tf.concat([tf.sigmoid(out.logit), out.logSeconds, tf.softmax(out.nextLogits)], 1);
          });
          const engaged = outputs.dataSync()[0]; // every head's outputs, read at once
          tf.dispose([outputs, ...tensors]);
          return engaged;
        },
        // Weights and AdaGrad's accumulators, float32.
        stateBytes: () => 2 * 4 * parameters,
        dispose() {
          tf.dispose([...variables, zero, one]);
          optimizer.dispose();
        },
      };
      return learner;
    },
  };
}

let wasmPathsSet = false;

async function useBackend(backend: TfBackend): Promise<void> {
  tf.enableProdMode(); // what a deployed app does: no per-op debug checks
  if (backend === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
    wasmPathsSet = true;
  }
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
  await tf.ready();
}
