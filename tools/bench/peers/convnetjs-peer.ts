// ConvNetJS 0.3.0 running the shipped net. It has no gather layer and no multi-head net, so the
// body is a Net of fc + ReLU layers over a dense Vol (the signed one-hot input, a fresh Vol per
// pass, as its users build one) and each head a Net of its own with its own Trainer (AdaGrad):
// engagement a 2-class softmax (it has no sigmoid output), active time a regression layer whose
// target is clipped to within Huber's delta of the prediction (the Huber gradient), next site a
// softmax over the slots. A head's training leaves the gradient of the body's output in that
// Vol's `dw`; the body back-propagates the heads' sum and takes the AdaGrad step ConvNetJS's
// Trainer takes, over all its parameters, as the Trainer would.

import type convnetjs from 'convnetjs';
import type { Implementation, OnlineLearner } from '../online-learner';
import { seededRandom, withSeededMathRandom } from '../seeded-random';
import type { SparseInput } from '../token-stream';
import { bodyWidths, describeNet, fillNormal, fillUniform, HUBER_DELTA, INITIAL } from './architecture';

export function convnetjsPeer(learningRate: number, trainSteps?: number): Implementation {
  return {
    name: 'ConvNetJS 0.3.0',
    settings: `fc layers over a dense Vol, a Net and a Trainer per head (2-class softmax, regression, softmax), AdaGrad lr ${learningRate}, batch 1, no decay`,
    role: 'peer',
    trainSteps,
    async create(seed, workload) {
      // Its npm build assigns to `window` when it does not see CommonJS; give it one in Node.
      (globalThis as { window?: unknown }).window ??= globalThis;
      const { default: cnn } = await import('convnetjs');
      const { config, tokens } = workload;
      const random = seededRandom(seed);
      const widths = bodyWidths(config);
      const width = widths[widths.length - 1];
      const net = (inputs: number, layers: convnetjs.LayerDefinition[]): convnetjs.Net => {
        const made = new cnn.Net();
        withSeededMathRandom(seed, () => made.makeLayers([{ type: 'input', out_sx: 1, out_sy: 1, out_depth: inputs }, ...layers]));
        return made;
      };
      const body = net(config.buckets, widths.map((size) => ({ type: 'fc', num_neurons: size, activation: 'relu' })));
      const engaged = net(width, [{ type: 'softmax', num_classes: 2 }]);
      const activeTime = net(width, [{ type: 'regression', num_neurons: 1 }]);
      const next = net(width, [{ type: 'softmax', num_classes: config.vocabSize }]);
      // Start as the shipped net does (see architecture.ts); ConvNetJS's ReLU layers start with a bias of 0.1.
      body.layers.filter((layer) => layer.filters).forEach((layer, i) => {
        for (const filter of layer.filters!) {
          if (i === 0) fillUniform(filter.w, INITIAL.embeddingLimit, random);
          else fillNormal(filter.w, INITIAL.hiddenStd(widths[i - 1]), random);
        }
        layer.biases!.w.fill(0);
      });
      for (const head of [engaged, activeTime, next]) {
        for (const layer of head.layers.filter((l) => l.filters)) {
          for (const filter of layer.filters!) head === next ? filter.w.fill(0) : fillNormal(filter.w, INITIAL.headStd, random);
          layer.biases!.w.fill(0);
        }
      }
      const trainer = (head: convnetjs.Net) => new cnn.Trainer(head, { method: 'adagrad', learning_rate: learningRate, batch_size: 1, l2_decay: 0 });
      const [engagedTrainer, activeTimeTrainer, nextTrainer] = [trainer(engaged), trainer(activeTime), trainer(next)];
      const bodyParams = body.getParamsAndGrads();
      const bodySums = bodyParams.map(({ params }) => new Float64Array(params.length));
      const eps = engagedTrainer.eps;
      const stepBody = (): void => {
        body.backward();
        bodyParams.forEach(({ params, grads }, p) => {
          const sums = bodySums[p];
          for (let j = 0; j < params.length; j++) {
            sums[j] += grads[j] * grads[j];
            params[j] -= (learningRate / Math.sqrt(sums[j] + eps)) * grads[j];
            grads[j] = 0;
          }
        });
      };
      const toVol = ({ rows, signs }: SparseInput): convnetjs.Vol => {
        const vol = new cnn.Vol(1, 1, config.buckets, 0);
        for (let k = 0; k < rows.length; k++) vol.w[rows[k]] += signs[k];
        return vol;
      };
      const parameters = [body, engaged, activeTime, next].reduce((sum, n) => sum + n.getParamsAndGrads().reduce((s, pg) => s + pg.params.length, 0), 0);
      const learner: OnlineLearner = {
        learn(i) {
          const visit = tokens.train[i];
          if (visit.previous !== null) {
            nextTrainer.train(body.forward(toVol(visit.previous), true), visit.nextSlot);
            stepBody(); // the body's output Vol holds the head's gradient
          }
          if (visit.engaged === null && visit.activeTarget === null) return NaN;
          const h = body.forward(toVol(visit), true);
          let probability = NaN;
          let engagedGrad: Float64Array | null = null;
          if (visit.engaged !== null) {
            engagedTrainer.train(h, visit.engaged);
            probability = engaged.layers[engaged.layers.length - 1].out_act.w[1]; // from the pass before the update
            engagedGrad = h.dw;
          }
          if (visit.activeTarget !== null) {
            const predicted = activeTime.forward(h).w[0];
            activeTimeTrainer.train(h, [Math.min(Math.max(visit.activeTarget, predicted - HUBER_DELTA), predicted + HUBER_DELTA)]);
            if (engagedGrad !== null) for (let j = 0; j < width; j++) h.dw[j] += engagedGrad[j];
          }
          stepBody();
          return probability;
        },
        predict(i) {
          const h = body.forward(toVol(tokens.heldOut[i]));
          activeTime.forward(h);
          next.forward(h);
          return engaged.forward(h).w[1];
        },
        // Weights, their gradients and the AdaGrad sums, each a Float64Array as long as the weights.
        stateBytes: () => 3 * 8 * parameters,
      };
      return learner;
    },
  };
}
