// The comparison as text, for a person reading the replay's output: the figures of each head
// beside its baselines over the last visits and over the whole log, and the learning curve's verdict.
import type { ComparisonReport } from './comparison';
import type { Measure } from './curve';
import { PREDICTORS, type Figures, type Predictor } from './scoreboard';

const NAMES: Record<Predictor, string> = {
  learner: 'Tabula\'s learner',
  logistic: 'logistic regression',
  site: 'the site\'s running figures',
  constant: 'constant guess',
  oracle: 'oracle (the known chance)',
};

const MEASURE_NAMES: Record<Measure, string> = {
  engagementAuc: 'engagement AUC',
  engagementLogLoss: 'engagement log loss',
  activeTimeMae: 'active-time MAE',
  nextTop1: 'next-site top-1',
  nextTop3: 'next-site top-3',
};

const count = (n: number): string => n.toLocaleString('en');
const fixed = (n: number | undefined, digits: number): string => (n === undefined ? '' : n.toFixed(digits));

function section(title: string, figures: Figures): string[] {
  const { engagement, activeTime, next } = figures;
  const lines = [title, `  ${'engagement'.padEnd(28)} AUC     log loss  calibration   (${count(engagement.examples)} visits, ${fixed(engagement.baseRate, 3)} engaged)`];
  for (const name of PREDICTORS) {
    const row = engagement[name];
    if (row !== undefined) lines.push(`    ${NAMES[name].padEnd(26)} ${fixed(row.auc, 4)}  ${fixed(row.logLoss, 4)}    ${fixed(row.calibration, 3)}`);
  }
  lines.push(`  ${'active time'.padEnd(28)} MAE (s)   (${count(activeTime.examples)} visits)`);
  for (const name of PREDICTORS) {
    const row = activeTime[name];
    if (row !== undefined) lines.push(`    ${NAMES[name].padEnd(26)} ${fixed(row.mae, 1)}`);
  }
  lines.push(`  ${'next site'.padEnd(28)} top-1   top-3     (${count(next.transitions)} moves within sessions)`);
  for (const name of PREDICTORS) {
    const row = next[name];
    if (row !== undefined) lines.push(`    ${NAMES[name].padEnd(26)} ${fixed(row.top1, 4)}  ${fixed(row.top3, 4)}`);
  }
  return lines;
}

export function reportTable(report: ComparisonReport): string {
  const { last, whole, curve } = report;
  const lines = [
    ...section(`Last ${count(last.visits)} visits (${count(last.from + 1)} to ${count(last.to)}), each predicted as its page opened:`, last),
    '',
    ...section(`All ${count(whole.visits)} visits:`, whole),
    '',
    `Learning curve (every ${count(curve.every)} visits, over the last ${count(curve.window)}): the learner is better from visit … on`,
  ];
  for (const [measure, beats] of Object.entries(curve.learnerBeatsFrom) as [Measure, Partial<Record<Predictor, number | null>>][]) {
    const verdicts = (Object.entries(beats) as [Predictor, number | null][])
      .map(([name, from]) => `${NAMES[name]} ${from === null ? 'never' : count(from)}`);
    if (verdicts.length > 0) lines.push(`  ${MEASURE_NAMES[measure].padEnd(20)} ${verdicts.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
