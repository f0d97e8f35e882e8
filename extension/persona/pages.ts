// The page a visit opens: its kind, topic, address, title, description, content keywords and
// size, drawn for the site it is on. Titles and descriptions are made of the topic's words (and a
// few common ones), so that what a page is about shows in its words as it would on the web. A
// search results page has neither title nor description, as the extension keeps it.
import { KEYWORDS_MAX, type PageFeatures, type PageKind } from '../../model/visit';
import type { Draw } from './draw';
import type { Person, PersonSite } from './person';
import { PAGE_KINDS_OF } from './sites';
import { COMMON_WORDS, TOPICS, type Topic } from './topics';

export interface Page extends PageFeatures {
  keywords: string[];
  /** What the page is about; null for a site's home page (an inbox, a front page), which is about nothing in particular. */
  topic: string | null;
}

/** Median size of a page of each kind, in words, links and images (each drawn log-normally around it). */
const SIZE: Record<PageKind, { words: number; links: number; images: number }> = {
  article: { words: 900, links: 60, images: 5 },
  video: { words: 250, links: 80, images: 20 },
  search: { words: 350, links: 90, images: 4 },
  form: { words: 120, links: 15, images: 1 },
  listing: { words: 700, links: 150, images: 30 },
  home: { words: 500, links: 120, images: 15 },
  other: { words: 300, links: 50, images: 6 },
};
/** Articles on blogs and reference sites run longer than news. */
const LENGTH_FACTOR: Partial<Record<PersonSite['category'], number>> = { blog: 1.5, reference: 1.3, docs: 1.1 };

export function drawPage(draw: Draw, person: Person, site: PersonSite, kind = drawKind(draw, site)): Page {
  const topic = drawTopic(draw, person, site);
  const size = SIZE[kind];
  const words = Math.round(draw.logNormal(size.words * (kind === 'article' ? LENGTH_FACTOR[site.category] ?? 1 : 1), 0.55));
  const path = pathOf(draw, site, kind, topic);
  const text = kind === 'search' ? { title: '', description: '' } : titleAndDescription(draw, site, kind, topic);
  return {
    url: `https://${site.host}${path}`,
    host: site.host,
    path,
    ...text,
    lang: 'en',
    kind,
    words,
    links: Math.round(draw.logNormal(size.links, 0.5)),
    images: Math.round(draw.logNormal(size.images, 0.7)),
    videos: kind === 'video' ? 1 : draw.chance(0.05) ? 1 : 0,
    referrerHost: '',
    keywords: kind === 'search' || kind === 'form' || kind === 'home' ? [] : draw.sample(topic.words, 6 + draw.int(KEYWORDS_MAX - 5)),
    topic: kind === 'home' ? null : topic.name,
  };
}

export function drawKind(draw: Draw, site: PersonSite): PageKind {
  const kinds = Object.entries(PAGE_KINDS_OF[site.category]) as [PageKind, number][];
  return kinds[draw.weighted(kinds.map(([, weight]) => weight))][0];
}

/** A topic of the site, those the person likes more often (people open what interests them). */
function drawTopic(draw: Draw, person: Person, site: PersonSite): Topic {
  const topics = site.topics.length === 0 ? TOPICS : TOPICS.filter((topic) => site.topics.includes(topic.name));
  return topics[draw.weighted(topics.map((topic) => Math.exp(1.2 * person.interests.get(topic.name)!)))];
}

function titleAndDescription(draw: Draw, site: PersonSite, kind: PageKind, topic: Topic): { title: string; description: string } {
  if (kind === 'home') return { title: site.category === 'mail' ? `Inbox - ${site.name}` : site.name, description: '' };
  if (kind === 'listing') return { title: `${capital(topic.section)} | ${site.name}`, description: phrase(draw, topic, 8, 2) };
  if (kind === 'form') {
    const title = site.category === 'mail' ? 'New message' : site.category === 'shopping' ? 'Checkout' : `Edit ${phrase(draw, topic, 2, 0)}`;
    return { title: `${title} - ${site.name}`, description: '' };
  }
  return { title: `${capital(phrase(draw, topic, 3 + draw.int(3), draw.int(2)))} - ${site.name}`, description: phrase(draw, topic, 9 + draw.int(6), 3) };
}

/** `count` words of the topic with `common` common words among them. */
function phrase(draw: Draw, topic: Topic, count: number, common: number): string {
  const words = [...draw.sample(topic.words, count - common), ...draw.sample(COMMON_WORDS, common)];
  return draw.sample(words, words.length).join(' ');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An address shaped as the site's own; ids are long numbers, which the learner reads as `*`. */
function pathOf(draw: Draw, site: PersonSite, kind: PageKind, topic: Topic): string {
  const id = String(100_000 + draw.int(900_000));
  const slug = draw.sample(topic.words, 3).join('-');
  if (kind === 'home') return site.category === 'mail' ? '/mail/inbox' : '/';
  if (kind === 'search') return site.category === 'search' ? '/search' : `/search/${topic.section}`;
  if (kind === 'listing') return `/${topic.section}`;
  if (kind === 'form') return site.category === 'mail' ? '/mail/compose' : `/${topic.section}/${id}/edit`;
  switch (site.category) {
    case 'mail': return `/mail/inbox/${id}`;
    case 'video': return `/watch/${id}`;
    case 'social': return `/${topic.section}/comments/${id}/${slug}`;
    case 'shopping': return `/item/${id}/${slug}`;
    case 'docs': return `/docs/${topic.section}/${slug}`;
    case 'work': return `/${topic.section}/${id}`;
    default: return `/${topic.section}/2025/${slug}`;
  }
}
