import { decodeEntities } from './entities';
import type { HtmlAnchor, ParsedHtml } from './html';
import type { HtmlHandler } from './htmlScanner';
import {
	BLANK,
	CELL,
	COLLAPSE,
	HEAD_CONTENT,
	HTML_WHITESPACE,
	INVISIBLE,
	LINE,
	PARAGRAPH,
	whitespaceOf,
} from './htmlSyntax';

/**
 * What the HTML reader keeps of the markup the scanner walks: the visible text, with "\n"
 * where a block starts or ends, and every `<a href>` / `<area href>` with its label.
 */

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

/** A handler for scanHtml that collects the visible text and the anchors of `html`. */
export function visibleTextReader(html: string): HtmlHandler & { finish(): ParsedHtml } {
	const out: string[] = [];
	let outLength = 0;
	const anchors: HtmlAnchor[] = [];
	let anchor: OpenAnchor | undefined;
	let inHead = false;
	let preDepth = 0;

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
	 * The text html[start, end): only whitespace (indentation: not even copied), whitespace
	 * to collapse, or character references to decode first.
	 */
	const emitRange = (start: number, end: number) => {
		let verdict = whitespaceOf(html, start, end);
		const space = () => {
			if (inHead) return;
			pendingSpace = true;
			addToLabel(' ');
		};
		if (verdict === BLANK && preDepth === 0) return space();
		let value = html.slice(start, end);
		if (value.includes('&')) {
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

	return {
		text: emitRange,
		startTag,
		endTag,
		finish: () => {
			closeAnchor();
			return { text: out.join(''), anchors };
		},
	};
}
