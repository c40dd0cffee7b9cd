// Whether text carries something a messenger would make clickable: a URL, "www.", or a name ending in a real top-level domain.
import TOP_LEVEL_DOMAINS from 'tlds';

const TLDS: ReadonlySet<string> = new Set(TOP_LEVEL_DOMAINS.map((tld) => tld.toLowerCase()));
const SCHEME = /[a-z][a-z0-9+.-]*:\/\//i;
const WWW = /(?:^|[^\p{L}\p{N}])www\./iu;
// Labels joined by dots (ASCII, ideographic or full-width), e.g. "evil.ru", "x.store", "shop.example.co.uk"; only the
// last label is read, so one character before the first dot is enough ("evil.ru" matches as "l.ru").
const DOTTED = /[\p{L}\p{N}-](?:[.\u3002\uFF0E][\p{L}\p{N}-]+)+/gu;

/**
 * True for "https://…", "www.…" and any dotted token whose last label is a top-level domain in IANA's list
 * (the `tlds` package), so "evil.ru" and "x.store" count while "Dr.Smith" and "J.R.R. Tolkien" do not.
 * Messengers (WhatsApp among them) turn such tokens into links.
 */
export function looksLikeLink(text: string): boolean {
  if (SCHEME.test(text) || WWW.test(text)) return true;
  for (const [token] of text.matchAll(DOTTED)) {
    const labels = token.split(/[.\u3002\uFF0E]/);
    const last = labels[labels.length - 1].toLowerCase();
    // IANA's list holds internationalized TLDs in Unicode; their ASCII (punycode) form starts with "xn--".
    if (TLDS.has(last) || TLDS.has(last.normalize('NFKC')) || last.startsWith('xn--')) return true;
  }
  return false;
}
