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
const HEAD_CONTENT = new Set(['head', 'html', 'meta', 'link', 'base', 'title', 'style', 'script', 'noscript', 'template', 'xml']);

/** Blocks that read as paragraphs: a blank line around them. */
const PARAGRAPH = new Set([
	'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'ul', 'ol', 'dl', 'pre', 'hr',
	'figure', 'address', 'fieldset', 'form',
]);

/** Blocks that start a new line. */
const LINE = new Set([
	'div', 'li', 'tr', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main',
	'center', 'caption', 'figcaption', 'details', 'summary', 'dialog', 'menu', 'dir', 'hgroup',
	'legend', 'option', 'body', 'thead', 'tbody', 'tfoot', 'br',
]);

/** Table cells: a space, so adjacent cells do not run together. */
const CELL = new Set(['td', 'th']);

/** Attributes the reader needs; the others are skipped without being copied. */
const WANTED_ATTRIBUTES = new Set(['href', 'alt', 'title', 'aria-label']);

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

function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isNameChar(code: number): boolean {
	return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x3a || code === 0x5f;
}

interface OpenAnchor {
	href: string;
	parts: string[];
	offset: number;
}

function collapse(value: string): string {
	return value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
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

	const push = (value: string) => {
		if (value === '') return;
		out.push(value);
		outLength += value.length;
	};

	const closeAnchor = () => {
		if (anchor === undefined) return;
		anchors.push({ href: anchor.href, label: collapse(anchor.parts.join(' ')), offset: anchor.offset });
		anchor = undefined;
	};

	const emitText = (raw: string) => {
		let value = decodeEntities(raw);
		if (inHead) {
			if (!/[^\s\u200B\u200C\u2060\uFEFF\u00AD\u034F]/.test(value)) return;
			inHead = false;
		}
		value = preDepth > 0 ? value.replace(/\r\n?/g, '\n') : value.replace(HTML_WHITESPACE, ' ');
		push(value);
		if (anchor !== undefined) anchor.parts.push(value);
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
		if (PARAGRAPH.has(name)) push('\n\n');
		else if (LINE.has(name)) push('\n');
		else if (CELL.has(name)) push(' ');
	};

	const startTag = (name: string, attributes: Map<string, string>) => {
		if (inHead && !HEAD_CONTENT.has(name)) inHead = false;
		if (name === 'head') {
			inHead = true;
			return;
		}
		if (name === 'body') inHead = false;
		if (name === 'pre') preDepth++;
		blockBreak(name);
		if (name === 'a' || name === 'area') {
			const href = attributes.get('href');
			if (name === 'a') closeAnchor();
			if (href === undefined || inHead) return;
			const cleanHref = decodeEntities(href).replace(/[\t\n\r]/g, '').trim();
			const labelParts = [attributes.get('aria-label'), attributes.get('title'), attributes.get('alt')]
				.filter((part): part is string => part !== undefined)
				.map(decodeEntities);
			if (name === 'area') {
				anchors.push({ href: cleanHref, label: collapse(labelParts.join(' ')), offset: outLength });
				return;
			}
			anchor = { href: cleanHref, parts: labelParts, offset: outLength };
			return;
		}
		if (name === 'img' && anchor !== undefined) {
			const alt = attributes.get('alt');
			if (alt !== undefined) anchor.parts.push(decodeEntities(alt));
		}
	};

	const endTag = (name: string) => {
		if (name === 'head') {
			inHead = false;
			return;
		}
		if (name === 'a') closeAnchor();
		if (name === 'pre' && preDepth > 0) preDepth--;
		if (name === 'br') push('\n');
		else blockBreak(name);
	};

	const attributes = new Map<string, string>();
	let i = 0;
	while (i < n) {
		const lt = html.indexOf('<', i);
		if (lt === -1) {
			emitText(html.slice(i));
			break;
		}
		if (lt > i) emitText(html.slice(i, lt));
		const next = html.charCodeAt(lt + 1);

		// Comments, <!DOCTYPE>, <![CDATA[...]]>, <?xml?>: dropped. An unclosed one runs to the end.
		if (next === BANG || next === QUESTION) {
			if (html.startsWith('<!--', lt)) {
				const close = html.indexOf('-->', lt + 2);
				i = close === -1 ? n : close + 3;
			} else {
				const close = html.indexOf('>', lt + 2);
				i = close === -1 ? n : close + 1;
			}
			continue;
		}

		// End tag.
		if (next === SLASH) {
			const nameStart = lt + 2;
			if (!isAsciiLetter(html.charCodeAt(nameStart))) {
				// "</>" is nothing; "</ x>" and the like are bogus comments.
				const close = html.indexOf('>', nameStart);
				i = close === -1 ? n : close + 1;
				continue;
			}
			let nameEnd = nameStart;
			while (nameEnd < n && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
			const close = html.indexOf('>', nameEnd);
			if (close === -1) break; // an end tag cut off by the end of input
			endTag(html.slice(nameStart, nameEnd).toLowerCase());
			i = close + 1;
			continue;
		}

		// Anything else that is not a start tag is a literal "<".
		if (!isAsciiLetter(next)) {
			emitText('<');
			i = lt + 1;
			continue;
		}

		// Start tag with attributes.
		let j = lt + 1;
		while (j < n && isNameChar(html.charCodeAt(j))) j++;
		const name = html.slice(lt + 1, j).toLowerCase();
		attributes.clear();
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
			const wanted = j - attributeStart <= 10 && WANTED_ATTRIBUTES.has(html.slice(attributeStart, j).toLowerCase());
			const attribute = wanted ? html.slice(attributeStart, j).toLowerCase() : '';
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
						if (wanted && !attributes.has(attribute)) attributes.set(attribute, html.slice(valueStart, gt));
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
			if (wanted && !attributes.has(attribute)) attributes.set(attribute, html.slice(valueStart, valueEnd));
		}
		if (end === -1) break; // a start tag cut off by the end of input: dropped, like a browser does

		startTag(name, attributes);
		i = end + 1;
		if (HIDDEN_CONTENT.has(name) && html.charCodeAt(end - 1) !== SLASH) {
			i = skipHiddenContent(name, i);
		}
	}
	closeAnchor();
	return { text: out.join(''), anchors };
}
