// Area under the ROC curve of the engagement predictions over a window of recent examples:
// the chance that an engaged visit was given a higher prediction than a not engaged one.

export interface AucWindowSnapshot {
  predictions: Float64Array;
  labels: Uint8Array;
  next: number;
  filled: number;
}

export class AucWindow {
  /** The window as a ring, in the order added: what snapshots hold. */
  private predictions: Float64Array;
  private labels: Uint8Array;
  private next = 0;
  private filled = 0;
  /** The same examples kept sorted by prediction, so that the AUC takes one pass and no sort. */
  private sorted: Float64Array;
  private sortedLabels: Uint8Array;
  private sortedCount = 0;

  constructor(readonly size: number) {
    this.predictions = new Float64Array(size);
    this.labels = new Uint8Array(size);
    this.sorted = new Float64Array(size);
    this.sortedLabels = new Uint8Array(size);
  }

  add(prediction: number, label: number): void {
    if (this.filled === this.size) this.removeSorted(this.predictions[this.next], this.labels[this.next]);
    this.predictions[this.next] = prediction;
    this.labels[this.next] = label;
    this.next = (this.next + 1) % this.size;
    this.filled = Math.min(this.filled + 1, this.size);
    this.insertSorted(prediction, label);
  }

  /** AUC with ties counted half; 0.5 (no information) until both kinds of visit are in the window. */
  auc(): number {
    // Through the examples by prediction, a group of equal ones at a time: each engaged example
    // counts the others below it, and half of those tied with it.
    const { sorted, sortedLabels, sortedCount } = this;
    let pairs = 0;
    let negativesBelow = 0;
    let positives = 0;
    for (let start = 0; start < sortedCount; ) {
      let groupPositives = 0;
      let end = start;
      for (; end < sortedCount && same(sorted[end], sorted[start]); end++) groupPositives += sortedLabels[end];
      const groupNegatives = end - start - groupPositives;
      pairs += groupPositives * (negativesBelow + groupNegatives / 2);
      negativesBelow += groupNegatives;
      positives += groupPositives;
      start = end;
    }
    const negatives = sortedCount - positives;
    if (positives === 0 || negatives === 0) return 0.5;
    return pairs / (positives * negatives);
  }

  snapshot(): AucWindowSnapshot {
    return { predictions: this.predictions.slice(), labels: this.labels.slice(), next: this.next, filled: this.filled };
  }

  restore(snapshot: AucWindowSnapshot): void {
    this.predictions = snapshot.predictions.slice();
    this.labels = snapshot.labels.slice();
    this.next = snapshot.next;
    this.filled = snapshot.filled;
    this.sorted = new Float64Array(Math.max(this.size, this.filled));
    this.sortedLabels = new Uint8Array(this.sorted.length);
    this.sortedCount = 0;
    for (let i = 0; i < this.filled; i++) this.insertSorted(this.predictions[i], this.labels[i]);
  }

  /** First place among the sorted examples whose prediction does not come before `prediction`. */
  private lowerBound(prediction: number): number {
    let low = 0;
    let high = this.sortedCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(this.sorted[middle], prediction)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private insertSorted(prediction: number, label: number): void {
    const at = this.lowerBound(prediction);
    this.sorted.copyWithin(at + 1, at, this.sortedCount);
    this.sortedLabels.copyWithin(at + 1, at, this.sortedCount);
    this.sorted[at] = prediction;
    this.sortedLabels[at] = label;
    this.sortedCount++;
  }

  /** Takes out one example of this prediction and label (the one leaving the ring: any equal one will do). */
  private removeSorted(prediction: number, label: number): void {
    for (let at = this.lowerBound(prediction); at < this.sortedCount && same(this.sorted[at], prediction); at++) {
      if (this.sortedLabels[at] !== label) continue;
      this.sorted.copyWithin(at, at + 1, this.sortedCount);
      this.sortedLabels.copyWithin(at, at + 1, this.sortedCount);
      this.sortedCount--;
      return;
    }
  }
}

/** The order of predictions: by value, a NaN (from an unsound model) after every number. */
function before(a: number, b: number): boolean {
  return a < b || (a === a && b !== b);
}

function same(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}
