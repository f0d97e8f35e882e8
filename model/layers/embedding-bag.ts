// The sparse first layer: the sum of the (signed) rows of the active features, plus a bias.
// Only active rows are read in the forward pass and only they get a gradient.
import { axpy, axpyTwo } from '../kernels';
import { Param } from '../param';
import type { Rng } from '../rng';

export class EmbeddingBag {
  readonly weight: Param;
  readonly bias: Param;
  readonly out: Float32Array;
  private indices: Int32Array = new Int32Array(0);
  private signs: Float32Array | null = null;
  private count = 0;

  /** Rows start uniform in ±`limit`. */
  constructor(readonly rows: number, readonly dim: number, rng: Rng, name = 'embedding', limit = 0.1) {
    this.weight = new Param(`${name}.weight`, rows, dim, true, true);
    this.bias = new Param(`${name}.bias`, 1, dim, false, false);
    this.out = new Float32Array(dim);
    rng.fillUniform(this.weight.value, limit);
  }

  /** Sums rows `indices[0..count)`, each times `signs[k]` (all +1 when `signs` is null). */
  forward(indices: Int32Array, signs: Float32Array | null, count: number): Float32Array {
    this.indices = indices;
    this.signs = signs;
    this.count = count;
    const out = this.out;
    const w = this.weight.value;
    const dim = this.dim;
    out.set(this.bias.value);
    let k = 0;
    for (; k + 1 < count; k += 2) {
      const a = signs === null ? 1 : signs[k];
      const b = signs === null ? 1 : signs[k + 1];
      axpyTwo(out, a, w, indices[k] * dim, b, indices[k + 1] * dim, dim);
    }
    if (k < count) axpy(out, 0, signs === null ? 1 : signs[k], w, indices[k] * dim, dim);
    return out;
  }

  backward(gradOut: Float32Array): void {
    this.weight.addRows(this.indices, this.signs, this.count, gradOut); // every active row gets ± gradOut
    this.bias.addDense(gradOut);
  }

  params(): Param[] {
    return [this.weight, this.bias];
  }
}
