// The truth file beside a persona's log: the known chance that each visit is engaged, one number
// a line in the order of the visits; and what those chances score, the best any predictor can.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { AucWindow } from '../../model/auc';
import { engagementLabel } from '../../model/labels';
import { logLossOfProbability } from '../../model/losses';
import type { PersonaRecord } from '../../extension/persona/generate';

/** The truth file beside a log: `a.jsonl` → `a.truth.jsonl`, `a.jsonl.gz` → `a.truth.jsonl`. */
export function truthPathOf(logPath: string): string {
  return `${logPath.replace(/\.gz$/, '').replace(/\.jsonl$/, '')}.truth.jsonl`;
}

/** The chances of a truth file (plain or gzipped), in order; throws naming the first line that is not a probability. */
export function readTruthFile(path: string): Float64Array {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const values: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const value = Number(line);
    if (!(value >= 0 && value <= 1)) throw new Error(`${path}, line ${i + 1}: should be a probability from 0 to 1`);
    values.push(value);
  });
  return Float64Array.from(values);
}

/** The engaged rate of a person's visits, their mean chance, and how well the chances rank (AUC) and predict (log loss) the outcomes. */
export function oracleFigures(records: PersonaRecord[]): { engagedRate: number; meanProbability: number; auc: number; logLoss: number } {
  const auc = new AucWindow(Math.max(1, records.length));
  let engaged = 0;
  let probabilities = 0;
  let loss = 0;
  for (const { visit, probability } of records) {
    const label = engagementLabel(visit)!;
    auc.add(probability, label);
    engaged += label;
    probabilities += probability;
    loss += logLossOfProbability(probability, label);
  }
  const n = Math.max(1, records.length);
  return { engagedRate: engaged / n, meanProbability: probabilities / n, auc: auc.auc(), logLoss: loss / n };
}
