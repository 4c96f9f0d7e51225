import {
	BANG,
	DOUBLE_QUOTE,
	EQUALS,
	GT,
	HIDDEN_CONTENT,
	isAsciiLetter,
	isNameChar,
	isSpace,
	lowerSlice,
	QUESTION,
	SINGLE_QUOTE,
	SLASH,
	wantedAttribute,
} from './htmlSyntax';

/**
 * Walks HTML markup once, left to right, and tells a handler what it meets: runs of text,
 * start tags (with the few attributes that matter) and end tags. Comments, doctypes and
 * the content of hidden elements (script, style...) are skipped. Each character is
 * examined a bounded number of times, so malformed or hostile markup (unclosed tags, quotes
 * or comments, thousands of "<") costs no more than well-formed markup.
 */

export interface HtmlHandler {
	/** Text html[start, end) between markup. */
	text(start: number, end: number): void;
	/** A start tag, its name in lower case; `attributes` is reused: read it at once. */
	startTag(name: string, attributes: Map<string, string>): void;
	endTag(name: string): void;
}

export function scanHtml(html: string, handler: HtmlHandler): void {
	const n = html.length;
	// Once a quote character is known to be missing from some position on, it is
	// missing from every later position too: remember it, so no search repeats.
	let noDoubleQuoteAfter = n + 1;
	let noSingleQuoteAfter = n + 1;

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
		if (lt > textStart) handler.text(textStart, lt);
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
			handler.endTag(lowerSlice(html, nameStart, nameEnd));
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

		handler.startTag(name, attributes);
		i = end + 1;
		if (HIDDEN_CONTENT.has(name) && html.charCodeAt(end - 1) !== SLASH) {
			i = skipHiddenContent(name, i);
		}
		textStart = i;
	}
	if (textStart < n) handler.text(textStart, n);
}
