// The benchmark's visits: a deterministic, made-up browsing life of one person, so that every
// implementation learns from the same realistic stream of page visits. About 90 sites of every
// kind over a few topics, visited in sessions with habitual site-to-site sequences, on a daily
// and weekly rhythm; titles, descriptions and paths drawn from each site's topic. Engagement is
// drawn from a known probability: the site's appeal, the person's interest in its topic, and
// habits a linear model cannot express alone (video in the evening, reading on weekday working
// hours and at weekends). The interaction (active time, scroll, clicks, media) then follows the
// drawn label, so that model/labels.ts reads back exactly that label. A page with running text
// (not a search, a home page or a form) has 6 to 12 content keywords of its topic, as many as the
// extension keeps, drawn from a random stream of their own so that the rest of the visits are
// those drawn before pages had keywords.

import { KEYWORDS_MAX, type PageKind, type Visit } from '../../model/visit';
import { gaussian, seededRandom, type Random } from './seeded-random';

export interface BenchVisit extends Visit {
  /** The chance of engagement the stream drew this visit's label with. */
  readonly engagedProbability: number;
}

const TOPICS: Record<string, readonly string[]> = {
  code: ['typescript', 'rust', 'compiler', 'async', 'memory', 'types', 'testing', 'release', 'api', 'database', 'linux', 'kernel', 'parser', 'cache', 'browser', 'extension', 'webassembly', 'performance', 'debugging', 'refactoring'],
  news: ['election', 'economy', 'climate', 'minister', 'court', 'strike', 'inflation', 'summit', 'border', 'vote', 'budget', 'energy', 'reform', 'protest', 'trade', 'health', 'storm', 'report', 'crisis', 'policy'],
  football: ['league', 'transfer', 'goal', 'match', 'coach', 'derby', 'injury', 'season', 'cup', 'striker', 'keeper', 'penalty', 'stadium', 'fans', 'final', 'table', 'squad', 'tactics', 'highlights', 'draw'],
  cooking: ['recipe', 'bread', 'pasta', 'soup', 'curry', 'oven', 'vegan', 'cake', 'spices', 'dough', 'salad', 'roast', 'sauce', 'noodles', 'baking', 'lentils', 'dessert', 'grill', 'ferment', 'breakfast'],
  music: ['album', 'guitar', 'concert', 'playlist', 'jazz', 'vinyl', 'synth', 'chords', 'tour', 'band', 'piano', 'remix', 'lyrics', 'festival', 'drums', 'producer', 'single', 'acoustic', 'orchestra', 'live'],
  travel: ['flight', 'hotel', 'train', 'island', 'hiking', 'museum', 'beach', 'visa', 'itinerary', 'mountains', 'budget', 'city', 'ferry', 'camping', 'guide', 'tickets', 'weekend', 'rental', 'coast', 'village'],
  shopping: ['deal', 'shoes', 'laptop', 'headphones', 'review', 'price', 'jacket', 'delivery', 'discount', 'phone', 'camera', 'desk', 'chair', 'watch', 'backpack', 'kettle', 'sale', 'warranty', 'bundle', 'refurbished'],
};
const COMMON_WORDS = ['new', 'best', 'guide', 'today', 'week', 'how', 'why', 'first', 'update', 'free', 'years', 'world', 'big', 'small', 'part', 'full'];

type SiteRole = 'reading' | 'video' | 'search' | 'mail' | 'social' | 'shop' | 'docs' | 'forum';

interface RoleShape {
  readonly kinds: readonly PageKind[];
  readonly appeal: number; // logit of engagement on an average visit
  readonly words: number;
  readonly videos: number;
}

const ROLES: Record<SiteRole, RoleShape> = {
  reading: { kinds: ['article', 'article', 'listing', 'home'], appeal: 0.2, words: 1500, videos: 0 },
  video: { kinds: ['video', 'video', 'listing'], appeal: 0, words: 300, videos: 1 },
  search: { kinds: ['search'], appeal: -2, words: 400, videos: 0 },
  mail: { kinds: ['other', 'listing'], appeal: -0.6, words: 200, videos: 0 },
  social: { kinds: ['listing', 'other', 'video'], appeal: -0.4, words: 600, videos: 1 },
  shop: { kinds: ['listing', 'other', 'form'], appeal: -0.8, words: 500, videos: 0 },
  docs: { kinds: ['article', 'article', 'listing'], appeal: 0.3, words: 2500, videos: 0 },
  forum: { kinds: ['listing', 'article', 'form'], appeal: -0.2, words: 900, videos: 0 },
};

/** How many sites of each role the person uses, and the topics they are about. */
const SITE_PLAN: readonly [SiteRole, number][] = [
  ['reading', 26], ['video', 10], ['search', 3], ['mail', 2], ['social', 8], ['shop', 16], ['docs', 12], ['forum', 13],
];
const LANGS = ['en', 'en', 'en', 'en', 'fr', 'de'];

interface Site {
  readonly host: string;
  readonly role: SiteRole;
  readonly topic: string;
  readonly lang: string;
  readonly sections: readonly string[];
  readonly appeal: number;
  readonly habits: readonly number[]; // the sites usually visited next
}

interface Person {
  readonly interest: Record<string, number>; // topic → logit added to engagement
  readonly popularity: Float64Array; // cumulative chance of starting a session on each site
}

/** A stream of visits, in time order, one person per seed. */
export function benchVisits(count: number, seed: number): BenchVisit[] {
  const random = seededRandom(seed);
  const keywordRandom = seededRandom(seed ^ 0x6b657973);
  const sites = makeSites(random);
  const person = makePerson(sites, random);
  const visits: BenchVisit[] = [];
  const day0 = new Date(2026, 0, 5).getTime(); // a Monday, local time: the hours the features read are the person's
  let day = 0;
  let sessionStart = startOfFirstSession(random);
  while (visits.length < count) {
    let at = day0 + day * 86_400_000 + sessionStart;
    let site = drawSite(person.popularity, random);
    let previous = -1;
    const length = 1 + Math.floor(-Math.log(1 - random()) * 7); // sessions of about 8 visits, often fewer
    for (let v = 0; v < length && visits.length < count; v++) {
      const hour = Math.floor((at - day0 - day * 86_400_000) / 3_600_000);
      const habitual = previous >= 0 && sites[previous].habits.includes(site);
      const visit = makeVisit(sites[site], previous >= 0 ? sites[previous] : undefined, person, at, { hour, weekend: day % 7 >= 5, habitual }, random);
      visits.push({ ...visit, keywords: contentKeywords(sites[site].topic, visit.kind, keywordRandom) });
      at = visit.endedAt + 5_000 + Math.floor(random() * 90_000);
      previous = site;
      site = random() < 0.65 ? sites[site].habits[Math.floor(random() * sites[site].habits.length)] : drawSite(person.popularity, random);
    }
    // The next session: later the same day, or the next morning.
    sessionStart = at - (day0 + day * 86_400_000) + 3_600_000 * (0.6 + 3 * random());
    if (sessionStart > 23 * 3_600_000) {
      day++;
      sessionStart = startOfFirstSession(random);
    }
  }
  return visits;
}

function makeSites(random: Random): Site[] {
  const topics = Object.keys(TOPICS);
  const sites: Omit<Site, 'habits'>[] = [];
  for (const [role, count] of SITE_PLAN) {
    for (let i = 0; i < count; i++) {
      const topic = role === 'search' || role === 'mail' ? 'news' : topics[Math.floor(random() * topics.length)];
      const words = TOPICS[topic];
      const name = `${words[Math.floor(random() * words.length)]}-${role}${i}`;
      sites.push({
        host: `${role === 'reading' || role === 'docs' ? '' : 'www.'}${name}.${['com', 'org', 'net', 'io'][i % 4]}`,
        role,
        topic,
        lang: LANGS[Math.floor(random() * LANGS.length)],
        sections: Array.from({ length: 2 + Math.floor(random() * 4) }, () => words[Math.floor(random() * words.length)]),
        appeal: ROLES[role].appeal + 0.8 * gaussian(random),
      });
    }
  }
  return sites.map((site) => ({
    ...site,
    habits: Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * sites.length)),
  }));
}

function makePerson(sites: readonly Site[], random: Random): Person {
  const interest: Record<string, number> = {};
  for (const topic of Object.keys(TOPICS)) interest[topic] = 1.2 * gaussian(random);
  // Popularity by a Zipf law over a shuffled order of the sites: a few sites make most visits.
  const order = sites.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const weights = new Float64Array(sites.length);
  order.forEach((site, rank) => (weights[site] = 1 / (rank + 1)));
  let total = 0;
  const popularity = weights.map((weight) => (total += weight));
  return { interest, popularity: popularity.map((sum) => sum / total) };
}

function drawSite(popularity: Float64Array, random: Random): number {
  const u = random();
  let site = 0;
  while (site < popularity.length - 1 && popularity[site] <= u) site++;
  return site;
}

/** Morning: 7 to 10 o'clock. */
function startOfFirstSession(random: Random): number {
  return Math.floor(3_600_000 * (7 + 3 * random()));
}

/** When a visit happens: the person's hour of the day (by the stream's own clock), the weekend, and whether the site followed the last by habit. */
interface Moment {
  readonly hour: number;
  readonly weekend: boolean;
  readonly habitual: boolean;
}

/** The chance of engagement: the site, the topic, and the hour and weekday with the kind of page. */
function engagedProbability(site: Site, kind: PageKind, person: Person, { hour, weekend, habitual }: Moment): number {
  let logit = site.appeal + person.interest[site.topic];
  const evening = hour >= 19;
  const workHours = !weekend && hour >= 9 && hour < 18;
  if (kind === 'video') logit += evening || weekend ? 1.2 : -1.2;
  if (kind === 'article') logit += (site.role === 'docs') === workHours ? 0.9 : -0.5;
  if (kind === 'article' && weekend && site.role === 'reading') logit += 0.8;
  if (habitual) logit += 0.4;
  return 1 / (1 + Math.exp(-logit));
}

function makeVisit(site: Site, previous: Site | undefined, person: Person, at: number, moment: Moment, random: Random): BenchVisit {
  const role = ROLES[site.role];
  const kind = role.kinds[Math.floor(random() * role.kinds.length)];
  const words = TOPICS[site.topic];
  const pick = (): string => (random() < 0.8 ? words[Math.floor(random() * words.length)] : COMMON_WORDS[Math.floor(random() * COMMON_WORDS.length)]);
  const section = site.sections[Math.floor(random() * site.sections.length)];
  const path = kind === 'home' ? '/' : kind === 'search' ? '/search' : `/${section}/${kind === 'article' ? `${pick()}-${pick()}-${Math.floor(random() * 1e6)}` : pick()}`;
  const title = Array.from({ length: 3 + Math.floor(random() * 6) }, pick).join(' ');
  const description = kind === 'search' ? '' : Array.from({ length: 6 + Math.floor(random() * 8) }, pick).join(' ');
  const probability = engagedProbability(site, kind, person, moment);
  const engaged = random() < probability;
  const activeMs = engaged ? Math.round(30_000 * Math.exp(1.2 * Math.abs(gaussian(random)))) : Math.round(9_000 * random());
  const mediaMs = kind === 'video' && engaged ? Math.round(activeMs * (0.5 + 0.5 * random())) : 0;
  const size = (mean: number): number => Math.round(mean * Math.exp(0.6 * gaussian(random)));
  return {
    url: `https://${site.host}${path}`,
    host: site.host,
    path,
    title,
    description,
    lang: site.lang,
    kind,
    words: size(role.words),
    links: size(80),
    images: size(6),
    videos: role.videos > 0 && kind === 'video' ? 1 : 0,
    referrerHost: previous !== undefined && random() < 0.6 ? previous.host : '',
    activeMs,
    scrollDepth: engaged ? 0.4 + 0.6 * random() : 0.3 * random(),
    clicks: engaged ? Math.floor(4 * random()) : random() < 0.2 ? 1 : 0,
    keys: site.role === 'search' || site.role === 'mail' ? Math.floor(30 * random()) : 0,
    selections: engaged && random() < 0.2 ? 1 : 0,
    mediaMs,
    startedAt: at,
    endedAt: at + activeMs + Math.floor(20_000 * random()),
    engagedProbability: probability,
  };
}

/** 6 to KEYWORDS_MAX distinct words of the topic for a page with running text; none for a search, a home page or a form. */
function contentKeywords(topic: string, kind: PageKind, random: Random): string[] {
  if (kind === 'search' || kind === 'home' || kind === 'form') return [];
  const words = [...TOPICS[topic]];
  const count = 6 + Math.floor(random() * (KEYWORDS_MAX - 5));
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (words.length - i));
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.slice(0, count);
}
