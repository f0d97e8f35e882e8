// Page features: what a page is, read once per visit from its document and address. The query
// string and the fragment are dropped before anything is kept; every read is bounded (page-text.ts).
import type { PageFeatures } from '../../model/visit';
import { guessPageKind, KIND_METAS } from './page-kind';
import { capText, estimateWords, primaryLanguage, readMetaTags, titleOf } from './page-text';

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 500;
/** Longer paths are cut: a visit record stays small whatever address a page makes up. */
export const PATH_MAX = 1000;

interface PageAddress {
  /** Origin and path: what a visit keeps of an address. */
  url: string;
  host: string;
  path: string;
}

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/**
 * The parts of an http(s) address a visit keeps, or null for anything else. An address in the
 * browser's own serialized form (as `document.URL` and `document.referrer` are) is cut apart as
 * text, without a regular expression or the URL interface: every page load reads two, and compiling
 * a pattern or making the URL interface in the content script's world costs the page more than
 * the rest of its start. Anything the URL parser would rewrite or refuse (an IPv6, numeric or punycode host, a port
 * with leading zeros, dot segments, characters it escapes) goes to the URL parser, so both ways
 * give the same parts.
 */
function pageAddress(href: string): PageAddress | null {
  const scheme = href.startsWith('https://') ? 'https' : href.startsWith('http://') ? 'http' : schemeOf(href);
  if (scheme === null) return null;
  // Nothing or a slash after the scheme: no host. Checked here, as a thrown error costs milliseconds on a cold start.
  const hostAt = scheme.length + 3;
  if ( hostAt >= href.length || href.charCodeAt(hostAt) === 47) return null;
  return serializedAddress(href, scheme) ?? parsedAddress(href);
}

/** 'http' or 'https' for an address that starts so in any case, else null. */
function schemeOf(href: string): string | null {
  const head = href.slice(0, 8).toLowerCase();
  return head.startsWith('https://') ? 'https' : head.startsWith('http://') ? 'http' : null;
}

function serializedAddress(href: string, scheme: string): PageAddress | null {
  const authorityAt = scheme.length + 3;
  let pathAt = authorityAt;
  let userEnd = -1;
  let portAt = -1;
  for (; pathAt < href.length; pathAt++) {
    const code = href.charCodeAt(pathAt);
    if (code === 47 || code === 63 || code === 35) break; // / ? #
    if (code === 64) { // @: what came before is user info
      userEnd = pathAt;
      portAt = -1;
    } else if (code === 58) portAt = pathAt; // :
    else if (!isPlain(code)) return null;
  }
  let end = pathAt;
  for (; end < href.length; end++) {
    const code = href.charCodeAt(end);
    if (code === 63 || code === 35) break;
    if (!isPlain(code)) return null;
  }
  const hostAt = userEnd + 1 > authorityAt ? userEnd + 1 : authorityAt;
  const host = href.slice(hostAt, portAt > hostAt ? portAt : pathAt).toLowerCase();
  const port = portAt > hostAt ? href.slice(portAt + 1, pathAt) : '';
  // Punycode labels (xn--) are checked by the parser: an invalid one is no address at all.
  if (host === '' || !isNameOrIpv4(host) || host.includes('xn--')) return null;
  const defaultPort = port === '' || port === DEFAULT_PORT[scheme];
  if (!defaultPort && !isCanonicalPort(port)) return null;
  const fullPath = end > pathAt ? href.slice(pathAt, end) : '/';
  if (fullPath.includes('/.') || fullPath.toLowerCase().includes('%2e')) return null; // dot segments
  const path = fullPath.slice(0, PATH_MAX);
  return { url: `${scheme}://${host}${defaultPort ? '' : `:${port}`}${path}`, host, path };
}

/** Printable ASCII the URL parser keeps as it is in a host or a path (no \\ " < > ` { }). */
function isPlain(code: number): boolean {
  return code > 32 && code < 127 && code !== 92 && code !== 34 && code !== 60 && code !== 62 && code !== 96 && code !== 123 && code !== 125;
}

/** Letters, digits, dots and hyphens, the last label starting with a letter; or a dotted IPv4 as the parser writes it. */
function isNameOrIpv4(host: string): boolean {
  let labelAt = 0;
  let digitsOnly = true;
  let labels = 1;
  for (let i = 0; i < host.length; i++) {
    const code = host.charCodeAt(i);
    if (code === 46) {
      if (i < host.length - 1) labelAt = i + 1;
      labels++;
    } else if (code >= 48 && code <= 57) continue;
    else if ((code >= 97 && code <= 122) || code === 45) digitsOnly = false;
    else return false;
  }
  const first = host.charCodeAt(labelAt);
  if (first >= 97 && first <= 122) return true;
  if (!digitsOnly || labels !== 4) return false;
  const parts = host.split('.');
  return parts.every((part) => part !== '' && (part === '0' || part[0] !== '0') && part.length <= 3 && Number(part) <= 255);
}

function isCanonicalPort(port: string): boolean {
  if (port === '' || port.length > 5 || port[0] === '0') return false;
  for (let i = 0; i < port.length; i++) {
    const code = port.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return Number(port) <= 65535;
}

function parsedAddress(href: string): PageAddress | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const path = url.pathname.slice(0, PATH_MAX);
  return { url: url.origin + path, host: url.hostname, path };
}

/** Origin and path of a web address, or null when it is not an http(s) page. */
export function visitUrlOf(href: string): string | null {
  return pageAddress(href)?.url ?? null;
}

/** Host name of an http(s) address, '' for anything else (an empty referrer, about:, data:). */
export function hostOf(href: string): string {
  return pageAddress(href)?.host ?? '';
}

/** Reads the features of the page at `href`, which came from `referrerHost` ('' when unknown). */
export function readPageFeatures(doc: Document, href: string, referrerHost: string): PageFeatures {
  const address = pageAddress(href);
  const path = address?.path ?? '';
  const words = estimateWords(doc);
  const links = doc.getElementsByTagName('a').length;
  const videos = doc.getElementsByTagName('video').length;
  const metas = readMetaTags(doc, ['description', 'og:description', ...KIND_METAS]);
  const description = metas.get('description') ?? metas.get('og:description') ?? '';
  return {
    url: address?.url ?? '',
    host: address?.host ?? '',
    path,
    title: titleOf(doc, TITLE_MAX),
    description: capText(description, DESCRIPTION_MAX),
    lang: primaryLanguage(doc.documentElement?.getAttribute('lang') ?? ''),
    kind: guessPageKind(doc, path, { words, links, videos }, metas),
    words,
    links,
    images: doc.getElementsByTagName('img').length,
    videos,
    referrerHost,
  };
}
