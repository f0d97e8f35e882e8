// The sites a person can use: every kind of site (search, mail, news, docs, work tools, video,
// social, shopping, reference, blogs), each with the topics its pages are about and the kinds of
// page it serves. A person uses a few dozen of them (person.ts).
import type { PageKind } from '../../model/visit';

export const SITE_CATEGORIES = ['search', 'mail', 'news', 'docs', 'work', 'video', 'social', 'shopping', 'reference', 'blog'] as const;
export type SiteCategory = (typeof SITE_CATEGORIES)[number];

export interface SiteTemplate {
  host: string;
  category: SiteCategory;
  /** Topics of its pages; empty: any topic, as the person's interests lead. */
  topics: readonly string[];
  /** Name shown in its titles (`… | MDN`). */
  name: string;
}

/** The kinds of page each category serves, with their weights. */
export const PAGE_KINDS_OF: Record<SiteCategory, Partial<Record<PageKind, number>>> = {
  search: { search: 0.92, home: 0.08 },
  mail: { home: 0.45, other: 0.4, form: 0.15 },
  news: { home: 0.12, listing: 0.12, article: 0.7, video: 0.06 },
  docs: { article: 0.78, listing: 0.12, search: 0.1 },
  work: { other: 0.5, listing: 0.25, form: 0.15, home: 0.1 },
  video: { video: 0.8, home: 0.1, listing: 0.1 },
  social: { listing: 0.5, other: 0.35, home: 0.1, video: 0.05 },
  shopping: { other: 0.45, listing: 0.3, search: 0.13, form: 0.12 },
  reference: { article: 0.85, listing: 0.1, search: 0.05 },
  blog: { article: 0.85, listing: 0.15 },
};

const ANY: readonly string[] = [];
const NEWS = ['world-news', 'politics', 'economy', 'science', 'football', 'film-tv', 'books', 'travel', 'music', 'cars'];

export const SITES: readonly SiteTemplate[] = [
  { host: 'www.google.com', category: 'search', topics: ANY, name: 'Google' },
  { host: 'duckduckgo.com', category: 'search', topics: ANY, name: 'DuckDuckGo' },
  { host: 'www.bing.com', category: 'search', topics: ANY, name: 'Bing' },
  { host: 'www.ecosia.org', category: 'search', topics: ANY, name: 'Ecosia' },
  { host: 'mail.google.com', category: 'mail', topics: ANY, name: 'Gmail' },
  { host: 'outlook.live.com', category: 'mail', topics: ANY, name: 'Outlook' },
  { host: 'mail.proton.me', category: 'mail', topics: ANY, name: 'Proton Mail' },
  { host: 'www.bbc.com', category: 'news', topics: NEWS, name: 'BBC News' },
  { host: 'www.theguardian.com', category: 'news', topics: NEWS, name: 'The Guardian' },
  { host: 'www.nytimes.com', category: 'news', topics: NEWS, name: 'The New York Times' },
  { host: 'www.reuters.com', category: 'news', topics: ['world-news', 'politics', 'economy'], name: 'Reuters' },
  { host: 'apnews.com', category: 'news', topics: ['world-news', 'politics', 'economy', 'science'], name: 'AP News' },
  { host: 'www.economist.com', category: 'news', topics: ['world-news', 'economy', 'politics', 'science'], name: 'The Economist' },
  { host: 'arstechnica.com', category: 'news', topics: ['programming', 'machine-learning', 'science', 'gaming', 'cars'], name: 'Ars Technica' },
  { host: 'www.theverge.com', category: 'news', topics: ['machine-learning', 'gaming', 'film-tv', 'cars', 'photography'], name: 'The Verge' },
  { host: 'www.espn.com', category: 'news', topics: ['football'], name: 'ESPN' },
  { host: 'www.skysports.com', category: 'news', topics: ['football'], name: 'Sky Sports' },
  { host: 'news.ycombinator.com', category: 'social', topics: ['programming', 'machine-learning', 'science', 'economy'], name: 'Hacker News' },
  { host: 'developer.mozilla.org', category: 'docs', topics: ['programming'], name: 'MDN' },
  { host: 'docs.python.org', category: 'docs', topics: ['programming'], name: 'Python documentation' },
  { host: 'stackoverflow.com', category: 'docs', topics: ['programming'], name: 'Stack Overflow' },
  { host: 'www.typescriptlang.org', category: 'docs', topics: ['programming'], name: 'TypeScript' },
  { host: 'docs.rs', category: 'docs', topics: ['programming'], name: 'Docs.rs' },
  { host: 'pytorch.org', category: 'docs', topics: ['machine-learning'], name: 'PyTorch' },
  { host: 'arxiv.org', category: 'docs', topics: ['machine-learning', 'science'], name: 'arXiv' },
  { host: 'www.investopedia.com', category: 'docs', topics: ['economy'], name: 'Investopedia' },
  { host: 'www.nature.com', category: 'docs', topics: ['science'], name: 'Nature' },
  { host: 'github.com', category: 'work', topics: ['programming', 'machine-learning'], name: 'GitHub' },
  { host: 'docs.google.com', category: 'work', topics: ['economy', 'science', 'programming'], name: 'Google Docs' },
  { host: 'www.notion.so', category: 'work', topics: ['economy', 'programming', 'science'], name: 'Notion' },
  { host: 'linear.app', category: 'work', topics: ['programming'], name: 'Linear' },
  { host: 'app.slack.com', category: 'work', topics: ['programming', 'economy', 'science'], name: 'Slack' },
  { host: 'www.overleaf.com', category: 'work', topics: ['science', 'machine-learning'], name: 'Overleaf' },
  { host: 'www.youtube.com', category: 'video', topics: ANY, name: 'YouTube' },
  { host: 'vimeo.com', category: 'video', topics: ['film-tv', 'photography', 'music', 'travel'], name: 'Vimeo' },
  { host: 'www.twitch.tv', category: 'video', topics: ['gaming', 'music'], name: 'Twitch' },
  { host: 'www.netflix.com', category: 'video', topics: ['film-tv'], name: 'Netflix' },
  { host: 'nebula.tv', category: 'video', topics: ['science', 'world-news', 'travel', 'cars'], name: 'Nebula' },
  { host: 'www.reddit.com', category: 'social', topics: ANY, name: 'Reddit' },
  { host: 'x.com', category: 'social', topics: ['politics', 'world-news', 'football', 'machine-learning', 'film-tv'], name: 'X' },
  { host: 'mastodon.social', category: 'social', topics: ['programming', 'science', 'photography', 'books'], name: 'Mastodon' },
  { host: 'www.linkedin.com', category: 'social', topics: ['economy', 'programming', 'machine-learning'], name: 'LinkedIn' },
  { host: 'www.instagram.com', category: 'social', topics: ['photography', 'travel', 'cooking', 'fitness', 'music'], name: 'Instagram' },
  { host: 'bsky.app', category: 'social', topics: ['politics', 'science', 'books', 'programming'], name: 'Bluesky' },
  { host: 'www.facebook.com', category: 'social', topics: ['gardening', 'cooking', 'travel', 'home', 'cars'], name: 'Facebook' },
  { host: 'www.amazon.com', category: 'shopping', topics: ['home', 'books', 'gaming', 'photography', 'fitness', 'cooking'], name: 'Amazon' },
  { host: 'www.ebay.com', category: 'shopping', topics: ['cars', 'photography', 'gaming', 'music'], name: 'eBay' },
  { host: 'www.etsy.com', category: 'shopping', topics: ['home', 'gardening', 'photography'], name: 'Etsy' },
  { host: 'www.ikea.com', category: 'shopping', topics: ['home'], name: 'IKEA' },
  { host: 'www.decathlon.com', category: 'shopping', topics: ['fitness', 'travel'], name: 'Decathlon' },
  { host: 'store.steampowered.com', category: 'shopping', topics: ['gaming'], name: 'Steam' },
  { host: 'www.booking.com', category: 'shopping', topics: ['travel'], name: 'Booking.com' },
  { host: 'www.bhphotovideo.com', category: 'shopping', topics: ['photography'], name: 'B&H' },
  { host: 'en.wikipedia.org', category: 'reference', topics: ANY, name: 'Wikipedia' },
  { host: 'www.imdb.com', category: 'reference', topics: ['film-tv'], name: 'IMDb' },
  { host: 'www.goodreads.com', category: 'reference', topics: ['books'], name: 'Goodreads' },
  { host: 'www.seriouseats.com', category: 'reference', topics: ['cooking'], name: 'Serious Eats' },
  { host: 'www.allrecipes.com', category: 'reference', topics: ['cooking'], name: 'Allrecipes' },
  { host: 'www.rhs.org.uk', category: 'reference', topics: ['gardening'], name: 'RHS' },
  { host: 'www.dpreview.com', category: 'reference', topics: ['photography'], name: 'DPReview' },
  { host: 'www.strava.com', category: 'reference', topics: ['fitness'], name: 'Strava' },
  { host: 'medium.com', category: 'blog', topics: ['programming', 'machine-learning', 'economy', 'fitness'], name: 'Medium' },
  { host: 'dev.to', category: 'blog', topics: ['programming'], name: 'DEV' },
  { host: 'www.quantamagazine.org', category: 'blog', topics: ['science'], name: 'Quanta Magazine' },
  { host: 'pitchfork.com', category: 'blog', topics: ['music'], name: 'Pitchfork' },
  { host: 'www.ign.com', category: 'blog', topics: ['gaming', 'film-tv'], name: 'IGN' },
  { host: 'www.lonelyplanet.com', category: 'blog', topics: ['travel'], name: 'Lonely Planet' },
  { host: 'www.caranddriver.com', category: 'blog', topics: ['cars'], name: 'Car and Driver' },
  { host: 'www.runnersworld.com', category: 'blog', topics: ['fitness'], name: "Runner's World" },
  { host: 'www.theparisreview.org', category: 'blog', topics: ['books'], name: 'The Paris Review' },
  { host: 'www.gardenersworld.com', category: 'blog', topics: ['gardening'], name: "Gardeners' World" },
  { host: 'www.apartmenttherapy.com', category: 'blog', topics: ['home'], name: 'Apartment Therapy' },
];
