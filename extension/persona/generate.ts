// A person's browsing, day after day: how many sessions a day and when (the daily and weekly
// rhythm), which sites each session goes through (routines, staying on a site, habitual next
// sites, what the time of day calls for), and for each visit its page, the known chance that it
// is engaged, the outcome drawn from that chance, and the interaction drawn to fit the outcome.
import type { Visit } from '../../model/visit';
import { Draw } from './draw';
import { EFFECTS, engagementProbability } from './engagement';
import { drawInteraction } from './interaction';
import { drawPage, drawKind } from './pages';
import { drawPerson, STAY, type Person, type PersonSite, type RoutineTime } from './person';
import type { SiteCategory } from './sites';

export interface PersonaOptions {
  days: number;
  seed: number;
  /** Midnight (UTC) of the first day; a Monday by default. */
  start?: number;
}

/** A visit of the log, with the content keywords of its page. */
export type PersonaVisit = Visit & { keywords: string[] };

export interface PersonaRecord {
  visit: PersonaVisit;
  /** The chance, known to the generator, that this visit is engaged. */
  probability: number;
  /** The outcome drawn from that chance; the visit's interaction was drawn to fit it. */
  engaged: boolean;
}

export const DEFAULT_START = Date.UTC(2025, 0, 6);
const HOUR = 3_600_000;
/** Sessions are at least this far apart, so that the learner's 30-minute break separates them as the generator does. */
const SESSION_GAP_MS = 31 * 60_000;
/** Median pages of a session, and the spread of its logarithm. */
const SESSION_MEDIAN = 6;
const SESSION_SIGMA = 0.8;
const MEAN_SESSION = SESSION_MEDIAN * Math.exp(SESSION_SIGMA ** 2 / 2);
/** Chance that a workday is a day off (holiday, illness). */
const DAY_OFF = 0.03;
/** Chance that a session starts with a routine that fits its time. */
const ROUTINE = 0.6;
/** Chance that leaving a site goes to one of its habitual next sites. */
const HABIT = 0.65;

/** Where a visit stands in the person's week. */
interface Moment {
  hour: number;
  restDay: boolean;
  workHours: boolean;
  evening: boolean;
}

export function generatePersona(options: PersonaOptions): { person: Person; records: PersonaRecord[] } {
  const draw = new Draw(options.seed);
  const person = drawPerson(draw);
  const start = options.start ?? DEFAULT_START;
  const records: PersonaRecord[] = [];
  let lastEnd = -Infinity;
  for (let day = 0; day < options.days; day++) {
    const dayStart = start + day * 24 * HOUR;
    const weekday = new Date(dayStart).getUTCDay();
    const restDay = weekday === 0 || weekday === 6 || draw.chance(DAY_OFF);
    const mood = draw.normal(0, EFFECTS.moodStd);
    const volume = person.visitsPerDay * (restDay ? 0.85 : 1) * draw.logNormal(1, 0.25);
    const starts = sessionStarts(draw, person, restDay, draw.poisson(volume / MEAN_SESSION));
    const bedtime = dayStart + (person.bedHour + 1) * HOUR;
    for (const hour of starts) {
      const at = Math.round(Math.max(dayStart + hour * HOUR, lastEnd + SESSION_GAP_MS));
      if (at > bedtime) break;
      lastEnd = session(draw, person, { at, dayStart, restDay, mood }, records);
    }
  }
  return { person, records };
}

/** Start hours of a day's sessions, drawn from the person's hourly activity and sorted. */
function sessionStarts(draw: Draw, person: Person, restDay: boolean, count: number): number[] {
  const hours: number[] = [];
  while (hours.length < count) {
    const hour = draw.uniform(0, 26);
    if (draw.next() * 1.6 < activity(person, restDay, hour)) hours.push(hour);
  }
  return hours.sort((a, b) => a - b);
}

/** How likely a session is to start at an hour (0 asleep, 1.6 at the busiest). */
function activity(person: Person, restDay: boolean, hour: number): number {
  const wake = person.wakeHour + (restDay ? 1.2 : 0);
  if (hour < wake || hour >= person.bedHour) return 0;
  if (restDay) return hour < 12 ? 1 : hour < 18 ? 1.1 : 1.5;
  if (hour < person.workStart) return 1.2;
  if (hour >= 12.25 && hour < 13.25) return 1.6;
  if (hour < person.workEnd) return 1.2;
  return hour < 19 ? 0.7 : 1.5;
}

function momentOf(person: Person, at: number, dayStart: number, restDay: boolean): Moment {
  const hour = (at - dayStart) / HOUR;
  const clock = hour % 24;
  const lunch = hour >= 12.25 && hour < 13.25;
  return {
    hour,
    restDay,
    workHours: !restDay && hour >= person.workStart && hour < person.workEnd && !lunch,
    evening: clock >= 18 || clock < 2,
  };
}

/** How much more likely a site of a category is picked at a moment than at other times. */
function timeAffinity(category: SiteCategory, moment: Moment): number {
  let factor = 1;
  if (moment.workHours) factor *= WORK_HOURS_AFFINITY[category] ?? 1;
  if (moment.evening) factor *= EVENING_AFFINITY[category] ?? 1;
  if (moment.restDay) factor *= REST_DAY_AFFINITY[category] ?? 1;
  return factor;
}

const WORK_HOURS_AFFINITY: Partial<Record<SiteCategory, number>> = {
  work: 3, docs: 3, mail: 1.5, search: 1.5, video: 0.3, shopping: 0.4, social: 0.7, blog: 0.6,
};
const EVENING_AFFINITY: Partial<Record<SiteCategory, number>> = {
  video: 2.5, social: 1.5, shopping: 1.5, work: 0.15, docs: 0.3, blog: 1.3, mail: 0.7,
};
const REST_DAY_AFFINITY: Partial<Record<SiteCategory, number>> = {
  work: 0.1, docs: 0.3, blog: 1.6, video: 1.3, shopping: 1.5, reference: 1.3,
};

function routineFits(at: RoutineTime, person: Person, moment: Moment): boolean {
  switch (at) {
    case 'morning': return moment.hour < person.wakeHour + (moment.restDay ? 3.5 : 2.5);
    case 'work-start': return !moment.restDay && Math.abs(moment.hour - person.workStart) < 1;
    case 'lunch': return !moment.restDay && moment.hour >= 12 && moment.hour < 14;
    case 'evening': return moment.hour >= 19;
    case 'weekend-morning': return moment.restDay && moment.hour < 12.5;
  }
}

interface Day {
  at: number;
  dayStart: number;
  restDay: boolean;
  mood: number;
}

/** One session from `day.at`: its visits are added to `records`; returns when its last visit ended. */
function session(draw: Draw, person: Person, day: Day, records: PersonaRecord[]): number {
  const byHost = (host: string): PersonSite => person.sites.find((site) => site.host === host)!;
  const pickByTime = (moment: Moment): PersonSite =>
    person.sites[draw.weighted(person.sites.map((site) => site.popularity * timeAffinity(site.category, moment)))];
  let at = day.at;
  let moment = momentOf(person, at, day.dayStart, day.restDay);
  const routine = person.routines.filter((candidate) => routineFits(candidate.at, person, moment));
  const planned = routine.length > 0 && draw.chance(ROUTINE) ? [...draw.pick(routine).hosts] : [];
  const length = Math.max(planned.length, Math.min(60, Math.round(draw.logNormal(SESSION_MEDIAN, SESSION_SIGMA))));
  let previous: PersonSite | null = null;
  let end = at;
  for (let position = 0; position < length; position++) {
    moment = momentOf(person, at, day.dayStart, day.restDay);
    let site: PersonSite;
    let referrer = '';
    // Following a routine, the person stays on a site half as often.
    if (previous !== null && draw.chance(STAY[previous.category] * (planned.length > 0 ? 0.5 : 1))) {
      site = previous;
      referrer = draw.chance(0.9) ? previous.host : '';
    } else if (planned.length > 0) {
      site = byHost(planned.shift()!);
    } else if (previous !== null && draw.chance(HABIT) && previous.successors.length > 0) {
      site = byHost(draw.pick(previous.successors));
      referrer = previous.category === 'search' || draw.chance(0.5) ? previous.host : '';
    } else {
      site = pickByTime(moment);
    }
    // The first page of mail in a session is the inbox, most of the time.
    const firstOnSite = previous?.host !== site.host;
    const kind = site.category === 'mail' && firstOnSite && draw.chance(0.7) ? 'home' : drawKind(draw, site);
    const { topic, ...page } = drawPage(draw, person, site, kind);
    const probability = engagementProbability({
      interest: topic === null ? 0 : person.interests.get(topic)!,
      affinity: site.affinity,
      kind: page.kind,
      category: site.category,
      words: page.words,
      workHours: moment.workHours,
      evening: moment.evening,
      restDay: moment.restDay,
      position,
      mood: day.mood,
    });
    const engaged = draw.chance(probability);
    const { idleMs, ...interaction } = drawInteraction(draw, { kind: page.kind, words: page.words, category: site.category }, engaged);
    end = at + interaction.activeMs + idleMs;
    records.push({ visit: { ...page, referrerHost: referrer, ...interaction, startedAt: at, endedAt: end }, probability, engaged });
    previous = site;
    at = end + Math.min(10 * 60_000, Math.round(draw.logNormal(3000, 1)));
  }
  return end;
}
