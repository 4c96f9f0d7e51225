import { decodeEntities } from './entities';

/**
 * A forgiving, linear-time HTML reader for mail bodies. It is not a DOM: it walks the
 * markup once, left to right, keeping the visible text (with "\n" where a block starts
 * or ends) and every `<a href>` with its label. Each character is examined a bounded
 * number of times, so malformed or hostile markup (unclosed tags, quotes or comments,
 * thousands of "<") costs no more than well-formed markup.
 */

export interface HtmlAnchor {
	/** The href with character references decoded and surrounding whitespace removed. */
	href: string;
	/** What the reader sees for the link: its text, image alt texts, aria-label/title. */
	label: string;
	/** Offset in `ParsedHtml.text` where the anchor starts. */
	offset: number;
}

export interface ParsedHtml {
	/** Visible text, not yet normalised: "\n" marks block boundaries. */
	text: string;
	anchors: HtmlAnchor[];
}

/** Elements whose content is never shown. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'title', 'template', 'xml', 'iframe', 'object']);

/** Elements a `<head>` may hold: any other start tag (or visible text) ends the head. */
const HEAD_CONTENT = new Set([
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
const PARAGRAPH = new Set([
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
const LINE = new Set([
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
const CELL = new Set(['td', 'th']);

/** Attributes the reader needs; the others are skipped without being copied. */
const WANTED_ATTRIBUTES = ['href', 'alt', 'title', 'aria-label'];

/** The wanted attribute named by html[start, end) (any case), or '' for any other. */
function wantedAttribute(html: string, start: number, end: number): string {
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
function lowerSlice(html: string, start: number, end: number): string {
	const value = html.slice(start, end);
	for (let k = start; k < end; k++) {
		const code = html.charCodeAt(k);
		if (code >= 0x41 && code <= 0x5a) return value.toLowerCase();
	}
	return value;
}

/** Characters that take no space: zero-width space/non-joiner, word joiner, BOM, soft hyphen, CGJ. */
export const INVISIBLE = new RegExp('[\\u200B\\u200C\\u2060\\uFEFF\\u00AD]|\\u034F', 'g');

const HTML_WHITESPACE = /[\t\n\f\r ]+/g;

const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BANG = 0x21;
const QUESTION = 0x3f;
const AMPERSAND = 0x26;

function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isNameChar(code: number): boolean {
	return (
		isAsciiLetter(code) ||
		(code >= 0x30 && code <= 0x39) ||
		code === 0x2d ||
		code === 0x3a ||
		code === 0x5f
	);
}

const KEEP = 0;
const COLLAPSE = 1;
const BLANK = 2;

/**
 * KEEP when text has no whitespace but single spaces, BLANK when it is only whitespace,
 * else COLLAPSE (cheaper than always running a replace: mail HTML is full of indentation).
 */
function whitespaceOf(value: string): number {
	let previousSpace = false;
	let verdict = KEEP;
	let blank = true;
	for (let i = 0; i < value.length; i++) {
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

interface OpenAnchor {
	href: string;
	parts: string[];
	offset: number;
	/** Characters of text in `parts` so far. */
	length: number;
}

const MAX_LABEL = 500;

const LABEL_ATTRIBUTES = ['aria-label', 'title', 'alt'];

function collapse(value: string): string {
	return value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** An href as a browser reads it: surrounding whitespace and tabs/newlines inside removed. */
function cleanUrl(href: string): string {
	const inner =
		href.includes('\n') || href.includes('\t') || href.includes('\r')
			? href.replace(/[\t\n\r]/g, '')
			: href;
	return inner.trim();
}

export function parseHtml(html: string): ParsedHtml {
	const n = html.length;
	const out: string[] = [];
	let outLength = 0;
	const anchors: HtmlAnchor[] = [];
	let anchor: OpenAnchor | undefined;
	let inHead = false;
	let preDepth = 0;
	// Once a quote character is known to be missing from some position on, it is
	// missing from every later position too: remember it, so no search repeats.
	let noDoubleQuoteAfter = n + 1;
	let noSingleQuoteAfter = n + 1;

	// Breaks and spaces between pieces of text wait here, merged, until text follows:
	// "</p>\n  <p>" becomes one "\n\n" instead of three pieces.
	let pendingNewlines = 0;
	let pendingSpace = false;

	const flush = () => {
		if (pendingNewlines > 0) {
			const value = pendingNewlines === 1 ? '\n' : '\n\n';
			out.push(value);
			outLength += value.length;
		} else if (pendingSpace) {
			out.push(' ');
			outLength += 1;
		}
		pendingNewlines = 0;
		pendingSpace = false;
	};

	const push = (value: string) => {
		if (value === '') return;
		flush();
		out.push(value);
		outLength += value.length;
	};

	/** A label is a few words: an anchor left open over the rest of the mail stops growing. */
	const addToLabel = (value: string) => {
		if (anchor === undefined || anchor.length >= MAX_LABEL) return;
		anchor.parts.push(value.length > MAX_LABEL ? value.slice(0, MAX_LABEL) : value);
		anchor.length += value.length;
	};

	const closeAnchor = () => {
		if (anchor === undefined) return;
		const { parts } = anchor;
		anchors.push({
			href: anchor.href,
			label: collapse(parts.length === 1 ? parts[0] : parts.join('')),
			offset: anchor.offset,
		});
		anchor = undefined;
	};

	/**
	 * The text html[start, end). One pass tells whether it is only whitespace (indentation:
	 * not even copied), needs its whitespace collapsed, or holds character references.
	 */
	const emitRange = (start: number, end: number) => {
		let verdict = KEEP;
		let blank = true;
		let references = false;
		let previousSpace = false;
		for (let k = start; k < end; k++) {
			const code = html.charCodeAt(k);
			if (isSpace(code)) {
				if (previousSpace || code !== 0x20) verdict = COLLAPSE;
				previousSpace = true;
			} else {
				blank = false;
				previousSpace = false;
				if (code === AMPERSAND) references = true;
			}
		}
		const space = () => {
			if (inHead) return;
			pendingSpace = true;
			addToLabel(' ');
		};
		if (blank && preDepth === 0) return space();
		let value = html.slice(start, end);
		if (references) {
			value = decodeEntities(value);
			verdict = whitespaceOf(value); // "&#10;" and friends are whitespace too
			if (verdict === BLANK && preDepth === 0) return space();
		}
		if (inHead) {
			if (!/\S/.test(value.replace(INVISIBLE, ''))) return;
			inHead = false;
		}
		if (preDepth > 0) value = value.replace(/\r\n?/g, '\n');
		else if (verdict === COLLAPSE) value = value.replace(HTML_WHITESPACE, ' ');
		push(value);
		addToLabel(value);
	};

	const findQuote = (quote: number, from: number): number => {
		if (quote === DOUBLE_QUOTE) {
			if (from >= noDoubleQuoteAfter) return -1;
			const at = html.indexOf('"', from);
			if (at === -1) noDoubleQuoteAfter = from;
			return at;
		}
		if (from >= noSingleQuoteAfter) return -1;
		const at = html.indexOf("'", from);
		if (at === -1) noSingleQuoteAfter = from;
		return at;
	};

	/** Offset just past the end tag `</name ...>` that closes hidden content, or n. */
	const skipHiddenContent = (name: string, from: number): number => {
		let at = html.indexOf('</', from);
		while (at !== -1) {
			const candidate = html.slice(at + 2, at + 2 + name.length).toLowerCase();
			if (candidate === name && !isNameChar(html.charCodeAt(at + 2 + name.length))) {
				const gt = html.indexOf('>', at + 2 + name.length);
				return gt === -1 ? n : gt + 1;
			}
			at = html.indexOf('</', at + 2);
		}
		return n;
	};

	const blockBreak = (name: string) => {
		if (PARAGRAPH.has(name)) pendingNewlines = 2;
		else if (LINE.has(name)) pendingNewlines = Math.max(pendingNewlines, 1);
		else if (CELL.has(name)) pendingSpace = true;
	};

	const startTag = (name: string, attributes: Map<string, string>) => {
		if (inHead && !HEAD_CONTENT.has(name)) inHead = false;
		if (name === 'head') {
			inHead = true;
			return;
		}
		if (name === 'body') inHead = false;
		if (name === 'pre') preDepth++;
		if (name === 'br') pendingNewlines = Math.min(pendingNewlines + 1, 2);
		else blockBreak(name);
		if (name === 'a' || name === 'area') {
			const href = attributes.get('href');
			if (name === 'a') closeAnchor();
			if (href === undefined || inHead) return;
			flush(); // the anchor starts after the break before it
			const cleanHref = cleanUrl(decodeEntities(href));
			const labelParts: string[] = [];
			if (attributes.size > 1) {
				for (const attribute of LABEL_ATTRIBUTES) {
					const part = attributes.get(attribute);
					if (part !== undefined) labelParts.push(` ${decodeEntities(part)} `);
				}
			}
			if (name === 'area') {
				anchors.push({ href: cleanHref, label: collapse(labelParts.join(' ')), offset: outLength });
				return;
			}
			anchor = { href: cleanHref, parts: labelParts, offset: outLength, length: 0 };
			return;
		}
		if (name === 'img' && anchor !== undefined) {
			const alt = attributes.get('alt');
			if (alt !== undefined) addToLabel(` ${decodeEntities(alt)} `);
		}
	};

	const endTag = (name: string) => {
		if (name === 'head') {
			inHead = false;
			return;
		}
		if (name === 'a') closeAnchor();
		if (name === 'pre' && preDepth > 0) preDepth--;
		if (name === 'br') pendingNewlines = Math.min(pendingNewlines + 1, 2);
		else blockBreak(name);
	};

	const attributes = new Map<string, string>();
	let i = 0;
	// Text since the last markup: a "<" that starts no markup stays part of it.
	let textStart = 0;
	while (i < n) {
		const lt = html.indexOf('<', i);
		if (lt === -1) break;
		const next = html.charCodeAt(lt + 1);
		if (next !== BANG && next !== QUESTION && next !== SLASH && !isAsciiLetter(next)) {
			i = lt + 1;
			continue;
		}
		if (lt > textStart) emitRange(textStart, lt);
		textStart = n; // until the markup is read: input that ends inside it is dropped

		// Comments, <!DOCTYPE>, <![CDATA[...]]>, <?xml?>: dropped. An unclosed one runs to the end.
		if (next === BANG || next === QUESTION) {
			if (html.startsWith('<!--', lt)) {
				const close = html.indexOf('-->', lt + 2);
				i = close === -1 ? n : close + 3;
			} else {
				const close = html.indexOf('>', lt + 2);
				i = close === -1 ? n : close + 1;
			}
			textStart = i;
			continue;
		}

		// End tag.
		if (next === SLASH) {
			const nameStart = lt + 2;
			if (!isAsciiLetter(html.charCodeAt(nameStart))) {
				// "</>" is nothing; "</ x>" and the like are bogus comments.
				const close = html.indexOf('>', nameStart);
				i = close === -1 ? n : close + 1;
				textStart = i;
				continue;
			}
			let nameEnd = nameStart;
			while (nameEnd < n && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
			const close = html.indexOf('>', nameEnd);
			if (close === -1) break; // an end tag cut off by the end of input
			endTag(lowerSlice(html, nameStart, nameEnd));
			i = close + 1;
			textStart = i;
			continue;
		}

		// Start tag with attributes.
		let j = lt + 1;
		while (j < n && isNameChar(html.charCodeAt(j))) j++;
		const name = lowerSlice(html, lt + 1, j);
		if (attributes.size > 0) attributes.clear();
		let end = -1;
		while (j < n) {
			let code = html.charCodeAt(j);
			if (code === GT) {
				end = j;
				break;
			}
			if (isSpace(code) || code === SLASH) {
				j++;
				continue;
			}
			const attributeStart = j;
			j++;
			while (j < n) {
				code = html.charCodeAt(j);
				if (isSpace(code) || code === SLASH || code === GT || code === EQUALS) break;
				j++;
			}
			// Only a few attributes matter: the others are skipped without being copied.
			const attribute = wantedAttribute(html, attributeStart, j);
			const wanted = attribute !== '';
			let k = j;
			while (k < n && isSpace(html.charCodeAt(k))) k++;
			if (k >= n || html.charCodeAt(k) !== EQUALS) {
				if (wanted && !attributes.has(attribute)) attributes.set(attribute, '');
				j = k;
				continue;
			}
			k++;
			while (k < n && isSpace(html.charCodeAt(k))) k++;
			if (k >= n) {
				j = n;
				break;
			}
			const quote = html.charCodeAt(k);
			let valueStart = k;
			let valueEnd: number;
			if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
				valueStart = k + 1;
				const close = findQuote(quote, k + 1);
				if (close === -1) {
					// Unclosed quote: recover by ending the value (and the tag) at the next ">".
					const gt = html.indexOf('>', k + 1);
					if (gt !== -1) {
						if (wanted && !attributes.has(attribute))
							attributes.set(attribute, html.slice(valueStart, gt));
						end = gt;
					}
					break;
				}
				valueEnd = close;
				j = close + 1;
			} else {
				while (k < n && !isSpace(html.charCodeAt(k)) && html.charCodeAt(k) !== GT) k++;
				valueEnd = k;
				j = k;
			}
			if (wanted && !attributes.has(attribute))
				attributes.set(attribute, html.slice(valueStart, valueEnd));
		}
		if (end === -1) break; // a start tag cut off by the end of input: dropped, like a browser does

		startTag(name, attributes);
		i = end + 1;
		if (HIDDEN_CONTENT.has(name) && html.charCodeAt(end - 1) !== SLASH) {
			i = skipHiddenContent(name, i);
		}
		textStart = i;
	}
	if (textStart < n) emitRange(textStart, n);
	closeAnchor();
	return { text: out.join(''), anchors };
}
