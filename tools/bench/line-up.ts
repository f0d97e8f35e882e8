// Who runs in the benchmark, and with which learning rate. Tabula runs with its defaults (AdaGrad,
// learning rate 0.05), untuned. Every peer gets a small grid of rates (brain.js, whose squared
// error on sigmoids wants larger steps and which has no AdaGrad, a grid of rates and momenta) and
// runs with the setting whose progressive log loss on the default size's workload was best;
// `npm run bench -- --tune` runs every grid again and prints every loss.

import type { ModelSize } from '../../model/learner-config';
import { brainPeer, type BrainSettings } from './peers/brain-peer';
import { convnetjsPeer } from './peers/convnetjs-peer';
import { tfjsPeer } from './peers/tfjs-peer';
import type { Implementation } from './online-learner';
import { sparseMlpReference, tabulaLearner } from './tabula-learner';

export const adagradGrid: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2];
export const brainGrid: readonly BrainSettings[] = [0.03, 0.1, 0.3, 0.6].flatMap((learningRate) =>
  [0.1, 0.5, 0.9].map((momentum) => ({ learningRate, momentum })),
);
export const sparseMlpRate = 0.02;

/** The grid's winners, as `--tune` last found them (TF.js cpu and wasm compute the same graph: one rate). */
export const chosen = {
  convnetjs: 0.05,
  tfjs: 0.1,
  brain: { learningRate: 0.3, momentum: 0.1 } as BrainSettings,
};

/** Visits each peer learns at each size: the dense libraries take milliseconds a visit, and more at larger sizes. */
export type PeerSteps = Record<'convnetjs' | 'brain' | 'tfjsWasm' | 'tfjsCpu', number>;

/** One implementation at one setting of its grid. */
export interface GridPoint {
  readonly label: string;
  readonly isChosen: boolean;
  make(): Implementation;
}

/** An implementation's whole grid (empty for Tabula, which runs its defaults, and for a row that shares another's). */
export interface Contender {
  readonly chosen: Implementation;
  readonly grid: readonly GridPoint[];
}

function contender<S>(grid: readonly S[], chosenSetting: S, label: (setting: S) => string, make: (setting: S) => Implementation): Contender {
  return {
    chosen: make(chosenSetting),
    grid: grid.map((setting) => ({ label: label(setting), isChosen: label(setting) === label(chosenSetting), make: () => make(setting) })),
  };
}

const rate = (learningRate: number) => `lr ${learningRate}`;

/** `tfjsGather`: TF.js cpu with tf.gather for the bag (its gradient takes seconds a visit), instead of matMul. */
export function lineUp(size: ModelSize, steps: PeerSteps, tfjsGather = false): Contender[] {
  return [
    { chosen: tabulaLearner(size), grid: [] },
    { chosen: sparseMlpReference(sparseMlpRate), grid: [] },
    contender(adagradGrid, chosen.convnetjs, rate, (lr) => convnetjsPeer(lr, steps.convnetjs)),
    contender(brainGrid, chosen.brain, (s) => `lr ${s.learningRate}, momentum ${s.momentum}`, (s) => brainPeer(s, steps.brain)),
    contender(adagradGrid, chosen.tfjs, rate, (lr) => tfjsPeer('wasm', lr, steps.tfjsWasm)),
    { chosen: tfjsPeer('cpu', chosen.tfjs, steps.tfjsCpu, tfjsGather ? 'gather' : 'matMul'), grid: [] },
  ];
}

/** The line printed under the settings, so a reader sees how the rates were picked. */
export function gridNote(): string {
  return (
    `Learning rates: Tabula runs its defaults; each peer the best by progressive log loss on the medium workload of the AdaGrad grid ` +
    `${adagradGrid.join(', ')} (brain.js: lr ${[...new Set(brainGrid.map((s) => s.learningRate))].join(', ')} × momentum ` +
    `${[...new Set(brainGrid.map((s) => s.momentum))].join(', ')}); TF.js cpu takes the wasm rate. ` +
    '`npm run bench -- --tune` runs the grids again.'
  );
}
