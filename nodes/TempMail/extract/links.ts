import type { ParsedHtml } from './html';
import { decodeEntities } from './entities';
import { parseHtml } from './html';

/** One appearance of a link in a message, before de-duplication. */
export interface LinkOccurrence {
	url: string;
	/** The anchor's label (text, image alt, aria-label); '' for a link written in the text. */
	label: string;
	/** Where the link appears in `source`. */
	offset: number;
	/** The text the link appears in (the un-normalised visible text for HTML). */
	source: string;
	/** Written in the text (at `offset` in `source`), rather than an anchor's href. */
	inText: boolean;
}

/**
 * A link written in text: scheme, then anything up to whitespace, angle brackets, double
 * quotes, backticks, typographic quotes/guillemets, CJK/full-width punctuation, or a letter
 * of a script written without spaces (Chinese, Japanese, Korean, Thai): such mail runs the
 * next word straight on ("点击https://…/verify?t=abc完成验证"). A link written in text
 * with a path in those scripts is cut there; an href keeps its path as written.
 */
const TEXT_URL = new RegExp(
	'https?://[^\\s<>"`\\u00AB\\u00BB\\u2018-\\u201F\\u3000-\\u303F\\uFF00-\\uFFEF' +
		'\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}]+',
	'giu',
);

/** Stripped from the end of a link written in text: sentence punctuation and quotes. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '\u2026']);
const OPENER_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Removes trailing punctuation from a link found in text. A closing bracket is kept when
 * the link opened one itself (https://en.wikipedia.org/wiki/Foo_(bar)).
 */
export function trimTextUrl(url: string): string {
	// Open minus closed brackets of each kind, counted once and updated while trimming.
	const balance: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
	for (const char of url) {
		if (char in balance) balance[char]++;
		else if (char in OPENER_OF) balance[OPENER_OF[char]]--;
	}
	let end = url.length;
	while (end > 0) {
		const char = url.charAt(end - 1);
		if (TRAILING.has(char)) {
			end--;
			continue;
		}
		const opener = OPENER_OF[char];
		if (opener !== undefined && balance[opener] < 0) {
			balance[opener]++;
			end--;
			continue;
		}
		break;
	}
	return url.slice(0, end);
}

/** True for an absolute http(s) URL with something that can be a host after "//". */
export function isWebUrl(url: string): boolean {
	const match = /^https?:\/\/(.)/i.exec(url);
	if (match === null) return false;
	const first = match[1];
	return (
		first !== '/' &&
		first !== '?' &&
		first !== '#' &&
		first !== '@' &&
		first !== ':' &&
		!/\s/.test(first)
	);
}

/**
 * Links written in `source`. In a plain-text body, character references in a link are
 * decoded too ("?a=1&amp;b=2" comes from HTML turned into text carelessly); in text taken
 * from HTML they already are.
 */
function textUrls(source: string, decode: boolean): LinkOccurrence[] {
	const found: LinkOccurrence[] = [];
	TEXT_URL.lastIndex = 0;
	for (let match = TEXT_URL.exec(source); match !== null; match = TEXT_URL.exec(source)) {
		const before = match.index > 0 ? source.charAt(match.index - 1) : '';
		if (/[A-Za-z0-9]/.test(before)) continue; // "xhttps://" is not the start of a link
		const written = trimTextUrl(match[0]);
		const url = decode && written.includes('&') ? decodeEntities(written) : written;
		if (isWebUrl(url)) found.push({ url, label: '', offset: match.index, source, inText: true });
	}
	return found;
}

/**
 * Every http(s) link in a message body, in order of appearance and not de-duplicated:
 * for HTML the `href`s of `<a>`/`<area>` and the links written in the visible text, for
 * plain text the links written in it.
 */
export function linkOccurrences(
	content: string,
	html: boolean,
	parsed?: ParsedHtml,
): LinkOccurrence[] {
	if (!html) return textUrls(content, true);
	const { text, anchors } = parsed ?? parseHtml(content);
	const inText = textUrls(text, false);
	const result: LinkOccurrence[] = [];
	let t = 0;
	for (const anchor of anchors) {
		if (!isWebUrl(anchor.href)) continue;
		while (t < inText.length && inText[t].offset < anchor.offset) result.push(inText[t++]);
		result.push({
			url: anchor.href,
			label: anchor.label,
			offset: anchor.offset,
			source: text,
			inText: false,
		});
	}
	while (t < inText.length) result.push(inText[t++]);
	return result;
}

/** De-duplicated links, first appearance first. */
export function uniqueUrls(occurrences: LinkOccurrence[]): string[] {
	const seen = new Set<string>();
	const links: string[] = [];
	for (const { url } of occurrences) {
		if (seen.has(url)) continue;
		seen.add(url);
		links.push(url);
	}
	return links;
}

/**
 * Every http(s) link in a message body (HTML when `html` is true, else plain text):
 * anchors' hrefs and links written in the text, de-duplicated, in order of appearance,
 * character references decoded, trailing punctuation removed from links found in text.
 */
export function findLinks(content: string, html: boolean): string[] {
	return uniqueUrls(linkOccurrences(content, html));
}

/**
 * The text just before `offset` on the same line; when the link starts its line, the
 * nearest non-empty line above it. At most `limit` characters are read.
 */
export function textBefore(source: string, offset: number, limit = 300): string {
	const start = Math.max(0, offset - limit);
	const window = source.slice(start, offset);
	const lines = window.split('\n');
	const own = lines[lines.length - 1].replace(/\s+/g, ' ').trim();
	if (/[\p{L}\p{N}]/u.test(own)) return own;
	for (let i = lines.length - 2; i >= 0; i--) {
		const line = lines[i].replace(/\s+/g, ' ').trim();
		if (line !== '') return line;
	}
	return '';
}

/**
 * The rest of the line after a link written in text, or the next non-empty line when the
 * link ends its line. At most `limit` characters are read.
 */
export function textAfter(source: string, offset: number, limit = 300): string {
	const window = source.slice(offset, offset + limit);
	const lines = window.split('\n');
	const own = lines[0].replace(/^\S+/, '').replace(/\s+/g, ' ').trim();
	if (/[\p{L}\p{N}]/u.test(own)) return own;
	for (let i = 1; i < lines.length - 1; i++) {
		const line = lines[i].replace(/\s+/g, ' ').trim();
		if (line !== '') return line;
	}
	return '';
}
