// A section of the proof suite: it measures one of Tabula's promises in real browsers and
// returns figures. Figures named in `zero` are failures when they are not 0.
import type { BrowserName } from '../browser/launch';

export interface ProofContext {
  /** Browsers installed here, in the order to run them. */
  browsers: BrowserName[];
  /** 'fast' for the subset that `npm test` runs, 'full' for `npm run proof`. */
  scale: 'fast' | 'full';
  log(line: string): void;
}

export type Figure = number | string | boolean | null;
export type Figures = { [name: string]: Figure | Figures };

export interface ProofSection {
  name: string;
  /** Names of figures that must be 0, wherever they appear (under each browser, say). */
  zero: string[];
  run(context: ProofContext): Promise<Figures>;
}

/** The paths among `names` (at any depth under a browser key) whose value is not 0. */
export function nonZero(figures: Figures, names: string[]): string[] {
  const bad: string[] = [];
  const walk = (node: Figures, path: string) => {
    for (const [key, value] of Object.entries(node)) {
      const here = path ? `${path}.${key}` : key;
      if (value !== null && typeof value === 'object') walk(value, here);
      else if (names.includes(key) && value !== 0) bad.push(`${here} = ${value}`);
    }
  };
  walk(figures, '');
  return bad;
}
