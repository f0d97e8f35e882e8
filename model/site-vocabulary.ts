// The sites the next-site head can name: a bounded set of slots with decayed visit counts.
// Slots fill in order (slot i is the i-th site seen) and, once all are taken, a new site takes
// the slot of the least visited one, whose values in the next-site head are then reset.
// A slot read from a model file without names knows only the hash of its host: it predicts as
// before, is shown as an unnamed site, and gets its name back when a host with that hash is seen.
import { murmur3 } from './hash';

export interface VocabularySnapshot {
  /** Host of each occupied slot, in slot order; an unnamed slot holds the 32-bit hash of its host instead. */
  hosts: (string | number)[];
  /** Decayed visit count of each occupied slot, scaled by `increment` (see `count`). */
  counts: number[];
  increment: number;
}

/** The hash an unnamed slot keeps: that of the site's `host` token (docs/model-format.md). */
export type HostHash = (host: string) => number;

export class SiteVocabulary {
  /** Host of each slot ('' while unnamed). */
  private readonly hosts: string[] = [];
  private readonly slots = new Map<string, number>();
  /** Unnamed slots by the hash of their host. */
  private readonly unnamed = new Map<number, number>();
  private readonly counts: Float64Array;
  /** Counts decay by `decay` per visit; instead of shrinking every count, later visits add more. */
  private increment = 1;

  constructor(
    readonly size: number,
    readonly decay: number,
    /** Called when a site takes a slot (new, or the least visited one's), with the occupied slots counting it. */
    private readonly onReassign: (slot: number, occupied: number) => void = () => {},
    private readonly hostHash: HostHash = (host) => murmur3(`host=${host}`, 0),
  ) {
    this.counts = new Float64Array(size);
  }

  /** Occupied slots are 0..occupied-1. */
  get occupied(): number {
    return this.hosts.length;
  }

  /** The slot of `host`, or -1; an unnamed slot whose hash is `host`'s is given its name. */
  slotOf(host: string): number {
    return this.slots.get(host) ?? this.nameSlotOf(host);
  }

  /** The slot of `host`, or -1, changing nothing (an unnamed slot stays unnamed). */
  find(host: string): number {
    return this.slots.get(host) ?? (this.unnamed.size === 0 ? -1 : this.unnamed.get(this.hostHash(host)) ?? -1);
  }

  /** Each occupied slot by the hash of its site's `host` token, named or not. */
  slotsByHash(): Map<number, number> {
    const byHash = new Map(this.unnamed);
    this.hosts.forEach((host, slot) => {
      if (host !== '') byHash.set(this.hostHash(host), slot);
    });
    return byHash;
  }

  /** The host of a slot, '' for an unnamed one. */
  hostOf(slot: number): string {
    return this.hosts[slot];
  }

  /** The unnamed slot whose hash is `host`'s, which from now on bears its name; -1 if none. */
  private nameSlotOf(host: string): number {
    if (this.unnamed.size === 0) return -1;
    const hash = this.hostHash(host);
    const slot = this.unnamed.get(hash) ?? -1;
    if (slot >= 0) {
      this.unnamed.delete(hash);
      this.hosts[slot] = host;
      this.slots.set(host, slot);
    }
    return slot;
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
      this.forgetSlot(slot);
      this.hosts[slot] = host;
      this.counts[slot] = 0;
    }
    this.slots.set(host, slot);
    this.onReassign(slot, this.hosts.length);
    return slot;
  }

  private forgetSlot(slot: number): void {
    if (this.hosts[slot] !== '') this.slots.delete(this.hosts[slot]);
    for (const [hash, unnamedSlot] of this.unnamed) if (unnamedSlot === slot) this.unnamed.delete(hash);
  }

  private rescale(): void {
    for (let slot = 0; slot < this.size; slot++) this.counts[slot] /= this.increment;
    this.increment = 1;
  }

  /** With `names: false`, every slot is given as the hash of its host. */
  snapshot(names = true): VocabularySnapshot {
    const unnamedHashes = new Map([...this.unnamed].map(([hash, slot]) => [slot, hash]));
    const hosts = this.hosts.map((host, slot) => (host === '' ? unnamedHashes.get(slot)! : names ? host : this.hostHash(host)));
    return { hosts, counts: Array.from(this.counts.subarray(0, this.hosts.length)), increment: this.increment };
  }

  restore(snapshot: VocabularySnapshot): void {
    this.hosts.length = 0;
    this.slots.clear();
    this.unnamed.clear();
    this.counts.fill(0);
    snapshot.hosts.forEach((host, slot) => {
      this.hosts.push(typeof host === 'string' ? host : '');
      if (typeof host === 'string') this.slots.set(host, slot);
      else this.unnamed.set(host, slot);
      this.counts[slot] = snapshot.counts[slot];
    });
    this.increment = snapshot.increment;
  }
}
