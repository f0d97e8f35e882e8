// The chance that a visit is engaged (model/labels.ts says what engaged means), known exactly for
// every visit: the log-odds are a sum of effects, some of them crossings of the page with the
// time (video in the evening, docs on workdays, long reads on rest days) that no weighted sum of
// the page's features and the time alone can express (the learner's crossed tokens are there for
// them), and two that no token shows (the day's mood, the tiredness of a long session).
// docs/persona.md explains each.
import type { PageKind } from '../../model/visit';
import type { SiteCategory } from './sites';

/** Every effect, in log-odds. */
export const EFFECTS = {
  base: -1.0,
  /** Times the person's interest in the page's topic (about -1.5 to 2). */
  interest: 1.2,
  kind: { article: 0.3, video: 0.1, search: -1.8, form: 0.5, listing: -0.6, home: -1.2, other: -0.4 } satisfies Record<PageKind, number>,
  category: {
    search: 0, mail: 0.2, news: 0, docs: 0, work: 0.4, video: 0, social: -0.3, shopping: 0, reference: 0.1, blog: 0.2,
  } satisfies Record<SiteCategory, number>,
  /** A video page in the evening (18:00 to 02:00), and during working hours. */
  videoEvening: 1.4,
  videoWorkHours: -1.3,
  /** A docs or work-tool page during working hours, and on a rest day. */
  workPageWorkHours: 1.1,
  workPageRestDay: -1.3,
  /** An article of 1,800 words or more on a rest day, and during working hours. */
  longReadRestDay: 1.5,
  longReadWorkHours: -1.0,
  /** Per page of a session past the sixth, down to `fatigueFloor`. */
  fatigue: -0.05,
  fatigueFloor: -0.6,
  /** Standard deviation of the day's mood, drawn once a day. */
  moodStd: 0.25,
} as const;

export const LONG_READ_WORDS = 1800;

/** What the chance of an engaged visit depends on. */
export interface EngagementInputs {
  /** The person's interest in the page's topic, and their affinity to the site (log-odds). */
  interest: number;
  affinity: number;
  kind: PageKind;
  category: SiteCategory;
  words: number;
  /** Working hours of a workday (lunch excluded). */
  workHours: boolean;
  evening: boolean;
  /** A weekend day or a day off. */
  restDay: boolean;
  /** Position of the page in its session, from 0. */
  position: number;
  /** The day's mood (log-odds). */
  mood: number;
}

export function engagementLogit(x: EngagementInputs): number {
  let logit = EFFECTS.base + EFFECTS.interest * x.interest + x.affinity + EFFECTS.kind[x.kind] + EFFECTS.category[x.category] + x.mood;
  if (x.kind === 'video') logit += (x.evening ? EFFECTS.videoEvening : 0) + (x.workHours ? EFFECTS.videoWorkHours : 0);
  if (x.category === 'docs' || x.category === 'work') {
    logit += (x.workHours ? EFFECTS.workPageWorkHours : 0) + (x.restDay ? EFFECTS.workPageRestDay : 0);
  }
  if (x.kind === 'article' && x.words >= LONG_READ_WORDS) {
    logit += (x.restDay ? EFFECTS.longReadRestDay : 0) + (x.workHours ? EFFECTS.longReadWorkHours : 0);
  }
  logit += Math.max(EFFECTS.fatigueFloor, EFFECTS.fatigue * Math.max(0, x.position - 5));
  return logit;
}

export function engagementProbability(x: EngagementInputs): number {
  return 1 / (1 + Math.exp(-engagementLogit(x)));
}
