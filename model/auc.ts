// Area under the ROC curve of the engagement predictions over a window of recent examples:
// the chance that an engaged visit was given a higher prediction than a not engaged one.

export interface AucWindowSnapshot {
  predictions: Float64Array;
  labels: Uint8Array;
  next: number;
  filled: number;
}

export class AucWindow {
  private predictions: Float64Array;
  private labels: Uint8Array;
  private next = 0;
  private filled = 0;
  private positiveScratch: Float64Array;
  private negativeScratch: Float64Array;

  constructor(readonly size: number) {
    this.predictions = new Float64Array(size);
    this.labels = new Uint8Array(size);
    this.positiveScratch = new Float64Array(size);
    this.negativeScratch = new Float64Array(size);
  }

  add(prediction: number, label: number): void {
    this.predictions[this.next] = prediction;
    this.labels[this.next] = label;
    this.next = (this.next + 1) % this.size;
    this.filled = Math.min(this.filled + 1, this.size);
  }

  /** AUC with ties counted half; 0.5 (no information) until both kinds of visit are in the window. */
  auc(): number {
    // The predictions of engaged and of other visits, each sorted (a typed array sorts numbers
    // without a comparator); then, for each engaged visit, the others below it and tied with it.
    const positives = this.sortedScratch(1);
    const negatives = this.sortedScratch(0);
    if (positives.length === 0 || negatives.length === 0) return 0.5;
    let pairs = 0;
    let below = 0;
    let tiedEnd = 0;
    for (let i = 0; i < positives.length; i++) {
      const prediction = positives[i];
      while (below < negatives.length && negatives[below] < prediction) below++;
      if (tiedEnd < below) tiedEnd = below;
      while (tiedEnd < negatives.length && negatives[tiedEnd] === prediction) tiedEnd++;
      pairs += below + (tiedEnd - below) / 2;
    }
    return pairs / (positives.length * negatives.length);
  }

  /** The window's predictions of visits labelled `label`, sorted, in a buffer reused by the next call for that label. */
  private sortedScratch(label: number): Float64Array {
    if (this.positiveScratch.length < this.filled) {
      this.positiveScratch = new Float64Array(this.filled); // a restored window longer than `size`
      this.negativeScratch = new Float64Array(this.filled);
    }
    const scratch = label === 1 ? this.positiveScratch : this.negativeScratch;
    let count = 0;
    for (let i = 0; i < this.filled; i++) if (this.labels[i] === label) scratch[count++] = this.predictions[i];
    return scratch.subarray(0, count).sort();
  }

  snapshot(): AucWindowSnapshot {
    return { predictions: this.predictions.slice(), labels: this.labels.slice(), next: this.next, filled: this.filled };
  }

  restore(snapshot: AucWindowSnapshot): void {
    this.predictions = snapshot.predictions.slice();
    this.labels = snapshot.labels.slice();
    this.next = snapshot.next;
    this.filled = snapshot.filled;
  }
}
