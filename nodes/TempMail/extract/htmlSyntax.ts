/**
 * What the HTML reader knows about HTML: which elements hide their content, break a line or
 * a paragraph, which attributes matter, and the character classes of the markup.
 */

/** Elements whose content is never shown. */
export const HIDDEN_CONTENT = new Set([
	'script',
	'style',
	'title',
	'template',
	'xml',
	'iframe',
	'object',
]);

/** Elements a `<head>` may hold: any other start tag (or visible text) ends the head. */
export const HEAD_CONTENT = new Set([
	'head',
	'html',
	'meta',
	'link',
	'base',
	'title',
	'style',
	'script',
	'noscript',
	'template',
	'xml',
]);

/** Blocks that read as paragraphs: a blank line around them. */
export const PARAGRAPH = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'blockquote',
	'table',
	'ul',
	'ol',
	'dl',
	'pre',
	'hr',
	'figure',
	'address',
	'fieldset',
	'form',
]);

/** Blocks that start a new line. */
export const LINE = new Set([
	'div',
	'li',
	'tr',
	'dt',
	'dd',
	'section',
	'article',
	'header',
	'footer',
	'nav',
	'aside',
	'main',
	'center',
	'caption',
	'figcaption',
	'details',
	'summary',
	'dialog',
	'menu',
	'dir',
	'hgroup',
	'legend',
	'option',
	'body',
	'thead',
	'tbody',
	'tfoot',
]);

/** Table cells: a space, so adjacent cells do not run together. */
export const CELL = new Set(['td', 'th']);

/** Attributes the reader needs; the others are skipped without being copied. */
const WANTED_ATTRIBUTES = ['href', 'alt', 'title', 'aria-label'];

/** The wanted attribute named by html[start, end) (any case), or '' for any other. */
export function wantedAttribute(html: string, start: number, end: number): string {
	for (const name of WANTED_ATTRIBUTES) {
		if (name.length !== end - start) continue;
		let same = true;
		for (let k = 0; k < name.length && same; k++) {
			same = (html.charCodeAt(start + k) | 0x20) === name.charCodeAt(k);
		}
		if (same) return name;
	}
	return '';
}

/** html[start, end) in lower case, copied only once when it already is lower case. */
export function lowerSlice(html: string, start: number, end: number): string {
	const value = html.slice(start, end);
	for (let k = start; k < end; k++) {
		const code = html.charCodeAt(k);
		if (code >= 0x41 && code <= 0x5a) return value.toLowerCase();
	}
	return value;
}

/** Characters that take no space: zero-width space/non-joiner, word joiner, BOM, soft hyphen, CGJ. */
export const INVISIBLE = new RegExp('[\\u200B\\u200C\\u2060\\uFEFF\\u00AD]|\\u034F', 'g');

export const HTML_WHITESPACE = /[\t\n\f\r ]+/g;

export const GT = 0x3e;
export const SLASH = 0x2f;
export const EQUALS = 0x3d;
export const DOUBLE_QUOTE = 0x22;
export const SINGLE_QUOTE = 0x27;
export const BANG = 0x21;
export const QUESTION = 0x3f;

export function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

export function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isNameChar(code: number): boolean {
	return (
		isAsciiLetter(code) ||
		(code >= 0x30 && code <= 0x39) ||
		code === 0x2d ||
		code === 0x3a ||
		code === 0x5f
	);
}

export const KEEP = 0;
export const COLLAPSE = 1;
export const BLANK = 2;

/**
 * KEEP when text (value[start, end)) has no whitespace but single spaces, BLANK when it is
 * only whitespace, else COLLAPSE (cheaper than always running a replace: mail HTML is full of indentation).
 */
export function whitespaceOf(value: string, start = 0, end = value.length): number {
	let previousSpace = false;
	let verdict = KEEP;
	let blank = true;
	for (let i = start; i < end; i++) {
		const code = value.charCodeAt(i);
		if (isSpace(code)) {
			if (previousSpace || code !== 0x20) verdict = COLLAPSE;
			previousSpace = true;
		} else {
			blank = false;
			previousSpace = false;
		}
	}
	return blank ? BLANK : verdict;
}
