// brain.js 2.0.0-beta.24 running the shipped net as closely as it can. A NeuralNetwork has one
// activation for every layer and squared error, and trains every output of a pattern, so the
// three heads are its outputs: sigmoid units throughout, the first the chance of engagement, the
// second the active-time target scaled into 0..1, then one per next-site slot (one-vs-rest). A
// step is `trainPattern`'s three calls (runInput, calculateDeltas, adjustWeights) with the target
// of every output the step does not learn set to the output itself, so that it adds no error:
// the visit's step learns engagement and active time, the transition's the next site. Its
// optimizer is SGD with momentum (it has no AdaGrad); its own initialisation.

import { NeuralNetwork } from 'brain.js';
import type { Implementation, OnlineLearner } from '../online-learner';
import { denseInput } from '../online-learner';
import { withSeededMathRandom } from '../seeded-random';
import { bodyWidths } from './architecture';

export interface BrainSettings {
  readonly learningRate: number;
  readonly momentum: number; // brain.js requires 0 < momentum < 1
}

/** The active-time output is a sigmoid: targets, log(1 + seconds) up to a week, are scaled into 0..1. */
const TARGET_SCALE = 1 / Math.log1p(7 * 24 * 3600);

export function brainPeer(settings: BrainSettings, trainSteps?: number): Implementation {
  return {
    name: 'brain.js 2.0.0-beta.24',
    settings:
      `NeuralNetwork over a dense input, sigmoid throughout (one activation for all layers), the heads as 2 + slots outputs, ` +
      `squared error, SGD lr ${settings.learningRate}, momentum ${settings.momentum}, batch 1`,
    role: 'peer',
    trainSteps,
    async create(seed, workload) {
      const { config, tokens } = workload;
      const slots = config.vocabSize;
      const net = new NeuralNetwork<Float32Array, Float32Array>({
        inputSize: config.buckets,
        hiddenLayers: bodyWidths(config),
        outputSize: 2 + slots,
        activation: 'sigmoid',
        learningRate: settings.learningRate,
        momentum: settings.momentum,
      });
      withSeededMathRandom(seed, () => net.initialize());
      const target = new Float32Array(2 + slots);
      const step = (input: Float32Array, setTarget: (outputs: Float32Array) => void): number => {
        const outputs = net.runInput(input);
        const engaged = outputs[0];
        target.set(outputs);
        setTarget(target);
        net.calculateDeltas(target);
        net.adjustWeights();
        return engaged;
      };
      const { buckets } = config;
      const parameters = net.weights.reduce((sum, layer) => sum + (layer ? layer.length * layer[0].length + layer.length : 0), 0);
      const learner: OnlineLearner = {
        learn(i) {
          const visit = tokens.train[i];
          if (visit.previous !== null) {
            step(denseInput(visit.previous.rows, visit.previous.signs, buckets), (t) => {
              t.fill(0, 2);
              t[2 + visit.nextSlot] = 1;
            });
          }
          if (visit.engaged === null && visit.activeTarget === null) return NaN;
          const engaged = step(denseInput(visit.rows, visit.signs, buckets), (t) => {
            if (visit.engaged !== null) t[0] = visit.engaged;
            if (visit.activeTarget !== null) t[1] = visit.activeTarget * TARGET_SCALE;
          });
          return visit.engaged === null ? NaN : engaged;
        },
        predict(i) {
          const input = tokens.heldOut[i];
          return net.run(denseInput(input.rows, input.signs, buckets))[0];
        },
        // Weights and their momentum terms, as Float32Arrays.
        stateBytes: () => 2 * 4 * parameters,
      };
      return learner;
    },
  };
}
