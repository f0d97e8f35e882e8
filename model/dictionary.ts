// The feature dictionary: which readable feature last landed in each hashed bucket, so that
// explanations and insights can name buckets. Bounded: the least recently seen are forgotten.
// An entry read from a model file without names has the name '' until its token is seen again.

export interface DictionaryEntry {
  bucket: number;
  /** Full 32-bit hash of the token: tells whether a bucket still holds the same feature. */
  hash: number;
  /** Readable name of the token ('' when unknown: read from a file without names). */
  name: string;
  /** Visit count when last seen, and how many visits have shown it. */
  lastSeen: number;
  uses: number;
}

export interface DictionarySnapshot {
  maxSize: number;
  entries: DictionaryEntry[];
}

export class FeatureDictionary {
  private readonly entries = new Map<number, DictionaryEntry>();

  constructor(readonly maxSize: number) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Records that a token was seen in `bucket` at visit `step`. Its name is only built when the
   * bucket is new or now holds another token (colliding tokens: the latest one names the bucket).
   */
  see<T>(bucket: number, hash: number, step: number, token: T, nameOf: (token: T) => string): void {
    const entry = this.entries.get(bucket);
    if (entry !== undefined && entry.hash === hash) {
      if (entry.name === '') entry.name = nameOf(token);
      entry.lastSeen = step;
      entry.uses++;
      return;
    }
    if (entry !== undefined) {
      entry.hash = hash;
      entry.name = nameOf(token);
      entry.lastSeen = step;
      entry.uses = 1;
      return;
    }
    this.entries.set(bucket, { bucket, hash, name: nameOf(token), lastSeen: step, uses: 1 });
    if (this.entries.size > this.maxSize) this.evict();
  }

  get(bucket: number): DictionaryEntry | undefined {
    return this.entries.get(bucket);
  }

  all(): DictionaryEntry[] {
    return [...this.entries.values()];
  }

  /** The most used features first (ties: most recent, then lowest bucket). */
  mostUsed(count: number): DictionaryEntry[] {
    return this.all()
      .sort((a, b) => b.uses - a.uses || b.lastSeen - a.lastSeen || a.bucket - b.bucket)
      .slice(0, count);
  }

  /** Forgets the least recently seen tenth at once, so eviction costs little per visit. */
  private evict(): void {
    const keep = Math.floor(this.maxSize * 0.9);
    const oldestFirst = this.all().sort((a, b) => a.lastSeen - b.lastSeen || a.bucket - b.bucket);
    for (let i = 0; i < oldestFirst.length - keep; i++) this.entries.delete(oldestFirst[i].bucket);
  }

  /** Makes unknown ('') the names `forget` picks. The weights stay. */
  forgetNames(forget: (name: string) => boolean): void {
    for (const entry of this.entries.values()) if (entry.name !== '' && forget(entry.name)) entry.name = '';
  }

  /** With `names: false`, every entry's name is ''. */
  snapshot(names = true): DictionarySnapshot {
    return { maxSize: this.maxSize, entries: this.all().map((entry) => ({ ...entry, name: names ? entry.name : '' })) };
  }

  static restore(snapshot: DictionarySnapshot): FeatureDictionary {
    const dictionary = new FeatureDictionary(snapshot.maxSize);
    for (const entry of snapshot.entries) dictionary.entries.set(entry.bucket, { ...entry });
    return dictionary;
  }
}
