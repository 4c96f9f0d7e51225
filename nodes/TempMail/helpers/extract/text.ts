import { INVISIBLE } from './html';
import { parseHtml } from './html';

/** Horizontal whitespace, including no-break and typographic spaces. */
const SPACES = new RegExp('[ \\t\\f\\v\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+', 'g');

/**
 * Readable plain text: line endings unified, invisible characters dropped, whitespace
 * collapsed within each line, lines trimmed, at most one blank line in a row, and no
 * blank lines at the start or end.
 */
export function normaliseText(raw: string): string {
	const lines = raw.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').split('\n');
	const kept: string[] = [];
	let blank = true; // true at the start, so leading blank lines are dropped
	for (const line of lines) {
		const clean = line.replace(SPACES, ' ').trim();
		if (clean === '') {
			if (!blank) kept.push('');
			blank = true;
			continue;
		}
		kept.push(clean);
		blank = false;
	}
	while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
	return kept.join('\n');
}

/**
 * The text a reader sees in an HTML body: scripts, styles, the head and comments dropped,
 * blocks on their own lines, character references decoded, whitespace tidied.
 */
export function htmlToText(html: string): string {
	return normaliseText(parseHtml(html).text);
}
