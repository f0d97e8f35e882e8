// The sites the next-site head can name: a bounded set of slots with decayed visit counts.
// Slots fill in order (slot i is the i-th site seen) and, once all are taken, a new site takes
// the slot of the least visited one, whose output row is then reset.

/** Slot numbers 0..255, the active slots of the next-site head: occupied slots are always the first ones. */
export const SLOT_NUMBERS = Int32Array.from({ length: 256 }, (_, slot) => slot);

export interface VocabularySnapshot {
  /** Host of each occupied slot, in slot order. */
  hosts: string[];
  /** Decayed visit count of each occupied slot, scaled by `increment` (see `count`). */
  counts: number[];
  increment: number;
}

export class SiteVocabulary {
  private readonly hosts: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly counts: Float64Array;
  /** Counts decay by `decay` per visit; instead of shrinking every count, later visits add more. */
  private increment = 1;

  constructor(
    readonly size: number,
    readonly decay: number,
    private readonly onReassign: (slot: number) => void = () => {},
  ) {
    this.counts = new Float64Array(size);
  }

  /** Occupied slots are 0..occupied-1. */
  get occupied(): number {
    return this.hosts.length;
  }

  slotOf(host: string): number {
    return this.slots.get(host) ?? -1;
  }

  hostOf(slot: number): string {
    return this.hosts[slot];
  }

  /** Counts a visit of `host`, giving it a slot if it has none; returns the slot. */
  count(host: string): number {
    let slot = this.slotOf(host);
    if (slot < 0) slot = this.assign(host);
    this.increment /= this.decay;
    this.counts[slot] += this.increment;
    if (this.increment > 1e150) this.rescale();
    return slot;
  }

  /** Whether a slot is among the `k` most visited (ties: the lower slot first). */
  inTop(slot: number, k: number): boolean {
    const mine = this.counts[slot];
    let ahead = 0;
    for (let other = 0; other < this.hosts.length; other++) {
      const count = this.counts[other];
      if (count > mine || (count === mine && other < slot)) ahead++;
    }
    return ahead < k;
  }

  /** Decayed visit count of a slot, in visits. */
  visits(slot: number): number {
    return this.counts[slot] / this.increment;
  }

  private assign(host: string): number {
    let slot = this.hosts.length;
    if (slot < this.size) {
      this.hosts.push(host);
    } else {
      slot = 0;
      for (let other = 1; other < this.size; other++) if (this.counts[other] < this.counts[slot]) slot = other;
      this.slots.delete(this.hosts[slot]);
      this.hosts[slot] = host;
      this.counts[slot] = 0;
    }
    this.slots.set(host, slot);
    this.onReassign(slot);
    return slot;
  }

  private rescale(): void {
    for (let slot = 0; slot < this.size; slot++) this.counts[slot] /= this.increment;
    this.increment = 1;
  }

  snapshot(): VocabularySnapshot {
    return { hosts: [...this.hosts], counts: Array.from(this.counts.subarray(0, this.hosts.length)), increment: this.increment };
  }

  restore(snapshot: VocabularySnapshot): void {
    this.hosts.length = 0;
    this.slots.clear();
    this.counts.fill(0);
    snapshot.hosts.forEach((host, slot) => {
      this.hosts.push(host);
      this.slots.set(host, slot);
      this.counts[slot] = snapshot.counts[slot];
    });
    this.increment = snapshot.increment;
  }
}
