import { scanHtml } from './htmlScanner';
import { visibleTextReader } from './htmlReader';

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

export { INVISIBLE } from './htmlSyntax';

/** The visible text of a mail body and its links (see htmlScanner.ts and htmlReader.ts). */
export function parseHtml(html: string): ParsedHtml {
	const reader = visibleTextReader(html);
	scanHtml(html, reader);
	return reader.finish();
}
