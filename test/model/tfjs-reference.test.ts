// Tabula's net against an independent implementation: TensorFlow.js computes the same
// outputs and gradients from the same weights and inputs, and its optimizers leave the same
// weights after the same steps.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's entry point registers no gradient functions: the union package does, with this module.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { EncodedInput } from '../../model/encoded-input';
import { huberGrad, logLossGrad } from '../../model/losses';
import { TRANSITION_RATE } from '../../model/layers/slot-softmax';
import { TabulaNet } from '../../model/net';
import { createOptimizer, type OptimizerConfig } from '../../model/optimizer';
import { Rng } from '../../model/rng';

const SHAPE = { buckets: 40, embeddingDim: 8, hidden: [6], vocabSize: 5 };
const SLOTS_USED = 4;
const ENGAGED = 1;
const TARGET = 1.7;
const NEXT = 2;
/** The slot of the page's own site: its row of the table of what follows what joins the next-site logits. */
const FROM = 1;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setUp(): { net: TabulaNet; input: EncodedInput } {
  const rng = new Rng(31);
  const net = new TabulaNet(SHAPE, rng);
  for (const param of net.params()) rng.fillUniform(param.value, 0.5);
  const input = new EncodedInput();
  // Bucket 9 twice: the reference must add the two rows' gradients as well.
  [9, 2, 33, 9, 17].forEach((bucket, k) => {
    input.buckets[k] = bucket;
    input.signs[k] = k === 1 ? -1 : 1;
  });
  input.count = 5;
  return { net, input };
}

/** TF.js variables holding copies of the net's weights (tf.tensor would share our arrays). */
function variablesOf(net: TabulaNet): Record<string, tf.Variable> {
  const shapes: Record<string, number[]> = {};
  const width = SHAPE.hidden[0];
  shapes['embedding.weight'] = [SHAPE.buckets, SHAPE.embeddingDim];
  shapes['embedding.bias'] = [SHAPE.embeddingDim];
  shapes['hidden1.weight'] = [width, SHAPE.embeddingDim];
  shapes['hidden1.bias'] = [width];
  for (const head of ['engaged', 'activeTime']) {
    shapes[`${head}.weight`] = [1, width];
    shapes[`${head}.bias`] = [1];
  }
  shapes['next.weight'] = [SHAPE.vocabSize, width];
  shapes['next.bias'] = [SHAPE.vocabSize];
  shapes['next.transition'] = [SHAPE.vocabSize, SHAPE.vocabSize];
  shapes['wide.weight'] = [SHAPE.buckets, 2];
  return Object.fromEntries(net.params().map((param) => [param.name, tf.variable(tf.tensor(param.value.slice(), shapes[param.name]), true, `${param.name}-${Math.random()}`)]));
}

/** The reference forward pass, written with TF.js operations. */
function referenceLosses(v: Record<string, tf.Variable>, input: EncodedInput): { visit: tf.Scalar; next: tf.Scalar; outputs: tf.Tensor[] } {
  const indices = tf.tensor1d(Array.from(input.buckets.subarray(0, input.count)), 'int32');
  const signs = tf.tensor2d(Array.from(input.signs.subarray(0, input.count)), [input.count, 1]);
  const bag = tf.add(tf.sum(tf.mul(tf.gather(v['embedding.weight'], indices), signs), 0), v['embedding.bias']);
  const first = tf.reshape(tf.relu(bag), [1, SHAPE.embeddingDim]);
  const h = tf.relu(tf.add(tf.matMul(first, v['hidden1.weight'], false, true), v['hidden1.bias']));
  // The wide path: each active feature's signed row of two weights, summed (engagement, log seconds).
  const wide = tf.sum(tf.mul(tf.gather(v['wide.weight'], indices), signs), 0);
  const logit = tf.add(tf.add(tf.matMul(h, v['engaged.weight'], false, true), v['engaged.bias']), tf.slice(wide, [0], [1]));
  const logSeconds = tf.add(tf.add(tf.matMul(h, v['activeTime.weight'], false, true), v['activeTime.bias']), tf.slice(wide, [1], [1]));
  const slots = tf.tensor1d([0, 1, 2, 3], 'int32');
  const following = tf.gather(tf.reshape(tf.slice(v['next.transition'], [FROM, 0], [1, SHAPE.vocabSize]), [SHAPE.vocabSize]), slots);
  const nextLogits = tf.add(tf.add(tf.matMul(h, tf.gather(v['next.weight'], slots), false, true), tf.gather(v['next.bias'], slots)), following);
  const visit = tf.add(
    tf.losses.sigmoidCrossEntropy(tf.tensor2d([[ENGAGED]]), logit),
    tf.losses.huberLoss(tf.tensor2d([[TARGET]]), logSeconds, undefined, 1),
  ) as tf.Scalar;
  const next = tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d([NEXT], 'int32'), SLOTS_USED), nextLogits) as tf.Scalar;
  return { visit, next, outputs: [logit, logSeconds, tf.softmax(nextLogits)] };
}

/** Tabula's backward passes for the same two losses. */
function backwardVisit(net: TabulaNet, input: EncodedInput): void {
  const { logit, logSeconds } = net.forward(input, SLOTS_USED);
  net.startBackward();
  net.addEngagedGrad(logLossGrad(logit, ENGAGED));
  net.addActiveTimeGrad(huberGrad(logSeconds, TARGET, 1));
  net.backward();
}

function backwardNext(net: TabulaNet, input: EncodedInput): void {
  net.forward(input, SLOTS_USED, FROM);
  net.startBackward();
  net.addNextGrad(NEXT);
  net.backward();
}

/** Our gradient of a parameter laid out densely (untouched sparse rows: zero). */
function denseGrad(net: TabulaNet, name: string): Float32Array {
  const param = net.params().find((p) => p.name === name)!;
  if (!param.hasGrad) return new Float32Array(param.size);
  if (!param.sparse) return param.grad.slice(0, param.size);
  const dense = new Float32Array(param.size);
  for (let k = 0; k < param.touchedCount; k++) {
    for (let j = 0; j < param.cols; j++) dense[param.touched[k] * param.cols + j] = param.gradAt(k, j);
  }
  return dense;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string, tolerance = 1e-5): void {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]));
    expect(Math.abs(actual[i] - expected[i]) / scale, `${label}[${i}]: ${actual[i]} vs ${expected[i]}`).toBeLessThan(tolerance);
  }
}

describe('against TensorFlow.js', () => {
  it('computes the same outputs', () => {
    const { net, input } = setUp();
    const v = variablesOf(net);
    const [logit, logSeconds, probs] = referenceLosses(v, input).outputs.map((t) => t.dataSync());
    const heads = net.forward(input, SLOTS_USED);
    expectClose([heads.logit, heads.logSeconds], [logit[0], logSeconds[0]], 'visit heads');
    expectClose(net.forward(input, SLOTS_USED, FROM).next.slice(0, SLOTS_USED), probs, 'next probabilities');
  });

  it.each(['visit', 'next'] as const)('computes the same gradients of the %s loss', (loss) => {
    const { net, input } = setUp();
    const v = variablesOf(net);
    const { grads } = tf.variableGrads(() => referenceLosses(v, input)[loss], Object.values(v));
    if (loss === 'visit') backwardVisit(net, input);
    else backwardNext(net, input);
    for (const param of net.params()) {
      const reference = grads[v[param.name].name];
      expectClose(denseGrad(net, param.name), reference ? reference.dataSync() : new Float32Array(param.size), param.name);
    }
  });

  // Each reference optimizer is made for a learning rate: the table of what follows what learns at TRANSITION_RATE times the rest's.
  const optimizers: [string, Partial<OptimizerConfig> & Pick<OptimizerConfig, 'kind'>, (rate: number) => tf.Optimizer][] = [
    ['SGD', { kind: 'sgd', learningRate: 0.1 }, (rate) => tf.train.sgd(rate)],
    ['SGD with momentum', { kind: 'sgd', learningRate: 0.1, momentum: 0.9 }, (rate) => tf.train.momentum(rate, 0.9)],
    ['AdaGrad', { kind: 'adagrad', learningRate: 0.1 }, (rate) => tf.train.adagrad(rate, 0.1)],
    ['Adam', { kind: 'adam', learningRate: 0.01 }, (rate) => tf.train.adam(rate, 0.9, 0.999, 1e-8)],
  ];

  it.each(optimizers)('%s: three steps leave the same weights', (_, config, reference) => {
    const { net, input } = setUp();
    const v = variablesOf(net);
    const optimizer = createOptimizer(net.params(), config);
    if (config.kind === 'adagrad') {
      // TF.js starts AdaGrad's sums of squares at 0.1, Tabula at 0: start both at 0.1.
      const state = optimizer.state();
      state.buffers.forEach((slots) => slots[0].fill(0.1));
      optimizer.restore(state);
    }
    const before = net.params().map((param) => param.value.slice());
    const [tfOptimizer, tfTableOptimizer] = [reference(config.learningRate!), reference(config.learningRate! * TRANSITION_RATE)];
    const table = v['next.transition'].name;
    for (let step = 0; step < 3; step++) {
      const loss = step === 1 ? 'next' : 'visit';
      if (loss === 'visit') backwardVisit(net, input);
      else backwardNext(net, input);
      optimizer.step();
      // As minimize does: every variable in the same order at each step (a null gradient leaves it as it is).
      const { grads } = tfOptimizer.computeGradients(() => referenceLosses(v, input)[loss], Object.values(v));
      const named = (variable: tf.Variable) => ({ name: variable.name, tensor: grads[variable.name] });
      tfOptimizer.applyGradients(Object.values(v).filter((variable) => variable.name !== table).map(named));
      tfTableOptimizer.applyGradients([named(v['next.transition'])]);
    }
    // Compare the changes, not the weights: a wrong step would hide in weights much larger than it.
    net.params().forEach((param, p) => {
      const ours = param.value.map((value, i) => value - before[p][i]);
      const theirs = v[param.name].dataSync().map((value, i) => value - before[p][i]);
      const scale = Math.max(...theirs.map(Math.abs), 1e-3);
      ours.forEach((change, i) => expect(Math.abs(change - theirs[i]) / scale, `${param.name}[${i}]: ${change} vs ${theirs[i]}`).toBeLessThan(1e-3));
    });
  });
});
