// ConvNetJS 0.3.0 as its users run it: a Vol per example (dense input), fc + ReLU, a 2-class
// softmax output (it has no sigmoid/log-loss output), and its Trainer in plain SGD mode.

import type { Implementation, OnlineLearner } from '../online-learner';
import { withSeededMathRandom } from '../seeded-random';

export function convnetjsPeer(inputs: number, hidden: number, learningRate: number): Implementation {
  return {
    name: 'ConvNetJS 0.3.0',
    settings: `fc ${hidden} ReLU + 2-class softmax, Trainer sgd lr ${learningRate}, momentum 0, batch 1, no decay`,
    isTabula: false,
    async create(seed) {
      // Its npm build assigns to `window` when it does not see CommonJS; give it one in Node.
      (globalThis as { window?: unknown }).window ??= globalThis;
      const { default: convnetjs } = await import('convnetjs');
      const net = new convnetjs.Net();
      withSeededMathRandom(seed, () =>
        net.makeLayers([
          { type: 'input', out_sx: 1, out_sy: 1, out_depth: inputs },
          { type: 'fc', num_neurons: hidden, activation: 'relu' },
          { type: 'softmax', num_classes: 2 },
        ]),
      );
      const trainer = new convnetjs.Trainer(net, {
        method: 'sgd',
        learning_rate: learningRate,
        momentum: 0,
        batch_size: 1,
        l2_decay: 0,
      });
      const toVol = (indices: Int32Array) => {
        const vol = new convnetjs.Vol(1, 1, inputs, 0);
        for (let i = 0; i < indices.length; i++) vol.w[indices[i]] = 1;
        return vol;
      };
      const learner: OnlineLearner = {
        learn(indices, label) {
          // The softmax loss is -log p(label) from the forward pass made before the update.
          const labelProbability = Math.exp(-trainer.train(toVol(indices), label).cost_loss);
          return label === 1 ? labelProbability : 1 - labelProbability;
        },
        predict(indices) {
          return net.forward(toVol(indices)).w[1];
        },
        weightBytes() {
          let bytes = 0;
          for (const layer of net.layers) {
            for (const filter of layer.filters ?? []) bytes += filter.w.byteLength;
            if (layer.biases) bytes += layer.biases.w.byteLength;
          }
          return bytes;
        },
      };
      return learner;
    },
  };
}
