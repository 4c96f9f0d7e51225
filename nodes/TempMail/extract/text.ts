import { INVISIBLE } from './html';
import { parseHtml } from './html';

/**
 * Runs of horizontal whitespace (no-break and typographic spaces included) other than a
 * lone " ", which is already what a run becomes: replacing only these keeps ordinary
 * text from being rebuilt piece by piece.
 */
const OTHER_SPACE = '\\t\\f\\v\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000';
const SPACES = new RegExp(`[${OTHER_SPACE}][ ${OTHER_SPACE}]*| [ ${OTHER_SPACE}]+`, 'g');

/**
 * Readable plain text: line endings unified, invisible characters dropped, whitespace
 * collapsed within each line, lines trimmed, at most one blank line in a row, and no
 * blank lines at the start or end. A few whole-text passes that only touch what needs
 * changing (a line-by-line rebuild costs far more on a large body).
 */
export function normaliseText(raw: string): string {
	let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
	text = text.replace(INVISIBLE, '').replace(SPACES, ' ');
	// Now every run of spaces is one " ": drop the ones that start or end a line.
	text = text.replace(/ \n ?|\n /g, '\n').replace(/\n{3,}/g, '\n\n');
	return text.trim();
}

/**
 * The text a reader sees in an HTML body: scripts, styles, the head and comments dropped,
 * blocks on their own lines, character references decoded, whitespace tidied.
 */
export function htmlToText(html: string): string {
	return normaliseText(parseHtml(html).text);
}
