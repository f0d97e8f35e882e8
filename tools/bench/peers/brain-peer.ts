// brain.js 2.0.0-beta.24 as its users run it: a NeuralNetwork over dense input arrays, one
// activation for every layer and squared error (its only choices), trained one pattern at a time.

import { NeuralNetwork } from 'brain.js';
import { denseInput, type Implementation, type OnlineLearner } from '../online-learner';
import { withSeededMathRandom } from '../seeded-random';

export interface BrainSettings {
  readonly learningRate: number;
  readonly momentum: number; // brain.js requires 0 < momentum < 1
}

export function brainPeer(inputs: number, hidden: number, settings: BrainSettings): Implementation {
  return {
    name: 'brain.js 2.0.0-beta.24',
    settings:
      `hidden ${hidden} sigmoid + 1 sigmoid output (one activation for all layers), squared error, ` +
      `lr ${settings.learningRate}, momentum ${settings.momentum}, batch 1`,
    isTabula: false,
    async create(seed) {
      const net = new NeuralNetwork<Float32Array, Float32Array>({
        inputSize: inputs,
        hiddenLayers: [hidden],
        outputSize: 1,
        activation: 'sigmoid',
        learningRate: settings.learningRate,
        momentum: settings.momentum,
      });
      withSeededMathRandom(seed, () => net.initialize());
      const target = [new Float32Array([0]), new Float32Array([1])];
      const learner: OnlineLearner = {
        learn(indices, label) {
          // trainPattern is the step `train` repeats; it leaves the pre-update forward pass in
          // `outputs`, so the progressive prediction costs no second forward pass.
          net.trainPattern({ input: denseInput(indices, inputs), output: target[label] }, false);
          return net.outputs[net.outputLayer][0];
        },
        predict(indices) {
          return net.run(denseInput(indices, inputs))[0];
        },
        weightBytes() {
          let bytes = 0;
          for (let layer = 1; layer <= net.outputLayer; layer++) {
            bytes += net.biases[layer].byteLength;
            for (const row of net.weights[layer]) bytes += row.byteLength;
          }
          return bytes;
        },
      };
      return learner;
    },
  };
}
