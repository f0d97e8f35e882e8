// Realistic answers from Tabula's background, as the popup's views receive them.
import type {
  BackgroundStatus, ImportPreview, Insights, MetricPoint, Metrics, ModelOverview, Settings, StoredVisit, TabPrediction, TimeReport,
} from '../../extension/contract-types';

const DAY = 24 * 3600_000;
export const NOW = new Date(2025, 2, 14, 21, 30).getTime(); // a Friday evening, local time

export function prediction(overrides: Partial<TabPrediction> = {}): TabPrediction {
  return {
    status: 'ok',
    url: 'https://github.com/example/tabula/blob/main/README.md',
    host: 'github.com',
    title: 'tabula/README.md at main · example/tabula',
    engaged: 0.72,
    activeSeconds: 194,
    next: [
      { host: 'news.ycombinator.com', probability: 0.31 },
      { host: 'docs.python.org', probability: 0.18 },
      { host: 'mail.proton.me', probability: 0.09 },
    ],
    why: {
      engaged: [
        { feature: 'site: github.com', effect: 0.84 },
        { feature: 'hour: 21:00', effect: 0.31 },
        { feature: 'title word: readme', effect: 0.12 },
        { feature: 'title word: main', effect: 0.04 },
        { feature: 'page kind: listing', effect: -0.05 },
        { feature: 'day: Friday', effect: -0.22 },
        { feature: 'came from: news.ycombinator.com', effect: -0.41 },
      ],
      activeTime: [
        { feature: 'site: github.com', effect: 62 },
        { feature: 'page size: long', effect: 25 },
        { feature: 'hour: 21:00', effect: -18 },
      ],
      next: [
        { feature: 'previous site: news.ycombinator.com', effect: 0.55 },
        { feature: 'language: en', effect: -0.08 },
      ],
      baseline: { engaged: 0.31, activeSeconds: 45, next: 0.12 },
      nextSite: 'news.ycombinator.com',
    },
    visitsLearned: 1412,
    visitsUntilUseful: 0,
    ...overrides,
  };
}

export function metrics(step: number, visits: number): Metrics {
  const progress = 1 - Math.exp(-step / 4); // the model improves, then levels off
  return {
    visits,
    engagement: { logLoss: 0.69 - 0.25 * progress, baselineLogLoss: 0.66, accuracy: 0.55 + 0.22 * progress, auc: 0.5 + 0.3 * progress, calibration: 0.04 },
    activeTime: { mae: 140 - 40 * progress, baselineMae: 150 },
    next: { transitions: Math.round(visits * 0.8), top1: 0.2 + 0.2 * progress, top3: 0.35 + 0.25 * progress, baselineTop3: 0.38 },
  };
}

export function history(points: number, visitsPerPoint = 120): MetricPoint[] {
  return Array.from({ length: points }, (_, i) => ({ at: NOW - (points - i) * DAY, ...metrics(i, (i + 1) * visitsPerPoint) }));
}

export function overview(overrides: Partial<ModelOverview> = {}): ModelOverview {
  const curve = history(12);
  return {
    createdAt: NOW - 40 * DAY,
    updatedAt: NOW - 3600_000,
    visitsLearned: 1412,
    sites: 87,
    storedVisits: 1398,
    storageBytes: 2_310_000,
    config: { learningRate: 0.03, size: 'medium', parameters: 52_480, weightBytes: 209_920 },
    metrics: curve[curve.length - 1],
    history: curve,
    relearning: false,
    ...overrides,
  };
}

/** Visits by weekday and hour: evenings, more at weekends; Saturday at 20:00 is the busiest hour. */
export function habits(): number[][] {
  return Array.from({ length: 7 }, (_, day) => Array.from({ length: 24 }, (_, hour) => {
    const evening = hour >= 18 && hour <= 23 ? 6 : hour >= 8 && hour <= 17 ? 2 : 0;
    const weekend = day === 0 || day === 6 ? 3 : 0;
    return evening + weekend + (day === 6 && hour === 20 ? 9 : 0);
  }));
}

export function insights(overrides: Partial<Insights> = {}): Insights {
  const rows = ['site: github.com', 'site: news.ycombinator.com', 'hour: 21:00', 'title word: python', 'language: en', 'page kind: video'];
  const cols = 8;
  return {
    topFeatures: {
      engaged: [
        { feature: 'site: github.com', effect: 0.92 },
        { feature: 'page kind: article', effect: 0.44 },
        { feature: 'page kind: video', effect: -0.38 },
        { feature: 'came from: t.co', effect: -0.61 },
      ],
      activeTime: [{ feature: 'site: youtube.com', effect: 310 }, { feature: 'page kind: search', effect: -45 }],
      next: [{ feature: 'previous site: mail.proton.me', effect: 0.7 }],
    },
    heldBack: 14,
    baseline: { engaged: 0.38, activeSeconds: 52 },
    habits: habits(),
    hourEffect: Array.from({ length: 24 }, (_, hour) => Math.sin(((hour - 15) / 24) * 2 * Math.PI) * 0.4),
    hourShared: Array(24).fill(false),
    hiddenUnits: [
      { unit: 1, top: [{ feature: 'site: github.com', effect: 1.2 }, { feature: 'hour: 02:00', effect: -0.7 }] },
      { unit: 2, top: [{ feature: 'page kind: video', effect: 0.9 }, { feature: 'site: youtube.com', effect: 0.8 }] },
      { unit: 3, top: [{ feature: 'day: Monday', effect: -0.5 }] },
    ],
    weights: { rows, cols, values: Array.from({ length: rows.length * cols }, (_, i) => Math.cos(i * 1.7) * 0.3) },
    siteMap: {
      points: [
        { host: 'github.com', visits: 120, x: 1, y: 0.2 },
        { host: 'docs.python.org', visits: 64, x: 0.8, y: 0.4 },
        { host: 'youtube.com', visits: 50, x: -0.9, y: -0.3 },
        { host: 'news.ycombinator.com', visits: 31, x: 0.1, y: 1 },
      ],
      shown: 0.72,
    },
    following: {
      sites: ['github.com', 'docs.python.org', 'youtube.com'],
      // After github.com: docs.python.org; after docs.python.org: github.com; after youtube.com: nothing learned.
      values: [0, 1.4, -0.3, 0.9, 0, -0.2, -0.1, -0.4, 0],
    },
    ...overrides,
  };
}

export function visit(id: number, host: string, startedAt: number, title = `Page ${id} on ${host}`): StoredVisit {
  return {
    id, key: `k${id}`, seq: id, url: `https://${host}/page/${id}`, host, path: `/page/${id}`, title,
    description: '', lang: 'en', kind: 'article', words: 1200, links: 40, images: 3, videos: 0, referrerHost: '',
    activeMs: 95_000, scrollDepth: 0.8, clicks: 4, keys: 0, selections: 1, mediaMs: 0,
    startedAt, endedAt: startedAt + 120_000, source: 'page',
  };
}

/** Newest first, over three days, as the background lists them. */
export function visits(): StoredVisit[] {
  return [
    visit(57, 'github.com', NOW - 10 * 60_000, 'example/tabula: on-device user model'),
    visit(56, 'news.ycombinator.com', NOW - 40 * 60_000, 'Hacker News'),
    visit(55, 'docs.python.org', NOW - DAY, 'asyncio — Asynchronous I/O'),
    visit(54, 'github.com', NOW - DAY - 3600_000, 'Pull requests · example/tabula'),
    visit(53, 'mail.proton.me', NOW - 2 * DAY, 'Inbox'),
  ];
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { paused: false, excluded: ['bank.example.com', 'mail.proton.me'], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false, ...overrides };
}

export function importPreview(): ImportPreview {
  return { createdAt: NOW - 100 * DAY, visitsLearned: 5120, sites: 203, metrics: metrics(20, 5120), size: 'large' };
}

export function status(overrides: Partial<BackgroundStatus> = {}): BackgroundStatus {
  return {
    wokeAt: NOW - 600_000,
    rejected: { malformed: 0, sender: 0, unknown: 0 },
    dropped: { incognito: 0, paused: 0, excluded: 0, finished: 0, expired: 0, forgotten: 0, wrongSender: 0, flood: 0 },
    textAsked: { yes: 0, no: 0 },
    eventsPruned: 0,
    storageFullAt: 0,
    learnedTwice: 0,
    unreadableVisits: 0,
    modelUnsoundAt: 0,
    settingsProblems: [],
    relearning: false,
    ...overrides,
  };
}

const MIN = 60_000;

/** Four weeks ending on NOW's day: 40 minutes a day on weekdays, 90 at weekends, nothing the first week; today 25 so far. */
export function timeReport(overrides: Partial<TimeReport> = {}): TimeReport {
  const days = Array.from({ length: 28 }, (_, i) => {
    const date = new Date(NOW - (27 - i) * DAY);
    const pad = (n: number) => String(n).padStart(2, '0');
    const weekend = date.getDay() === 0 || date.getDay() === 6;
    const activeMs = i < 7 ? 0 : i === 27 ? 25 * MIN : (weekend ? 90 : 40) * MIN;
    return { day: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`, activeMs };
  });
  const averageMs = new Array<number>(24).fill(0);
  averageMs[9] = 12 * MIN;
  averageMs[21] = 30 * MIN;
  const todayMs = new Array<number>(24).fill(0);
  todayMs[9] = 10 * MIN;
  todayMs[21] = 15 * MIN;
  return {
    days,
    sites: [
      { host: 'github.com', activeMs: 410 * MIN, visits: 120 },
      { host: 'news.ycombinator.com', activeMs: 260 * MIN, visits: 300 },
      { host: 'docs.python.org', activeMs: 95 * MIN, visits: 41 },
    ],
    otherSites: { sites: 12, activeMs: 135 * MIN, visits: 77 },
    today: { activeMs: 25 * MIN, usualMs: 40 * MIN, usualByNowMs: 35 * MIN, usualDays: 20 },
    byHour: { averageMs, todayMs },
    ...overrides,
  };
}
