// What kind of page this is, guessed cheaply from its address, title and markup: a title that
// repeats the query (a results page), the page's own declaration (og:type), then the shape of the
// document: running text (paragraphs of a few sentences each) makes an article. The first
// matching kind wins, in the order search, video, article, form, home, listing, other.
import type { PageKind } from '../../model/visit';
import { queryValues, RESULT_SEGMENTS, titleEchoesQuery } from '../page-text-rules';
import type { MetaTags } from './page-text';

export interface PageSize {
  words: number;
  links: number;
  videos: number;
}

const VIDEO_SEGMENTS = new Set(['watch', 'video', 'videos', 'embed', 'shorts']);
/** Form fields looked at before deciding; a form page needs only a few. */
const FIELDS_MAX = 100;
/** Fields that are typed or chosen into (not buttons, hidden values or search boxes). */
const NOT_FILLABLE = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'search', 'checkbox', 'radio']);

/** Paragraphs looked at for running text: an article's come early, and a hostile page may have thousands. */
const PARAGRAPHS_MAX = 300;
/** A paragraph of a few sentences, not a caption, a teaser line or a button's label. */
const PARAGRAPH_MIN = 140;
/** About a hundred words in such paragraphs: text written to be read. */
const PROSE_MIN = 600;

/** The meta tags the guess reads. */
export const KIND_METAS = ['og:type', 'article:published_time'] as const;

/** `titles`: every title the page gives (its title element, the one it declares), any of which may repeat a query. */
export function guessPageKind(doc: Document, path: string, titles: readonly string[], size: PageSize, metas: MetaTags): PageKind {
  // The background never sees the query: a search here keeps the title from being stored.
  if (titles.some((title) => echoesQuery(doc.URL, title))) return 'search';
  const ogType = (metas.get('og:type') ?? '').trim().toLowerCase();
  const segments = path.toLowerCase().split('/').filter(Boolean);
  const articles = doc.getElementsByTagName('article').length;

  if (anyOf(segments, RESULT_SEGMENTS) && hasSearchBox(doc)) return 'search';
  if (ogType.startsWith('video') || anyOf(segments, VIDEO_SEGMENTS)) return 'video';
  if (size.videos > 0 && articles === 0 && size.words < 1500) return 'video';
  if (ogType === 'article' || articles === 1 || metas.has('article:published_time')) return 'article';
  const home = isHomePath(segments);
  // A front page or a page of teasers may have paragraphs too, and stays a home page or a listing.
  if (!home && articles < 3 && hasProse(doc)) return 'article';
  if (isFormPage(doc)) return 'form';
  if (home) return 'home';
  // Many teasers, or mostly links with little text between them.
  if (articles >= 3 || (size.links >= 60 && size.words < size.links * 12)) return 'listing';
  return 'other';
}

/** The title repeats a value of the address's query (`/s?k=hiv+test`, "Amazon.com : hiv test"). */
function echoesQuery(href: string, title: string): boolean {
  const queryStart = href.indexOf('?');
  if (queryStart < 0 || title === '') return false;
  const fragmentStart = href.indexOf('#', queryStart);
  return titleEchoesQuery(title, queryValues(href.slice(queryStart, fragmentStart < 0 ? undefined : fragmentStart)));
}

function anyOf(segments: string[], words: Set<string>): boolean {
  for (const segment of segments) if (words.has(segment)) return true;
  return false;
}

function hasSearchBox(doc: Document): boolean {
  return doc.querySelector('[role="search"], input[type="search"], form[action*="search" i]') !== null;
}

/** Paragraphs of a few sentences, outside lists (of teasers, of results), adding up to about a hundred words. */
function hasProse(doc: Document): boolean {
  const paragraphs = doc.getElementsByTagName('p');
  const count = Math.min(paragraphs.length, PARAGRAPHS_MAX);
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const length = paragraphs[i].textContent?.trim().length ?? 0;
    if (length >= PARAGRAPH_MIN && !paragraphs[i].closest('li') && (chars += length) >= PROSE_MIN) return true;
  }
  return false;
}

/** A sign-in page (a password field) or a page of several fields to fill in. */
function isFormPage(doc: Document): boolean {
  if (doc.forms.length === 0) return false;
  const inputs = doc.getElementsByTagName('input');
  let fillable = doc.getElementsByTagName('textarea').length + doc.getElementsByTagName('select').length;
  const count = Math.min(inputs.length, FIELDS_MAX);
  for (let i = 0; i < count; i++) {
    const type = inputs[i].type;
    if (type === 'password') return true;
    if (!NOT_FILLABLE.has(type)) fillable++;
  }
  return fillable >= 4;
}

/** `/`, `/index.html`, `/home`, or a bare language prefix such as `/en/` or `/pt-br`. */
function isHomePath(segments: string[]): boolean {
  if (segments.length === 0) return true;
  if (segments.length > 1) return false;
  return /^(index\.\w+|home|[a-z]{2}([-_][a-z]{2})?)$/.test(segments[0]);
}
