// The delivery-problem block the project keeps in an event's description, apart from the host's own text.
export const BLOCK_START = '--- WhatsApp delivery ---';
export const BLOCK_END = '--- end of WhatsApp delivery ---';

/**
 * Our block is always appended as "\n\n" + block, so removing exactly that restores the host's text. The
 * markers are letters, spaces and dashes, which a regular expression takes literally.
 */
const BLOCK = new RegExp(`(\\n\\n)?${BLOCK_START}[\\s\\S]*?${BLOCK_END}`, 'g');

/** The description without our block: exactly the host's own text. */
export function hostText(description: string | undefined): string {
  return (description ?? '').replace(BLOCK, '');
}

/** Replaces our block with `lines` (or removes it when there are none), leaving the host's text as it was. */
export function withDeliveryBlock(description: string | undefined, lines: readonly string[]): string {
  const own = hostText(description);
  if (lines.length === 0) return own;
  const block = [BLOCK_START, ...lines, BLOCK_END].join('\n');
  return own === '' ? block : `${own}\n\n${block}`;
}

/**
 * A description as lines of text: Google Calendar's web editor stores it as HTML ("Bring card<br>Language: de",
 * "<p>…</p>", "<b>Language:</b> de", "&nbsp;"), so line-making tags become line breaks and other tags go.
 */
function plainLines(text: string): string {
  return text
    .replace(/<br\s*\/?>|<\/?(?:p|div|li|ul|ol|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/gi, ' ');
}

/**
 * The language the host set for an event with a line `Language: <code>` in its own text (our block is
 * left out, so nothing we write can set or hide it); the raw code, or null when there is no such line.
 * Which codes count is languageOfTag's decision, so an unknown code leaves the default in force.
 */
export function descriptionLanguage(description: string | undefined): string | null {
  const match = /^[ \t]*language[ \t]*:[ \t]*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)[ \t]*$/im.exec(plainLines(hostText(description)));
  return match ? match[1] : null;
}
