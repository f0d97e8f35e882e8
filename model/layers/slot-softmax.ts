// Softmax over a subset of output rows: the next-site head scores only the vocabulary slots
// that hold a site, so its cost follows the user's number of sites, not the vocabulary's size.
import { axpy, dot } from '../kernels';
import { Param } from '../param';

export class SlotSoftmax {
  readonly weight: Param;
  readonly bias: Param;
  /** Probabilities of the active slots, in the order they were given to `forward`. */
  readonly probs: Float64Array;
  readonly gradIn: Float32Array;
  private readonly gradLogits: Float64Array;
  private input: Float32Array = new Float32Array(0);
  private slots: Int32Array = new Int32Array(0);
  private count = 0;

  constructor(readonly slotCount: number, readonly inputs: number, name = 'next') {
    // Rows start at zero: a slot's row is reset whenever a new site takes the slot.
    this.weight = new Param(`${name}.weight`, slotCount, inputs, true, true);
    this.bias = new Param(`${name}.bias`, slotCount, 1, true, false);
    this.probs = new Float64Array(slotCount);
    this.gradIn = new Float32Array(inputs);
    this.gradLogits = new Float64Array(slotCount);
  }

  forward(input: Float32Array, slots: Int32Array, count: number): Float64Array {
    this.input = input;
    this.slots = slots;
    this.count = count;
    const w = this.weight.value;
    const b = this.bias.value;
    const n = this.inputs;
    const probs = this.probs;
    let max = -Infinity;
    for (let k = 0; k < count; k++) {
      const slot = slots[k];
      const z = b[slot] + dot(w, slot * n, input, 0, n);
      probs[k] = z;
      if (z > max) max = z;
    }
    let total = 0;
    for (let k = 0; k < count; k++) {
      probs[k] = Math.exp(probs[k] - max);
      total += probs[k];
    }
    for (let k = 0; k < count; k++) probs[k] /= total;
    return probs;
  }

  /** Cross-entropy gradient for the true slot at position `target` of the last forward's slots. */
  backward(target: number, weight = 1): Float32Array {
    const n = this.inputs;
    const w = this.weight.value;
    const gradIn = this.gradIn;
    const gradLogits = this.gradLogits;
    gradIn.fill(0);
    for (let k = 0; k < this.count; k++) {
      const g = weight * (this.probs[k] - (k === target ? 1 : 0));
      gradLogits[k] = g;
      axpy(gradIn, 0, g, w, this.slots[k] * n, n);
    }
    // Slot k's row gets gradLogits[k] · input: rank one, kept unexpanded.
    this.weight.addRankOne(this.slots, gradLogits, this.count, this.input);
    const bias = this.bias;
    const accumulate = bias.dirty;
    for (let k = 0; k < this.count; k++) {
      const seen = accumulate && bias.hasRow(this.slots[k]);
      const offset = bias.touchRow(this.slots[k]);
      bias.grad[offset] = seen ? bias.grad[offset] + gradLogits[k] : gradLogits[k];
    }
    return gradIn;
  }

  /** Empties a slot's row, for a site that takes over the slot. */
  resetSlot(slot: number): void {
    this.weight.value.fill(0, slot * this.inputs, (slot + 1) * this.inputs);
    this.bias.value[slot] = 0;
  }

  params(): Param[] {
    return [this.weight, this.bias];
  }
}
