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

  constructor(readonly size: number) {
    this.predictions = new Float64Array(size);
    this.labels = new Uint8Array(size);
  }

  add(prediction: number, label: number): void {
    this.predictions[this.next] = prediction;
    this.labels[this.next] = label;
    this.next = (this.next + 1) % this.size;
    this.filled = Math.min(this.filled + 1, this.size);
  }

  /** AUC with ties counted half; 0.5 (no information) until both kinds of visit are in the window. */
  auc(): number {
    const n = this.filled;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.predictions[a] - this.predictions[b]);
    let positives = 0;
    let positiveRankSum = 0;
    for (let start = 0; start < n; ) {
      let end = start;
      while (end + 1 < n && this.predictions[order[end + 1]] === this.predictions[order[start]]) end++;
      const averageRank = (start + end) / 2 + 1;
      for (let i = start; i <= end; i++) {
        if (this.labels[order[i]] === 1) {
          positives++;
          positiveRankSum += averageRank;
        }
      }
      start = end + 1;
    }
    const negatives = n - positives;
    if (positives === 0 || negatives === 0) return 0.5;
    return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
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
