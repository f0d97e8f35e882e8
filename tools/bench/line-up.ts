// Who runs in the benchmark, and with which learning rate. Every implementation gets the same
// small grid of rates (brain.js, whose squared error on sigmoids wants larger steps, a grid of
// rates and momenta) and runs with the setting whose progressive log loss on this stream was
// best; `npm run bench -- --tune` runs every grid again and prints every loss.

import { brainPeer, type BrainSettings } from './peers/brain-peer';
import { convnetjsPeer } from './peers/convnetjs-peer';
import { tfjsPeer } from './peers/tfjs-peer';
import type { Implementation } from './online-learner';
import { tabulaSparseMlp } from './tabula-learner';

export const learningRateGrid: readonly number[] = [0.003, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1];
export const brainGrid: readonly BrainSettings[] = [0.01, 0.03, 0.1, 0.3, 0.6].flatMap((learningRate) =>
  [0.1, 0.5, 0.9].map((momentum) => ({ learningRate, momentum })),
);

/** The grid's winners, as `--tune` last found them (TF.js cpu computes the wasm graph, so shares its rate). */
export const chosen = {
  tabula: 0.02,
  convnetjs: 0.01,
  tfjs: 0.02,
  brain: { learningRate: 0.3, momentum: 0.5 } as BrainSettings,
};

/** One implementation at one setting of its grid. */
export interface GridPoint {
  readonly label: string;
  readonly isChosen: boolean;
  make(): Implementation;
}

/** An implementation's whole grid (empty when it shares another's, like TF.js cpu). */
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

export function lineUp(inputs: number, hidden: number, tfCpuSteps: number): Contender[] {
  return [
    contender(learningRateGrid, chosen.convnetjs, rate, (lr) => convnetjsPeer(inputs, hidden, lr)),
    contender(brainGrid, chosen.brain, (s) => `lr ${s.learningRate}, momentum ${s.momentum}`, (s) => brainPeer(inputs, hidden, s)),
    contender(learningRateGrid, chosen.tfjs, rate, (lr) => tfjsPeer('wasm', inputs, hidden, lr)),
    { chosen: tfjsPeer('cpu', inputs, hidden, chosen.tfjs, tfCpuSteps), grid: [] },
    contender(learningRateGrid, chosen.tabula, rate, (lr) => tabulaSparseMlp(inputs, hidden, lr)),
  ];
}

/** The line printed under the settings, so a reader sees how the rates were picked. */
export function gridNote(): string {
  return (
    `Learning rates: each is the best by progressive log loss on this stream of the grid ${learningRateGrid.join(', ')} ` +
    `(brain.js: lr ${[...new Set(brainGrid.map((s) => s.learningRate))].join(', ')} × momentum ` +
    `${[...new Set(brainGrid.map((s) => s.momentum))].join(', ')}); TF.js cpu takes the wasm rate. ` +
    '`npm run bench -- --tune` runs the grids again.'
  );
}
