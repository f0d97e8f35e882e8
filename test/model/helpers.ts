// Shared helpers of the model tests: visits to learn from and numerical derivatives.
import { expect } from 'vitest';
import type { LearnerSnapshot } from '../../model/learner-snapshot';
import type { Visit } from '../../model/visit';

export function makeVisit(overrides: Partial<Visit> = {}): Visit {
  const startedAt = overrides.startedAt ?? Date.UTC(2024, 4, 6, 9, 30);
  return {
    url: 'https://example.org/articles/tabula',
    host: 'example.org',
    path: '/articles/tabula',
    title: 'A page about Tabula',
    description: 'What an on-device model learns',
    lang: 'en',
    kind: 'article',
    words: 900,
    links: 40,
    images: 3,
    videos: 0,
    referrerHost: '',
    activeMs: 0,
    scrollDepth: 0,
    clicks: 0,
    keys: 0,
    selections: 0,
    mediaMs: 0,
    startedAt,
    endedAt: startedAt + 60_000,
    ...overrides,
  };
}

/**
 * Central difference of `loss` with respect to `values[index]`. The step is large because
 * values are float32: a smaller one would drown in rounding.
 */
export function numericGrad(values: Float32Array, index: number, loss: () => number, step = 1e-2): number {
  const saved = values[index];
  values[index] = saved + step;
  const up = loss();
  values[index] = saved - step;
  const down = loss();
  values[index] = saved;
  return (up - down) / (2 * step);
}

/** Whether two gradients agree to within a relative tolerance (with an absolute floor). */
export function closeTo(actual: number, expected: number, relative = 1e-2, absolute = 1e-4): boolean {
  return Math.abs(actual - expected) <= absolute + relative * Math.max(Math.abs(actual), Math.abs(expected));
}

/** Σ c·x for a fixed vector c: a loss whose gradient with respect to x is exactly c. */
export function weightedSum(x: ArrayLike<number>, coefficients: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < coefficients.length; i++) sum += x[i] * coefficients[i];
  return sum;
}

/**
 * A small made-up browsing life: sites visited in habitual orders, sessions separated by
 * pauses, engagement that depends on the site and on the hour (evenings are for reading).
 */
export function syntheticVisits(count: number, seed: number): Visit[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const sites = [
    { host: 'mail.example.com', title: 'Inbox', kind: 'other' as const, reading: 0.2, next: ['news.example.org', 'docs.example.dev'] },
    { host: 'news.example.org', title: 'World news today', kind: 'listing' as const, reading: 0.5, next: ['blog.example.net', 'video.example.tv'] },
    { host: 'blog.example.net', title: 'A long essay on gardens', kind: 'article' as const, reading: 0.9, next: ['mail.example.com'] },
    { host: 'video.example.tv', title: 'Cats compilation', kind: 'video' as const, reading: 0.1, next: ['video.example.tv', 'news.example.org'] },
    { host: 'docs.example.dev', title: 'API reference', kind: 'article' as const, reading: 0.7, next: ['docs.example.dev', 'mail.example.com'] },
  ];
  const visits: Visit[] = [];
  let at = Date.UTC(2024, 0, 1, 8);
  let site = sites[0];
  for (let i = 0; i < count; i++) {
    const hour = new Date(at).getHours();
    const evening = hour >= 18 ? 0.3 : -0.2;
    const engaged = random() < site.reading + evening;
    const activeMs = engaged ? 30_000 + random() * 120_000 : random() * 8_000;
    visits.push(makeVisit({
      url: `https://${site.host}/`, host: site.host, path: '/', title: site.title, description: '', kind: site.kind,
      activeMs, scrollDepth: engaged ? 0.8 : 0.1, startedAt: at, endedAt: at + activeMs + 5_000,
    }));
    at += activeMs + 20_000 + random() * 60_000;
    if (random() < 0.08) {
      at += 2 * 3_600_000 * (1 + random());
      site = sites[Math.floor(random() * sites.length)];
    } else {
      const options = site.next;
      const host = options[random() < 0.85 ? 0 : Math.floor(random() * options.length)];
      site = sites.find((candidate) => candidate.host === host)!;
    }
  }
  return visits;
}

/**
 * Two snapshots hold the same state: typed arrays byte for byte (fast), the rest deeply equal;
 * with `clock: false`, the creation and update times (wall-clock times) are not compared.
 */
export function expectSameSnapshot(actual: LearnerSnapshot, expected: LearnerSnapshot, clock = true): void {
  const arrays = (snapshot: LearnerSnapshot): Record<string, Float32Array> => ({
    ...Object.fromEntries(Object.entries(snapshot.weights).map(([name, values]) => [`weights ${name}`, values])),
    ...Object.fromEntries(Object.entries(snapshot.optimizer.state).map(([name, values]) => [`optimizer ${name}`, values])),
  });
  const mine = arrays(actual);
  const theirs = arrays(expected);
  expect(Object.keys(mine).sort()).toEqual(Object.keys(theirs).sort());
  for (const name of Object.keys(theirs)) {
    expect(Buffer.compare(Buffer.from(mine[name].buffer, mine[name].byteOffset, mine[name].byteLength),
      Buffer.from(theirs[name].buffer, theirs[name].byteOffset, theirs[name].byteLength)), name).toBe(0);
  }
  const rest = (snapshot: LearnerSnapshot): object => ({
    ...snapshot, weights: null, optimizer: { steps: snapshot.optimizer.steps }, ...(clock ? {} : { createdAt: 0, updatedAt: 0 }),
  });
  expect(rest(actual)).toEqual(rest(expected));
}
