// The shipped net as every peer builds it (model/net.ts): an embedding bag over the hashed rows
// (a dense layer over a signed one-hot input, where a library has no gather), ReLU, the preset's
// hidden ReLU layers, then three heads on the body's output: engagement (a logit, log loss),
// active time (log(1 + seconds), Huber loss) and next site (softmax over the vocabulary's slots).
// Each peer starts from the same distributions as the shipped net, drawn by its own seeded
// generator.

import type { LearnerConfig } from '../../../model/learner-config';
import { gaussian, type Random } from '../seeded-random';

/** The shipped net's starting distributions (model/net.ts and its layers). */
export const INITIAL = {
  embeddingLimit: 0.1, // rows uniform in ±0.1; the embedding's bias starts at 0
  headStd: 0.01, // engagement and active-time weights; the next-site head starts at 0
  hiddenStd: (fanIn: number) => Math.sqrt(2 / fanIn), // He, for hidden ReLU layers; biases 0
};

/** Huber's delta of the active-time head (model/learner.ts). */
export const HUBER_DELTA = 1;

/** Widths of the body: the embedding, then each hidden layer; the last is what the heads read. */
export function bodyWidths(config: LearnerConfig): number[] {
  return [config.embeddingDim, ...config.hidden];
}

/** In words, for the settings line of each peer. */
export function describeNet(config: LearnerConfig): string {
  const hidden = config.hidden.map((size) => ` + dense ${size} ReLU`).join('');
  return `${config.buckets} rows × ${config.embeddingDim} + ReLU${hidden}, heads engagement + active time + next site (${config.vocabSize} slots)`;
}

export function fillUniform(values: { length: number; [i: number]: number }, limit: number, random: Random): void {
  for (let i = 0; i < values.length; i++) values[i] = (2 * random() - 1) * limit;
}

export function fillNormal(values: { length: number; [i: number]: number }, std: number, random: Random): void {
  for (let i = 0; i < values.length; i++) values[i] = std * gaussian(random);
}
