// Tabula's benchmark (`npm run bench`; options `--full`, `--size NAME`, `--visits N`, `--tfjs-gather`, `--tune`):
// the learner the extension ships (model/'s Learner.observe and .predict) learning a fixed,
// seeded stream of visits, against the JavaScript neural-net libraries a developer would
// otherwise reach for running the same net on the same tokens, in one process, at every size
// preset. Prints a table per size, the settings of every implementation, the verdicts and, last,
// one JSON line. `--tune` instead runs every peer's learning-rate grid (untimed).

import { engagementLabel } from '../model/labels';
import { DEFAULT_CONFIG, learnerConfig, MODEL_SIZES, type ModelSize } from '../model/learner-config';
import { compare, type Targets } from './bench/compare';
import { gridNote, lineUp, type PeerSteps } from './bench/line-up';
import { benchTiming, labelsOf, measureAll } from './bench/measure';
import type { Workload } from './bench/online-learner';
import { describeNet } from './bench/peers/architecture';
import { printSettings, printShortRuns, printTable, printVerdict } from './bench/report';
import { areaUnderCurve, constantLogLoss, meanLogLoss } from './bench/scores';
import { summaryJson, type SizeResult } from './bench/summary-json';
import { encodeVisits } from './bench/token-stream';
import { tune } from './bench/tune';
import { benchVisits, type BenchVisit } from './bench/visit-stream';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const seed = 1;
const trainVisits = Number(option('--visits') ?? 6_000);
const heldOutPages = 500;
const targets: Targets = { minSpeedRatio: 50 };
const sizes: readonly ModelSize[] = option('--size') ? [option('--size') as ModelSize] : MODEL_SIZES;
// The dense libraries take milliseconds a visit, more at larger sizes: they learn the first visits
// only (Tabula all of them), and are compared with Tabula over those. `--full`: all of them.
const peerSteps: Record<ModelSize, PeerSteps> = {
  small: { convnetjs: 2_000, brain: 2_000, tfjsWasm: 2_000, tfjsCpu: 500 },
  medium: { convnetjs: 1_500, brain: 1_500, tfjsWasm: 1_500, tfjsCpu: 300 },
  large: { convnetjs: 300, brain: 300, tfjsWasm: 300, tfjsCpu: 100 },
};
const stepsAt = (size: ModelSize): PeerSteps =>
  args.includes('--full') ? { convnetjs: trainVisits, brain: trainVisits, tfjsWasm: trainVisits, tfjsCpu: trainVisits } : peerSteps[size];

const person = benchVisits(trainVisits + heldOutPages, seed);
const train = person.slice(0, trainVisits);
const heldOut = person.slice(trainVisits);
const someoneElse = benchVisits(2_500, seed + 1000); // the warm-up's throwaway models learn another person
const workload = (size: ModelSize, visits: readonly BenchVisit[], pages: readonly BenchVisit[]): Workload => {
  const config = learnerConfig({ size, seed });
  return { config, train: visits, heldOut: pages, tokens: encodeVisits(visits, pages, config) };
};

const labels = train.map(engagementLabel);
const oracle = train.map((visit) => visit.engagedProbability);
const days = (train[train.length - 1].startedAt - train[0].startedAt) / 86_400_000;
const stream = {
  seed,
  visits: trainVisits,
  held_out_pages: heldOutPages,
  days: Math.round(days),
  sites: new Set(train.map((visit) => visit.host)).size,
  engaged_rate: labels.reduce<number>((sum, label) => sum + (label ?? 0), 0) / trainVisits,
  constant_log_loss: constantLogLoss(labels),
  oracle_log_loss: meanLogLoss(oracle, labels),
  oracle_auc: areaUnderCurve(oracle, labels),
};
console.log(
  `Stream: one made-up person's ${trainVisits} visits over ${stream.days} days on ${stream.sites} sites (seed ${seed}; ` +
    `tools/bench/visit-stream.ts), then ${heldOutPages} pages to predict. Engaged ${(100 * stream.engaged_rate).toFixed(1)}%; ` +
    `constant-predictor log loss ${stream.constant_log_loss.toFixed(4)}; the stream's own probabilities: log loss ` +
    `${stream.oracle_log_loss.toFixed(4)}, AUC ${stream.oracle_auc.toFixed(4)} (the floor and ceiling no learner reaches).`,
);

if (args.includes('--tune')) {
  const size = DEFAULT_CONFIG.size;
  const results = await tune(lineUp(size, stepsAt(size)), workload(size, train, heldOut), seed);
  process.exitCode = results.every((result) => result.chosenIsBest) ? 0 : 1;
} else {
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const run = workload(size, train, heldOut);
    const warmUp = workload(size, someoneElse.slice(0, 2_000), someoneElse.slice(2_000));
    console.log(`\n${size}${size === DEFAULT_CONFIG.size ? ' (the default)' : ''}: ${describeNet(run.config)}`);
    const implementations = lineUp(size, stepsAt(size), args.includes('--tfjs-gather')).map((contender) => contender.chosen);
    const measurements = await measureAll(implementations, { run, warmUp }, seed, benchTiming, (stage) => process.stderr.write(`${size}: ${stage}...\n`));
    const runLabels = labelsOf(run).train;
    const comparison = compare(measurements, runLabels);
    printTable(measurements, comparison);
    printShortRuns(measurements, runLabels);
    printVerdict(comparison, targets);
    results.push({ size, workload: { ...run.config, hidden: run.config.hidden }, measurements, comparison });
  }
  console.log('');
  printSettings(results[0].measurements, benchTiming);
  console.log(gridNote());
  console.log(summaryJson(results, DEFAULT_CONFIG.size, targets, stream));
}
