import { findCodeCandidates } from './code';
import { parseHtml } from './html';
import type { LinkOccurrence } from './links';
import { linkOccurrences, uniqueUrls } from './links';
import { compileUserPattern } from './pattern';
import { normaliseText } from './text';
import type { ExtractableMessage, ExtractOptions, ExtractResult } from './types';
import { chooseVerificationLink, kindOfLink, matchLinkPattern } from './verificationLink';

export { findCode, findCodeCandidates } from './code';
export type { CodeCandidate, CodeOptions } from './code';
export { decodeEntities } from './entities';
export { findLinks } from './links';
export { compileUserPattern, InvalidPatternError } from './pattern';
export { htmlToText } from './text';
export type { ExtractableMessage, ExtractOptions, ExtractResult } from './types';
export { findVerificationLink } from './verificationLink';
export type { LinkOptions, VerificationLinkKind } from './verificationLink';

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

/** The Minimum Confidence option as a number in 0–1; anything else is refused with what to fix. */
function minimumConfidenceOf(value: unknown): number {
	if (value === undefined || value === null || value === '') return 0;
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number) || number < 0 || number > 1)
		throw new RangeError(
			`Minimum Confidence must be a number from 0 to 1 (got ${JSON.stringify(value)}): 0 keeps any code, 0.8 keeps only clear ones`,
		);
	return number;
}

/**
 * Reads a message without any request: its text, verification code (with the candidates
 * and their confidence), links and verification link (with what it does). Throws
 * InvalidPatternError when `codePattern` or `linkPattern` is not a valid regular
 * expression, RangeError when `minimumConfidence` is not in 0–1.
 */
export function extractFromMessage(
	message: ExtractableMessage,
	options: ExtractOptions = {},
): ExtractResult {
	// Refuse a bad pattern before reading a (possibly large) body.
	if (isSet(options.codePattern)) compileUserPattern(options.codePattern, 'Code Pattern');
	if (isSet(options.linkPattern)) compileUserPattern(options.linkPattern, 'Link Pattern');
	const minimumConfidence = minimumConfidenceOf(options.minimumConfidence);
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
	const codeCandidates = findCodeCandidates(subject, text, { codePattern: options.codePattern });
	const best = codeCandidates[0];
	const code = best !== undefined && best.confidence >= minimumConfidence ? best.code : null;
	if (isSet(options.linkPattern)) {
		const verificationLink = matchLinkPattern(links, options.linkPattern);
		const verificationLinkKind =
			verificationLink === null ? null : kindOfLink(occurrences, verificationLink);
		return { text, code, codeCandidates, links, verificationLink, verificationLinkKind };
	}
	const choice = chooseVerificationLink(occurrences);
	return {
		text,
		code,
		codeCandidates,
		links,
		verificationLink: choice?.url ?? null,
		verificationLinkKind: choice?.kind ?? null,
	};
}
