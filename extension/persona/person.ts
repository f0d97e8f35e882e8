// One simulated person, drawn from a seed: when they wake, work and sleep, how much they browse,
// which topics they like, the few dozen sites they use (how often, how much they like each, what
// they habitually open next) and their routines (the same few sites in the same order at the
// same time of day). docs/persona.md gives the ranges and where they come from.
import { Draw } from './draw';
import { SITES, type SiteCategory, type SiteTemplate } from './sites';
import { TOPICS } from './topics';

export const OCCUPATIONS = ['developer', 'analyst', 'researcher'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** The topic each occupation works on, and the sites of its working day. */
const WORK: Record<Occupation, { topic: string; docs: string[]; work: string[] }> = {
  developer: {
    topic: 'programming',
    docs: ['developer.mozilla.org', 'stackoverflow.com', 'docs.python.org', 'www.typescriptlang.org', 'docs.rs'],
    work: ['github.com', 'linear.app', 'app.slack.com'],
  },
  analyst: { topic: 'economy', docs: ['www.investopedia.com', 'stackoverflow.com'], work: ['docs.google.com', 'www.notion.so', 'app.slack.com'] },
  researcher: {
    topic: 'machine-learning',
    docs: ['arxiv.org', 'pytorch.org', 'www.nature.com', 'stackoverflow.com'],
    work: ['github.com', 'www.overleaf.com', 'docs.google.com'],
  },
};

/** How often a site of each category is the one picked, before the person's own preferences. */
const CATEGORY_POPULARITY: Record<SiteCategory, number> = {
  search: 8, mail: 6, news: 4, docs: 4, work: 5, video: 4, social: 5, shopping: 1.5, reference: 2.5, blog: 1.5,
};

/** The chance that the next page of a session is on the same site. */
export const STAY: Record<SiteCategory, number> = {
  search: 0.08, mail: 0.4, news: 0.5, docs: 0.55, work: 0.55, video: 0.6, social: 0.45, shopping: 0.55, reference: 0.35, blog: 0.3,
};

/** The categories a site of each category habitually leads to. */
const LEADS_TO: Record<SiteCategory, SiteCategory[]> = {
  search: ['docs', 'reference', 'news', 'shopping', 'blog'],
  mail: ['work', 'news', 'social', 'docs'],
  news: ['news', 'social', 'video', 'reference'],
  docs: ['docs', 'work', 'search'],
  work: ['docs', 'work', 'mail', 'search'],
  video: ['video', 'social', 'shopping'],
  social: ['video', 'news', 'blog', 'social'],
  shopping: ['shopping', 'search', 'video'],
  reference: ['reference', 'search', 'blog'],
  blog: ['social', 'blog', 'reference', 'video'],
};

export interface PersonSite extends SiteTemplate {
  /** Weight of the site when a session starts or a session jumps to a site. */
  popularity: number;
  /** How much more (or less) this person engages with this site, in log-odds. */
  affinity: number;
  /** The sites (hosts) this person habitually opens after this one. */
  successors: string[];
}

/** When a routine happens: the first hours of the day, the start of work, lunch, the evening, weekend mornings. */
export const ROUTINE_TIMES = ['morning', 'work-start', 'lunch', 'evening', 'weekend-morning'] as const;
export type RoutineTime = (typeof ROUTINE_TIMES)[number];

export interface Routine {
  at: RoutineTime;
  hosts: string[];
}

export interface Person {
  occupation: Occupation;
  /** Hours of the day (fractional, UTC, which is the person's local time). */
  wakeHour: number;
  bedHour: number;
  workStart: number;
  workEnd: number;
  /** Average visits a workday. */
  visitsPerDay: number;
  /** Interest in each topic, in log-odds of an engaged visit (about -1.5 to 2). */
  interests: Map<string, number>;
  sites: PersonSite[];
  routines: Routine[];
}

export function drawPerson(draw: Draw): Person {
  const occupation = draw.pick(OCCUPATIONS);
  const interests = drawInterests(draw, WORK[occupation].topic);
  const sites = chooseSites(draw, occupation, interests);
  for (const site of sites) site.successors = drawSuccessors(draw, site, sites);
  return {
    occupation,
    wakeHour: draw.uniform(6.3, 8.3),
    bedHour: draw.uniform(22.5, 24.5),
    workStart: draw.uniform(8.3, 9.7),
    workEnd: draw.uniform(17, 18.5),
    visitsPerDay: draw.uniform(88, 106),
    interests,
    sites,
    routines: drawRoutines(draw, sites),
  };
}

/** Four passions, three dislikes, the rest lukewarm; the work topic is at least a mild interest. */
function drawInterests(draw: Draw, workTopic: string): Map<string, number> {
  const interests = new Map(TOPICS.map((topic) => [topic.name, draw.normal(0, 0.35)]));
  const names = draw.sample(TOPICS.map((topic) => topic.name), 7);
  for (const name of names.slice(0, 4)) interests.set(name, draw.uniform(0.9, 1.8));
  for (const name of names.slice(4)) interests.set(name, -draw.uniform(0.7, 1.4));
  interests.set(workTopic, Math.max(interests.get(workTopic)!, draw.uniform(0.6, 1.2)));
  return interests;
}

function chooseSites(draw: Draw, occupation: Occupation, interests: Map<string, number>): PersonSite[] {
  const liking = (site: SiteTemplate): number =>
    site.topics.length === 0 ? 0.5 : Math.max(...site.topics.map((topic) => interests.get(topic)!));
  const of = (category: SiteCategory): SiteTemplate[] => SITES.filter((site) => site.category === category);
  /** `count` sites of a category, those about the person's interests more likely. */
  const some = (category: SiteCategory, count: number, candidates = of(category)): SiteTemplate[] => {
    const pool = [...candidates];
    const chosen: SiteTemplate[] = [];
    while (chosen.length < count && pool.length > 0) {
      const i = draw.weighted(pool.map((site) => Math.exp(2 * liking(site))));
      chosen.push(pool.splice(i, 1)[0]);
    }
    return chosen;
  };
  const work = WORK[occupation];
  const byHost = (hosts: string[]): SiteTemplate[] => SITES.filter((site) => hosts.includes(site.host));
  const templates = [
    ...some('search', draw.chance(0.3) ? 2 : 1),
    ...some('mail', draw.chance(0.3) ? 2 : 1),
    ...some('news', 5 + draw.int(3)),
    ...some('docs', 3 + draw.int(2), byHost(work.docs)),
    ...some('work', 2 + draw.int(2), byHost(work.work)),
    ...byHost(['www.youtube.com']),
    ...some('video', 1 + draw.int(2), of('video').filter((site) => site.host !== 'www.youtube.com')),
    ...some('social', 3 + draw.int(3)),
    ...some('shopping', 3 + draw.int(2)),
    ...byHost(['en.wikipedia.org']),
    ...some('reference', 2 + draw.int(2), of('reference').filter((site) => site.host !== 'en.wikipedia.org')),
    ...some('blog', 3 + draw.int(3)),
  ];
  // The first site of a category is used most: popularity falls with the rank within it (Zipf-like).
  const rank = new Map<SiteCategory, number>();
  return templates.map((site) => {
    const r = (rank.get(site.category) ?? 0) + 1;
    rank.set(site.category, r);
    return {
      ...site,
      popularity: (CATEGORY_POPULARITY[site.category] / r ** 0.8) * draw.logNormal(1, 0.3),
      affinity: draw.normal(0, 0.5),
      successors: [],
    };
  });
}

/** Two or three sites of the categories this one leads to, or the same site. */
function drawSuccessors(draw: Draw, site: PersonSite, sites: PersonSite[]): string[] {
  const candidates = sites.filter((other) => other.host !== site.host && LEADS_TO[site.category].includes(other.category));
  const count = 2 + draw.int(2);
  const successors: string[] = [];
  while (successors.length < count && candidates.length > 0) {
    const i = draw.weighted(candidates.map((other) => other.popularity));
    successors.push(candidates.splice(i, 1)[0].host);
  }
  return successors;
}

/** Which categories each routine strings together, in order. */
const ROUTINE_SHAPES: Record<RoutineTime, SiteCategory[]> = {
  'morning': ['mail', 'news', 'news', 'social'],
  'work-start': ['mail', 'work', 'docs'],
  'lunch': ['social', 'news', 'blog'],
  'evening': ['video', 'social', 'shopping'],
  'weekend-morning': ['news', 'blog', 'reference'],
};

function drawRoutines(draw: Draw, sites: PersonSite[]): Routine[] {
  return ROUTINE_TIMES.filter(() => draw.chance(0.85)).map((at) => {
    const hosts: string[] = [];
    for (const category of ROUTINE_SHAPES[at]) {
      const options = sites.filter((site) => site.category === category && !hosts.includes(site.host));
      if (options.length > 0) hosts.push(options[draw.weighted(options.map((site) => site.popularity))].host);
    }
    return { at, hosts };
  });
}
