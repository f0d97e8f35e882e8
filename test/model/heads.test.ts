// Gradient checks of the three heads through the whole net: engagement (log loss of a
// sigmoid), active time (Huber loss) and next site (softmax cross-entropy), each back to
// the embedding rows and, for the first two, to the wide path's rows, against finite differences.
import { describe, expect, it } from 'vitest';
import { EncodedInput } from '../../model/encoded-input';
import { huber, huberGrad, logLossGrad, logLossOfLogit, sigmoid } from '../../model/losses';
import { TabulaNet } from '../../model/net';
import { Rng } from '../../model/rng';
import { closeTo, numericGrad } from './helpers';

function smallNet(hidden: number[]): { net: TabulaNet; input: EncodedInput } {
  const rng = new Rng(21);
  const net = new TabulaNet({ buckets: 50, embeddingDim: 6, hidden, vocabSize: 4 }, rng);
  for (const param of net.params()) if (param.name !== 'embedding.weight' && param.name !== 'wide.weight') rng.fillUniform(param.value, 0.6);
  rng.fillUniform(net.embedding.weight.value, 0.6);
  // Drawn last, so that the other weights are those the checks were written with (no unit of the body near its kink).
  rng.fillUniform(net.wide.weight.value, 0.6);
  const input = new EncodedInput();
  [3, 17, 42, 8].forEach((bucket, k) => {
    input.buckets[k] = bucket;
    input.signs[k] = k % 2 === 0 ? 1 : -1;
  });
  input.count = 4;
  return { net, input };
}

describe('losses', () => {
  it('log loss of a logit has the gradient sigmoid(z) - y', () => {
    for (const z of [-3, -0.2, 0.5, 4]) {
      for (const y of [0, 1]) {
        const numeric = (logLossOfLogit(z + 1e-6, y) - logLossOfLogit(z - 1e-6, y)) / 2e-6;
        expect(logLossGrad(z, y)).toBeCloseTo(numeric, 6);
      }
    }
    expect(logLossOfLogit(-800, 1)).toBeCloseTo(800, 6); // stable far from zero
    expect(sigmoid(-800)).toBe(0);
  });

  it('Huber loss is quadratic near the target and linear beyond delta', () => {
    expect(huber(1.5, 1, 1)).toBeCloseTo(0.125, 12);
    expect(huber(4, 1, 1)).toBeCloseTo(2.5, 12);
    for (const prediction of [-2, 0.7, 1.2, 3]) {
      const numeric = (huber(prediction + 1e-6, 1, 1) - huber(prediction - 1e-6, 1, 1)) / 2e-6;
      expect(huberGrad(prediction, 1, 1)).toBeCloseTo(numeric, 6);
    }
  });
});

describe.each([[[]], [[5]]])('heads through the net (hidden %j)', (hidden: number[]) => {
  const heads = {
    engagement: {
      loss: (net: TabulaNet, input: EncodedInput) => logLossOfLogit(net.forward(input, 0).logit, 1),
      backward: (net: TabulaNet, input: EncodedInput) => net.addEngagedGrad(logLossGrad(net.forward(input, 0).logit, 1)),
    },
    activeTime: {
      loss: (net: TabulaNet, input: EncodedInput) => huber(net.forward(input, 0).logSeconds, 0.8, 1),
      backward: (net: TabulaNet, input: EncodedInput) => net.addActiveTimeGrad(huberGrad(net.forward(input, 0).logSeconds, 0.8, 1)),
    },
    next: {
      loss: (net: TabulaNet, input: EncodedInput) => -Math.log(net.forward(input, 3).next[2]),
      backward: (net: TabulaNet, input: EncodedInput) => {
        net.forward(input, 3);
        net.addNextGrad(2);
      },
    },
  };

  it.each(Object.keys(heads) as (keyof typeof heads)[])('%s: every parameter gradient matches finite differences', (name) => {
    const { net, input } = smallNet(hidden);
    const head = heads[name];
    const loss = (): number => head.loss(net, input);
    net.startBackward();
    head.backward(net, input);
    net.backward();
    const checkedParams = new Set<string>();
    let checked = 0;
    for (const param of net.params()) {
      if (!param.hasGrad) continue;
      const rows = param.sparse ? Array.from(param.touched.subarray(0, param.touchedCount)) : [0];
      const cols = param.sparse ? param.cols : param.size;
      rows.forEach((row, k) => {
        for (let j = 0; j < cols; j++) {
          const numeric = numericGrad(param.value, row * cols + j, loss, 1e-3);
          expect(closeTo(param.gradAt(k, j), numeric, 2e-2, 2e-4), `${param.name}[${row * cols + j}]`).toBe(true);
          checked++;
        }
      });
      checkedParams.add(param.name);
    }
    expect(checked).toBeGreaterThan(30);
    // The wide path learns engagement and active time; the next-site head does not read it.
    expect(checkedParams.has('wide.weight')).toBe(name !== 'next');
  });
});
