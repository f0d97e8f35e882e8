// TensorFlow.js 4.22 on its cpu or wasm backend, as its users write an online step: a
// tf.layers Sequential (dense ReLU + dense sigmoid) trained by optimizer.minimize on the
// binary log loss, one dense example at a time.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers'; // also registers the gradients minimize needs
import { denseInput, type Implementation, type OnlineLearner } from '../online-learner';

export type TfBackend = 'cpu' | 'wasm';

export function tfjsPeer(backend: TfBackend, inputs: number, hidden: number, learningRate: number, trainSteps?: number): Implementation {
  return {
    name: `TensorFlow.js 4.22 ${backend}`,
    settings:
      `dense ${hidden} ReLU + dense 1 sigmoid, log loss, tf.train.sgd lr ${learningRate}, batch 1, ` +
      `optimizer.minimize, prod mode${backend === 'wasm' ? ', SIMD, no threads' : ''}`,
    isTabula: false,
    trainSteps,
    async create(seed) {
      await useBackend(backend);
      const model = tfl.sequential({
        layers: [
          tfl.layers.dense({ inputShape: [inputs], units: hidden, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed }) }),
          tfl.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 }) }),
        ],
      });
      const optimizer = tf.train.sgd(learningRate);
      // tf.tensor keeps a reference to its array on the cpu backend, so each one gets a fresh copy.
      const toTensor = (indices: Int32Array) => tf.tensor2d(denseInput(indices, inputs), [1, inputs]);
      const targets = [tf.tensor2d([0], [1, 1]), tf.tensor2d([1], [1, 1])];
      const learner: OnlineLearner = {
        // The cpu and wasm rows take turns, and the backend is global: each sets its own first.
        activate: () => useBackend(backend),
        learn(indices, label) {
          const input = toTensor(indices);
          let probability!: tf.Tensor;
          optimizer.minimize(() => {
            const output = model.apply(input) as tf.Tensor;
            probability = tf.keep(output); // the pre-update prediction, from the same forward pass
            return tf.losses.logLoss(targets[label], output) as tf.Scalar;
          });
          const value = probability.dataSync()[0];
          probability.dispose();
          input.dispose();
          return value;
        },
        predict(indices) {
          const input = toTensor(indices);
          const output = model.predict(input) as tf.Tensor;
          const value = output.dataSync()[0];
          output.dispose();
          input.dispose();
          return value;
        },
        weightBytes() {
          return model.getWeights().reduce((bytes, weight) => bytes + weight.size * 4, 0);
        },
        dispose() {
          model.dispose();
          optimizer.dispose();
          for (const target of targets) target.dispose();
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
