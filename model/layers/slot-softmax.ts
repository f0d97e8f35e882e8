// Softmax over the occupied slots of the next-site head: slots fill in order, so a forward
// pass scores slots 0..count-1 only, and its cost follows the user's number of sites, not the
// vocabulary's size. Beside the rows that read the body, a table of what follows what: row s
// holds a logit for each site after a page of site s (the `from` slot), added when that site
// has a slot.
import { axpy, dot } from '../kernels';
import { ONE, Param } from '../param';

/**
 * How much faster than the rest the table of what follows what learns: a person's own habits
 * ("the news, then mail") are there to be counted from their first days, and four times the
 * learning rate follows them best on the persona seeds (docs/model-format.md).
 */
export const TRANSITION_RATE = 4;

export class SlotSoftmax {
  readonly weight: Param;
  readonly bias: Param;
  /** `slotCount × slotCount`: row s, column k is the logit of site k after a page of site s. */
  readonly transition: Param;
  /** Probabilities of slots 0..count-1 after the last forward pass. */
  readonly probs: Float64Array;
  readonly gradIn: Float32Array;
  private readonly gradLogits: Float64Array;
  /** Slot k is row k: the rows a pass touches. */
  private readonly slots: Int32Array;
  private readonly gradTransition: Float32Array;
  private input: Float32Array = new Float32Array(0);
  private count = 0;
  /** The slot of the page's own site in the last forward pass (-1: none). */
  private from = -1;

  constructor(readonly slotCount: number, readonly inputs: number, name = 'next') {
    // Rows start at zero: a slot's row is reset whenever a new site takes the slot.
    this.weight = new Param(`${name}.weight`, slotCount, inputs, true, true);
    this.bias = new Param(`${name}.bias`, slotCount, 1, true, false);
    this.transition = new Param(`${name}.transition`, slotCount, slotCount, true, true, TRANSITION_RATE);
    this.gradTransition = new Float32Array(slotCount);
    this.probs = new Float64Array(slotCount);
    this.gradIn = new Float32Array(inputs);
    this.gradLogits = new Float64Array(slotCount);
    this.slots = Int32Array.from({ length: slotCount }, (_, slot) => slot);
  }

  /** Probabilities of slots 0..count-1 after a page of slot `from`'s site (-1: a site without a slot); the rest of `probs` is stale. */
  forward(input: Float32Array, count: number, from: number): Float64Array {
    this.input = input;
    this.count = count;
    this.from = from;
    const w = this.weight.value;
    const b = this.bias.value;
    const t = this.transition.value;
    const row = from * this.slotCount;
    const n = this.inputs;
    const probs = this.probs;
    let max = -Infinity;
    for (let k = 0; k < count; k++) {
      const z = b[k] + dot(w, k * n, input, 0, n) + (from >= 0 ? t[row + k] : 0);
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
    if (this.from >= 0) {
      const grad = this.gradTransition;
      grad.fill(0);
      for (let k = 0; k < this.count; k++) grad[k] = gradLogits[k];
      this.transition.addRow(this.from, 1, grad);
    }
    return gradIn;
  }

  /**
   * Forgets what a slot's site was known by, for a site that takes over the slot, one of the
   * `occupied` slots: its row, and what came after it, are emptied; its bias, and what came before
   * it (its column of the table), start as the mean of the other occupied sites', so that a new
   * site begins as an average one, neither ahead of the sites learned nor behind them.
   */
  resetSlot(slot: number, occupied: number): void {
    const n = this.slotCount;
    this.weight.value.fill(0, slot * this.inputs, (slot + 1) * this.inputs);
    const t = this.transition.value;
    t.fill(0, slot * n, (slot + 1) * n);
    const others = occupied - 1;
    this.bias.value[slot] = others > 0 ? (sumOf(this.bias.value, 0, occupied) - this.bias.value[slot]) / others : 0;
    for (let row = 0; row < n; row++) {
      const cell = row * n + slot;
      t[cell] = others > 0 && row < occupied && row !== slot ? (sumOf(t, row * n, occupied) - t[cell]) / others : 0;
    }
  }

  params(): Param[] {
    return [this.weight, this.bias, this.transition];
  }
}

function sumOf(values: Float32Array, from: number, count: number): number {
  let sum = 0;
  for (let i = from; i < from + count; i++) sum += values[i];
  return sum;
}
