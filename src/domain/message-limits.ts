// Twilio's and WhatsApp's length and whitespace limits, applied to a message or template variable just before it is sent.

/**
 * A message body: "The concatenated message body exceeds the 1600 character limit", where "emojis …
 * will be counted as multiple characters" (https://www.twilio.com/docs/api/errors/21617): measured in
 * UTF-16 units (an emoji is two), never fewer than Twilio counts for WhatsApp text.
 */
export const MESSAGE_MAX_CHARS = 1600;
/**
 * A template variable: Twilio takes values up to 1,600 characters but recommends less than 250
 * (https://www.twilio.com/docs/content/using-variables-with-content-api), and WhatsApp refuses a template
 * whose filled-in body exceeds 1,024 characters (Meta's template body limit); 250 leaves the rest of the
 * body room with the four other variables.
 */
export const TEMPLATE_VARIABLE_MAX_CHARS = 250;
const ELLIPSIS = '…';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text that can be encoded: an unpaired surrogate (half an emoji, left by a cut or a broken client) is
 * dropped. UTF-8 cannot carry it: encodeURIComponent throws, and Apps Script's Java encoder would send "?".
 */
export function encodableText(text: string): string {
  return text.replace(LONE_SURROGATE, '');
}

/** Cuts to at most `max` characters (code points, so no emoji is split), ending in an ellipsis when cut. */
export function cutWithEllipsis(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  return `${characters
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}

/**
 * A template variable as WhatsApp accepts it: no line breaks or tabs, no more than 4 consecutive spaces
 * (Meta's error 132018, https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/),
 * never empty (Twilio's 21656), at most TEMPLATE_VARIABLE_MAX_CHARS.
 */
export function templateVariableValue(value: string): string {
  const flat = value
    .replace(/[\r\n\t\u2028\u2029]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return cutWithEllipsis(flat === '' ? '-' : flat, TEMPLATE_VARIABLE_MAX_CHARS);
}

/**
 * The longest text `render(title)` makes within `max` characters: the title is cut (with an ellipsis) as
 * much as needed, so the rest of the message (when, where, the link) always goes out; only a message
 * that is too long without any title is cut at the end.
 */
export function fitTitle(title: string, render: (title: string) => string, max = MESSAGE_MAX_CHARS): string {
  const full = render(title);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the search below also keeps a whole title that fits
  if (full.length <= max) return full;
  const fits = (keep: number): boolean => render(cutWithEllipsis(title, keep)).length <= max;
  // The length grows with the title kept: find the longest cut that fits (a few renders, also when the text repeats the title).
  // `low` only ever takes a cut that fits; the whole title (its length) is the upper bound.
  let low = 0;
  let high = Array.from(title).length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  // When even one character (the ellipsis) is too long, the end of the message is cut instead.
  return cutToUnits(render(cutWithEllipsis(title, Math.max(low, 1))), max);
}

/** Cuts to at most `max` UTF-16 units, never inside an emoji, ending in an ellipsis when cut. */
function cutToUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const character of text) {
    if (kept.length + character.length > max - ELLIPSIS.length) break;
    kept += character;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}
