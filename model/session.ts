// The session a visit may continue: the last visit's input, host and end, and the site before
// it. A visit that starts within `gapMs` of the last one's end continues the session; its
// context (the previous two sites) then comes from here.
import { EncodedInput } from './encoded-input';
import { NO_CONTEXT, type VisitContext } from './features';
import type { Visit } from './visit';

/** The session as plain data: what snapshots and model files hold (docs/model-format.md). */
export interface ContextSnapshot {
  hasLast: boolean;
  lastHost: string;
  lastPrev1: string;
  /** The site before lastPrev1 (model version 5; '' in a snapshot of version 4 or before). */
  lastPrev2: string;
  lastEndedAt: number;
  /** The last visit's encoded input (bucket, sign and hash of each token). */
  buckets: number[];
  signs: number[];
  hashes: number[];
}

export class Session {
  /** The last visit's input: the next-site head learns from it when the next visit comes. */
  readonly lastInput = new EncodedInput();
  private hasLast = false;
  private lastHost = '';
  private lastPrev1 = '';
  private lastPrev2 = '';
  private lastEndedAt = 0;

  constructor(private readonly gapMs: number) {}

  /** The site of the session's last visit ('' before any). */
  get lastSite(): string {
    return this.lastHost;
  }

  /** Whether a visit starting at `at` continues the session. */
  continuesAt(at: number): boolean {
    return this.hasLast && at - this.lastEndedAt <= this.gapMs;
  }

  /** The context of a visit starting at `at`: the session's previous sites, if it goes on. */
  contextAt(at: number): VisitContext {
    return this.continuesAt(at) ? { prev1: this.lastHost, prev2: this.lastPrev1, prev3: this.lastPrev2 } : NO_CONTEXT;
  }

  /** Makes a visit, learned in `context` from `input`, the last of the session. */
  moveTo(visit: Visit, context: VisitContext, input: EncodedInput): void {
    this.lastInput.copyFrom(input);
    this.hasLast = true;
    this.lastHost = visit.host;
    this.lastPrev1 = context.prev1;
    this.lastPrev2 = context.prev2;
    this.lastEndedAt = Math.max(visit.startedAt, visit.endedAt);
  }

  snapshot(): ContextSnapshot {
    const last = this.lastInput;
    return {
      hasLast: this.hasLast,
      lastHost: this.lastHost,
      lastPrev1: this.lastPrev1,
      lastPrev2: this.lastPrev2,
      lastEndedAt: this.lastEndedAt,
      buckets: Array.from(last.buckets.subarray(0, last.count)),
      signs: Array.from(last.signs.subarray(0, last.count)),
      hashes: Array.from(last.hashes.subarray(0, last.count)),
    };
  }

  restore(context: ContextSnapshot): void {
    this.hasLast = context.hasLast;
    this.lastHost = context.lastHost;
    this.lastPrev1 = context.lastPrev1;
    this.lastPrev2 = context.lastPrev2;
    this.lastEndedAt = context.lastEndedAt;
    this.lastInput.count = context.buckets.length;
    this.lastInput.buckets.set(context.buckets);
    this.lastInput.signs.set(context.signs);
    this.lastInput.hashes.set(context.hashes);
  }
}
