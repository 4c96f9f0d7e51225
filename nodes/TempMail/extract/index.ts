import { findCode } from './code';
import { parseHtml } from './html';
import type { LinkOccurrence } from './links';
import { linkOccurrences, uniqueUrls } from './links';
import { compileUserPattern } from './pattern';
import { normaliseText } from './text';
import type { ExtractableMessage, ExtractOptions, ExtractResult } from './types';
import { matchLinkPattern, pickVerificationLink } from './verificationLink';

export { findCode } from './code';
export type { CodeOptions } from './code';
export { decodeEntities } from './entities';
export { findLinks } from './links';
export { compileUserPattern, InvalidPatternError } from './pattern';
export { htmlToText } from './text';
export type { ExtractableMessage, ExtractOptions, ExtractResult } from './types';
export { findVerificationLink } from './verificationLink';
export type { LinkOptions } from './verificationLink';

function isSet(pattern: string | undefined): pattern is string {
	return typeof pattern === 'string' && pattern.trim() !== '';
}

function asText(value: unknown): string {
	return typeof value === 'string'
		? value
		: value === undefined || value === null
			? ''
			: String(value);
}

/**
 * Reads a message without any request: its text, verification code, links and
 * verification link. Throws InvalidPatternError when `codePattern` or `linkPattern`
 * is not a valid regular expression.
 */
export function extractFromMessage(
	message: ExtractableMessage,
	options: ExtractOptions = {},
): ExtractResult {
	// Refuse a bad pattern before reading a (possibly large) body.
	if (isSet(options.codePattern)) compileUserPattern(options.codePattern, 'Code Pattern');
	if (isSet(options.linkPattern)) compileUserPattern(options.linkPattern, 'Link Pattern');
	const subject = asText(message.subject);
	const content = asText(message.content);
	let text: string;
	let occurrences: LinkOccurrence[];
	if (message.html) {
		const parsed = parseHtml(content);
		text = normaliseText(parsed.text);
		occurrences = linkOccurrences(content, true, parsed);
	} else {
		text = normaliseText(content);
		occurrences = linkOccurrences(content, false);
	}
	const links = uniqueUrls(occurrences);
	const code = findCode(subject, text, { codePattern: options.codePattern });
	const verificationLink = isSet(options.linkPattern)
		? matchLinkPattern(links, options.linkPattern)
		: pickVerificationLink(occurrences);
	return { text, code, links, verificationLink };
}
