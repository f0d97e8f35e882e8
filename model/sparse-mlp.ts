// A plain sparse multilayer perceptron on Tabula's layers and optimizers: hashed 0/1 inputs,
// an embedding bag (the first hidden layer), ReLU layers, sigmoid outputs trained on log loss.
// One example at a time, with no allocation per step.
import { Dense } from './layers/dense';
import { EmbeddingBag } from './layers/embedding-bag';
import { Relu } from './layers/relu';
import { logLossGrad, sigmoid } from './losses';
import { createOptimizer } from './optimizers';
import type { Optimizer, OptimizerConfig, OptimizerKind } from './optimizer';
import type { Param } from './param';
import { Rng } from './rng';

export interface SparseMlpOptions {
  inputs: number;
  /** Widths of the hidden layers; the first is the embedding bag's. At least one. */
  hidden: number[];
  outputs: number;
  seed?: number;
  /** An optimizer kind (learning rate 0.05) or a full configuration. */
  optimizer?: OptimizerKind | (Partial<OptimizerConfig> & Pick<OptimizerConfig, 'kind'>);
}

export class SparseMlp {
  readonly embedding: EmbeddingBag;
  readonly layers: { dense: Dense; relu: Relu }[] = [];
  private readonly firstRelu: Relu;
  readonly output: Dense;
  readonly optimizer: Optimizer;
  /** Probabilities of the outputs after the last `predict` or `learn`. */
  readonly probabilities: Float32Array;
  private readonly gradLogits: Float32Array;

  constructor(options: SparseMlpOptions) {
    const { inputs, hidden, outputs } = options;
    if (hidden.length === 0) throw new Error('SparseMlp needs at least one hidden layer');
    const rng = new Rng(options.seed ?? 1);
    // Rows of ±0.1: a sum of a few dozen active inputs starts around ±0.5, in ReLU's useful range.
    this.embedding = new EmbeddingBag(inputs, hidden[0], rng, 'embedding', 0.1);
    this.firstRelu = new Relu(hidden[0]);
    for (let i = 1; i < hidden.length; i++) {
      this.layers.push({ dense: new Dense(hidden[i - 1], hidden[i], rng, `hidden${i}`), relu: new Relu(hidden[i]) });
    }
    this.output = new Dense(hidden[hidden.length - 1], outputs, rng, 'output', Math.sqrt(1 / hidden[hidden.length - 1]));
    this.probabilities = new Float32Array(outputs);
    this.gradLogits = new Float32Array(outputs);
    const optimizer = options.optimizer ?? 'sgd';
    const config = typeof optimizer === 'string' ? { kind: optimizer, learningRate: 0.05 } : optimizer;
    this.optimizer = createOptimizer(this.params(), config);
  }

  params(): Param[] {
    return [...this.embedding.params(), ...this.layers.flatMap((layer) => layer.dense.params()), ...this.output.params()];
  }

  /** Probability of the first output for the inputs `indices[0..count)` (all of value 1). */
  predict(indices: Int32Array, count: number): number {
    let x = this.firstRelu.forward(this.embedding.forward(indices, null, count));
    for (const layer of this.layers) x = layer.relu.forward(layer.dense.forward(x));
    const logits = this.output.forward(x);
    for (let o = 0; o < logits.length; o++) this.probabilities[o] = sigmoid(logits[o]);
    return this.probabilities[0];
  }

  /** One step of online learning towards `label` (0..1, first output); returns the prediction made before it. */
  learn(indices: Int32Array, count: number, label: number): number {
    const before = this.predict(indices, count);
    const logits = this.output.out;
    this.gradLogits[0] = logLossGrad(logits[0], label);
    this.backward();
    return before;
  }

  /** One step towards a label per output. */
  learnAll(indices: Int32Array, count: number, labels: ArrayLike<number>): void {
    this.predict(indices, count);
    const logits = this.output.out;
    for (let o = 0; o < logits.length; o++) this.gradLogits[o] = logLossGrad(logits[o], labels[o]);
    this.backward();
  }

  private backward(): void {
    let grad = this.output.backward(this.gradLogits);
    for (let i = this.layers.length - 1; i >= 0; i--) {
      grad = this.layers[i].dense.backward(this.layers[i].relu.backward(grad));
    }
    this.embedding.backward(this.firstRelu.backward(grad));
    this.optimizer.step();
  }
}
