// Tabula's net: an embedding bag over hashed features, ReLU, optional dense ReLU layers (the
// shared body), then three heads trained together: engagement (a logit), active time (log
// seconds) and next site (softmax over the occupied vocabulary slots). Beside the body, a wide
// path (one weight per feature) adds to the engagement logit and to log seconds.
import type { EncodedInput } from './encoded-input';
import { Dense } from './layers/dense';
import { EmbeddingBag } from './layers/embedding-bag';
import { Relu } from './layers/relu';
import { SlotSoftmax } from './layers/slot-softmax';
import { Wide } from './layers/wide';
import type { Param } from './param';
import type { Rng } from './rng';

export interface NetShape {
  buckets: number;
  embeddingDim: number;
  hidden: number[];
  vocabSize: number;
}

/** The heads' outputs: the engagement logit, log(1 + active seconds), and the probability of each occupied slot. */
export interface NetOutputs {
  logit: number;
  logSeconds: number;
  next: Float64Array;
}

export class TabulaNet {
  readonly embedding: EmbeddingBag;
  private readonly embeddingRelu: Relu;
  readonly layers: { dense: Dense; relu: Relu }[] = [];
  readonly engaged: Dense;
  readonly activeTime: Dense;
  readonly next: SlotSoftmax;
  /** The wide path's two outputs: added to the engagement logit (0) and to log seconds (1). */
  readonly wide: Wide;
  /** Width of the body's output, which every head reads. */
  readonly width: number;
  private readonly gradBody: Float32Array;
  private readonly gradWide = new Float32Array(2);
  private readonly outputs: NetOutputs = { logit: 0, logSeconds: 0, next: new Float64Array(0) };

  constructor(shape: NetShape, rng: Rng) {
    const { buckets, embeddingDim, hidden, vocabSize } = shape;
    // About 20 features are active at once: rows of ±0.1 give first-layer sums of order 0.5.
    this.embedding = new EmbeddingBag(buckets, embeddingDim, rng, 'embedding', 0.1);
    this.embeddingRelu = new Relu(embeddingDim);
    let width = embeddingDim;
    hidden.forEach((size, i) => {
      this.layers.push({ dense: new Dense(width, size, rng, `hidden${i + 1}`), relu: new Relu(size) });
      width = size;
    });
    this.width = width;
    this.engaged = new Dense(width, 1, rng, 'engaged', 0.01);
    this.activeTime = new Dense(width, 1, rng, 'activeTime', 0.01);
    this.next = new SlotSoftmax(vocabSize, width, 'next');
    this.wide = new Wide(buckets, 2, 'wide');
    this.gradBody = new Float32Array(width);
  }

  params(): Param[] {
    return [
      ...this.embedding.params(),
      ...this.layers.flatMap((layer) => layer.dense.params()),
      ...this.engaged.params(),
      ...this.activeTime.params(),
      ...this.next.params(),
      ...this.wide.params(),
    ];
  }

  /** The body's output for an input; valid until the next forward pass. */
  private body(input: EncodedInput): Float32Array {
    let x = this.embeddingRelu.forward(this.embedding.forward(input.buckets, input.signs, input.count));
    for (const layer of this.layers) x = layer.relu.forward(layer.dense.forward(x));
    return x;
  }

  /**
   * Every head's output for an input, the next-site head's over slots 0..sites-1 after a page of
   * slot `from`'s site (-1: none, or no next-site scores wanted); valid until the next forward pass.
   */
  forward(input: EncodedInput, sites: number, from = -1): NetOutputs {
    const h = this.body(input);
    const wide = this.wide.forward(input.buckets, input.signs, input.count);
    const out = this.outputs; // reused, as every layer's output is
    out.logit = this.engaged.forward(h)[0] + wide[0];
    out.logSeconds = this.activeTime.forward(h)[0] + wide[1];
    out.next = this.next.forward(h, sites, from);
    return out;
  }

  /** Clears the gradient of the body's output and of the wide path's, before the heads add theirs. */
  startBackward(): void {
    this.gradBody.fill(0);
    this.gradWide.fill(0);
  }

  /** Adds the gradient of the loss with respect to the engagement logit: to its head (and so the body) and to the wide path. */
  addEngagedGrad(grad: number): void {
    HEAD_GRAD[0] = grad;
    this.addToBody(this.engaged.backward(HEAD_GRAD));
    this.gradWide[0] += grad;
  }

  /** Adds the gradient of the loss with respect to log seconds: to its head (and so the body) and to the wide path. */
  addActiveTimeGrad(grad: number): void {
    HEAD_GRAD[0] = grad;
    this.addToBody(this.activeTime.backward(HEAD_GRAD));
    this.gradWide[1] += grad;
  }

  /** Adds the gradient of the next-site loss, `slot` being the site that came. */
  addNextGrad(slot: number): void {
    this.addToBody(this.next.backward(slot));
  }

  /** Adds a head's input gradient (what its `backward` returned) to the body's output gradient. */
  private addToBody(gradOfHeadInput: Float32Array): void {
    for (let i = 0; i < this.width; i++) this.gradBody[i] += gradOfHeadInput[i];
  }

  /** Back-propagates the gradients added since `startBackward`: the body's down to the embedding rows, and the wide path's. */
  backward(): void {
    if (this.gradWide[0] !== 0 || this.gradWide[1] !== 0) this.wide.backward(this.gradWide);
    let grad = this.gradBody;
    for (let i = this.layers.length - 1; i >= 0; i--) grad = this.layers[i].dense.backward(this.layers[i].relu.backward(grad));
    this.embedding.backward(this.embeddingRelu.backward(grad));
  }
}

const HEAD_GRAD = new Float32Array(1);

/** The next-site head's table of which site follows which (model version 4). */
export const TRANSITION_TENSOR = 'next.transition';

/**
 * Buckets of the wide path in one compact-file row: 64 where they divide the buckets (two values a
 * bucket would each carry a 4-byte scale for 2 bytes of values), else 1.
 */
function wideRowBuckets(buckets: number): number {
  return buckets % 64 === 0 ? 64 : 1;
}

/**
 * Names, sizes and row lengths of the net's parameters, in `params()` order, without building the
 * net. A row is what a compact file scales as one (a matrix's row: one output's inputs).
 */
export function paramShapes(shape: NetShape): { name: string; size: number; row: number }[] {
  const shapes = [
    { name: 'embedding.weight', size: shape.buckets * shape.embeddingDim, row: shape.embeddingDim },
    { name: 'embedding.bias', size: shape.embeddingDim, row: shape.embeddingDim },
  ];
  let width = shape.embeddingDim;
  shape.hidden.forEach((size, i) => {
    shapes.push({ name: `hidden${i + 1}.weight`, size: width * size, row: width }, { name: `hidden${i + 1}.bias`, size, row: size });
    width = size;
  });
  shapes.push(
    { name: 'engaged.weight', size: width, row: width },
    { name: 'engaged.bias', size: 1, row: 1 },
    { name: 'activeTime.weight', size: width, row: width },
    { name: 'activeTime.bias', size: 1, row: 1 },
    { name: 'next.weight', size: shape.vocabSize * width, row: width },
    { name: 'next.bias', size: shape.vocabSize, row: shape.vocabSize },
    { name: TRANSITION_TENSOR, size: shape.vocabSize * shape.vocabSize, row: shape.vocabSize },
    { name: 'wide.weight', size: shape.buckets * 2, row: 2 * wideRowBuckets(shape.buckets) },
  );
  return shapes;
}
