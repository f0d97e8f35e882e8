// Tabula's benchmark (`npm run bench`, `npm run bench -- --full`, `npm run bench -- --tune`): one
// fixed, seeded online task run through Tabula's SparseMlp and the JavaScript neural-net libraries
// a developer would otherwise reach for, in one process, on the same example stream. Prints a
// table, the settings of every implementation, the verdict against Tabula's targets and, last,
// one JSON line. `--tune` instead runs every implementation's learning-rate grid (untimed).

import { compare, type Targets } from './bench/compare';
import { gridNote, lineUp } from './bench/line-up';
import { constantLogLoss, teacherLogLoss } from './bench/log-loss';
import { benchTiming, measureAll, type BenchStreams } from './bench/measure';
import { printShortRuns, printTable, printVerdict } from './bench/report';
import { summaryJson } from './bench/summary-json';
import { SyntheticTask, benchTaskShape } from './bench/synthetic-task';
import { tabulaDefaultWeightBytes } from './bench/tabula-learner';
import { tune } from './bench/tune';

const seed = 1;
const hidden = 64;
const trainSteps = 20_000;
const heldOutExamples = 2_000;
const warmUpExamples = 20_000;
// TF.js on its cpu backend runs ~4 ms a step here; all 20,000 steps would double the run time.
// It computes the same graph from the same seed as the wasm backend, so a prefix shows its speed.
const tfCpuSteps = process.argv.includes('--full') ? trainSteps : 4_000;
const targets: Targets = { minSpeedRatio: 100, maxPredictMicroseconds: 5 };

const task = new SyntheticTask(benchTaskShape, seed);
const streams: BenchStreams = {
  train: task.take(trainSteps),
  heldOut: task.take(heldOutExamples),
  warmUp: task.take(warmUpExamples),
};
const inputs = benchTaskShape.inputs;
const positives = streams.train.reduce((sum, example) => sum + example.label, 0);
const contenders = lineUp(inputs, hidden, tfCpuSteps);

console.log(
  `Workload: ${inputs} hashed binary inputs, about ${benchTaskShape.meanActive} active per example, ` +
    `hidden ${hidden} ReLU, one probability output, SGD at batch 1, ${trainSteps} online steps (seed ${seed}).`,
);
console.log(
  `Stream: ${((100 * positives) / trainSteps).toFixed(1)}% positive; constant-predictor log loss ` +
    `${constantLogLoss(streams.train).toFixed(4)}; the teacher's own log loss ${teacherLogLoss(streams.train).toFixed(4)}.`,
);
console.log('');

if (process.argv.includes('--tune')) {
  const results = await tune(contenders, streams.train, seed);
  process.exitCode = results.every((result) => result.chosenIsBest) ? 0 : 1;
} else {
  const implementations = contenders.map((contender) => contender.chosen);
  const measurements = await measureAll(implementations, streams, seed, benchTiming, (stage) => process.stderr.write(`${stage}...\n`));
  printTable(measurements, benchTiming);
  console.log(gridNote());
  printShortRuns(measurements, streams);
  const comparison = compare(measurements, streams);
  printVerdict(comparison, targets);
  const workload = {
    inputs,
    mean_active: benchTaskShape.meanActive,
    hidden: [hidden],
    train_steps: trainSteps,
    held_out_examples: heldOutExamples,
    seed,
    positive_rate: positives / trainSteps,
    constant_log_loss: constantLogLoss(streams.train),
    teacher_log_loss: teacherLogLoss(streams.train),
  };
  console.log(summaryJson(measurements, comparison, targets, workload, tabulaDefaultWeightBytes()));
}
