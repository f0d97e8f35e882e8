// Host names as the URL parser writes them: the only hosts a model may hold or the popup may
// link to. A file could hold any text where a host belongs (`paypal.com@evil.example/login`);
// such text must never become a site, a link or a token.

/** Longer than DNS allows (253), as model files have always accepted. */
const MAX_HOST_LENGTH = 255;

/**
 * Whether `text` is a host exactly as `new URL(...).hostname` gives it: a lower-case DNS name
 * (punycode for other scripts), an IPv4 address or a bracketed IPv6 address. Anything the
 * parser would read differently (user info, a path, a port, upper case, `0x7f.1`) is refused,
 * so `https://${host}/` always opens that very host.
 */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HOST_LENGTH) return false;
  try {
    return new URL(`https://${text}/`).hostname === text;
  } catch {
    return false;
  }
}
