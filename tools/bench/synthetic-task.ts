// The benchmark's fixed synthetic task: hashed binary features with a skewed popularity
// (like tokens hashed into 1024 slots) and a label drawn from a hidden sparse teacher net,
// so the task is learnable, slightly non-linear and noisy, and identical on every run.

import { gaussian, seededRandom, type Random } from './seeded-random';

export interface SparseExample {
  readonly indices: Int32Array; // distinct active input slots, each with value 1
  readonly label: 0 | 1;
  readonly teacherProbability: number; // the chance the teacher gave this label being 1
}

export interface TaskShape {
  readonly inputs: number;
  readonly meanActive: number; // active slots per example vary by ±10% around this
  readonly popularitySkew: number; // Zipf exponent of slot popularity
  readonly teacherUnits: number; // hidden ReLU units of the teacher
  readonly teacherFanIn: number; // slots each teacher unit reads
  readonly linearShare: number; // share of slots with a direct (linear) effect
  readonly linearScale: number; // spread of those direct effects
  readonly unitScale: number; // spread of the teacher units' input weights
  readonly unitThreshold: number; // a unit fires only when enough of its inputs co-occur
}

export const benchTaskShape: TaskShape = {
  inputs: 1024,
  meanActive: 40,
  popularitySkew: 0.8,
  teacherUnits: 8,
  teacherFanIn: 96,
  linearShare: 0.3,
  linearScale: 0.3,
  unitScale: 1,
  unitThreshold: 3,
};

/** Draws examples from one fixed teacher; successive calls continue the same stream. */
export class SyntheticTask {
  readonly inputs: number;
  private readonly random: Random;
  private readonly slotCdf: Float64Array;
  private readonly slotOfRank: Int32Array;
  private readonly linearWeights: Float64Array;
  private readonly unitWeights: Float64Array[];
  private readonly unitOutWeights: Float64Array;
  private readonly seen: Uint8Array;
  private readonly logitOffset: number;

  constructor(private readonly shape: TaskShape, seed: number) {
    this.inputs = shape.inputs;
    this.random = seededRandom(seed);
    this.seen = new Uint8Array(shape.inputs);
    this.slotCdf = zipfCdf(shape.inputs, shape.popularitySkew);
    this.slotOfRank = shuffledSlots(shape.inputs, this.random); // hashing scatters popular tokens
    this.linearWeights = new Float64Array(shape.inputs);
    for (let slot = 0; slot < shape.inputs; slot++) {
      if (this.random() < shape.linearShare) this.linearWeights[slot] = shape.linearScale * gaussian(this.random);
    }
    this.unitWeights = [];
    this.unitOutWeights = new Float64Array(shape.teacherUnits);
    for (let unit = 0; unit < shape.teacherUnits; unit++) {
      const weights = new Float64Array(shape.inputs);
      for (let k = 0; k < shape.teacherFanIn; k++) {
        weights[Math.floor(this.random() * shape.inputs)] = shape.unitScale * Math.abs(gaussian(this.random));
      }
      this.unitWeights.push(weights);
      this.unitOutWeights[unit] = unit % 2 === 0 ? 1.5 : -1.5; // interactions push both ways
    }
    this.logitOffset = this.centreLogits();
  }

  /** The next `count` examples of the stream. */
  take(count: number): SparseExample[] {
    const examples: SparseExample[] = [];
    for (let i = 0; i < count; i++) {
      const indices = this.drawIndices(this.random);
      const teacherProbability = 1 / (1 + Math.exp(-(this.rawLogit(indices) - this.logitOffset)));
      const label = this.random() < teacherProbability ? 1 : 0;
      examples.push({ indices, label, teacherProbability });
    }
    return examples;
  }

  private drawIndices(random: Random): Int32Array {
    const spread = Math.round(this.shape.meanActive * 0.1);
    const count = this.shape.meanActive - spread + Math.floor(random() * (2 * spread + 1));
    const indices = new Int32Array(count);
    for (let filled = 0; filled < count; ) {
      const slot = this.slotOfRank[lowerBound(this.slotCdf, random())];
      if (this.seen[slot]) continue;
      this.seen[slot] = 1;
      indices[filled++] = slot;
    }
    for (const slot of indices) this.seen[slot] = 0;
    return indices;
  }

  private rawLogit(indices: Int32Array): number {
    let logit = 0;
    for (const slot of indices) logit += this.linearWeights[slot];
    for (let unit = 0; unit < this.unitWeights.length; unit++) {
      const weights = this.unitWeights[unit];
      let activation = -this.shape.unitThreshold;
      for (const slot of indices) activation += weights[slot];
      if (activation > 0) logit += this.unitOutWeights[unit] * activation;
    }
    return logit;
  }

  /** Shifts logits so that the base rate is near 40%: imbalanced a little, like real engagement. */
  private centreLogits(): number {
    const calibration = seededRandom(0x5eed);
    const logits: number[] = [];
    for (let i = 0; i < 2000; i++) logits.push(this.rawLogit(this.drawIndices(calibration)));
    logits.sort((a, b) => a - b);
    return logits[Math.floor(logits.length * 0.6)];
  }
}

function zipfCdf(size: number, skew: number): Float64Array {
  const cdf = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cdf[rank] = total += 1 / Math.pow(rank + 1, skew);
  for (let rank = 0; rank < size; rank++) cdf[rank] /= total;
  return cdf;
}

function shuffledSlots(size: number, random: Random): Int32Array {
  const slots = Int32Array.from({ length: size }, (_, slot) => slot);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  return slots;
}

/** First position whose cumulative share exceeds `value`. */
function lowerBound(cdf: Float64Array, value: number): number {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cdf[middle] > value) high = middle;
    else low = middle + 1;
  }
  return low;
}
