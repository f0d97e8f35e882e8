// Softmax over the occupied slots of the next-site head: slots fill in order, so a forward
// pass scores slots 0..count-1 only, and its cost follows the user's number of sites, not the
// vocabulary's size.
import { axpy, dot } from '../kernels';
import { ONE, Param } from '../param';

export class SlotSoftmax {
  readonly weight: Param;
  readonly bias: Param;
  /** Probabilities of slots 0..count-1 after the last forward pass. */
  readonly probs: Float64Array;
  readonly gradIn: Float32Array;
  private readonly gradLogits: Float64Array;
  /** Slot k is row k: the rows a pass touches. */
  private readonly slots: Int32Array;
  private input: Float32Array = new Float32Array(0);
  private count = 0;

  constructor(readonly slotCount: number, readonly inputs: number, name = 'next') {
    // Rows start at zero: a slot's row is reset whenever a new site takes the slot.
    this.weight = new Param(`${name}.weight`, slotCount, inputs, true, true);
    this.bias = new Param(`${name}.bias`, slotCount, 1, true, false);
    this.probs = new Float64Array(slotCount);
    this.gradIn = new Float32Array(inputs);
    this.gradLogits = new Float64Array(slotCount);
    this.slots = Int32Array.from({ length: slotCount }, (_, slot) => slot);
  }

  /** Probabilities of slots 0..count-1 (the rest of `probs` is stale). */
  forward(input: Float32Array, count: number): Float64Array {
    this.input = input;
    this.count = count;
    const w = this.weight.value;
    const b = this.bias.value;
    const n = this.inputs;
    const probs = this.probs;
    let max = -Infinity;
    for (let k = 0; k < count; k++) {
      const z = b[k] + dot(w, k * n, input, 0, n);
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

  /** Cross-entropy gradient for the true slot `target` of the last forward pass. */
  backward(target: number): Float32Array {
    const n = this.inputs;
    const w = this.weight.value;
    const gradIn = this.gradIn;
    const gradLogits = this.gradLogits;
    gradIn.fill(0);
    for (let k = 0; k < this.count; k++) {
      gradLogits[k] = this.probs[k] - (k === target ? 1 : 0);
      axpy(gradIn, 0, gradLogits[k], w, k * n, n);
    }
    this.weight.addRows(this.slots, gradLogits, this.count, this.input); // slot k's row: gradLogits[k] · input
    for (let k = 0; k < this.count; k++) this.bias.addRow(k, gradLogits[k], ONE);
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
