import { CODE_NOUNS } from './codeWords';
import {
	APPROVE_WORDS,
	CONDITIONAL_WORDS,
	DENY_WORDS,
	PASSWORD_WORDS,
	SUBSCRIBE_WORDS,
} from './linkIntentWords';
import {
	ABOVE_WORDS,
	ACTION_WORDS,
	AVOID_WORDS,
	GENERIC_LABELS,
	LINK_WORDS,
	SIGN_IN_WORDS,
} from './linkWords';
import type { LinkOccurrence } from './links';
import { linkOccurrences, textAfter, textBefore, uniqueUrls } from './links';
import { compileUserPattern } from './pattern';
import { readUrl } from './url';

export interface LinkOptions {
	/**
	 * A regular expression: the first link matching it is the verification link, instead
	 * of the built-in rules. A plain source is case-insensitive; "/source/flags" takes its
	 * own flags.
	 */
	linkPattern?: string;
}

/** Only the first links are weighed: a mail with more is not a verification mail. */
const MAX_WEIGHED = 2000;

/** Scores: higher wins, the first link wins a tie, 0 never wins. */
const ACTION = 3;
const SIGN_IN = 2;
/** How far before a link a "no, it wasn't me" still labels it. */
const DENY_REACH = 40;

/** What the verification link does. */
export type VerificationLinkKind =
	'verify' | 'reset' | 'magic sign-in' | 'confirm subscription' | 'approve sign-in';

export interface VerificationLinkChoice {
	url: string;
	kind: VerificationLinkKind;
}

function isUninformative(label: string): boolean {
	const plain = label
		.toLowerCase()
		.replace(/[\s\p{P}\p{S}]+/gu, ' ')
		.trim();
	// "", "»", "OK"; but a two-character label in Chinese or Japanese ("验证", "確認") says a lot.
	if (plain.length <= 2 && /^[\p{Script=Latin}\p{N} ]*$/u.test(plain)) return true;
	if (GENERIC_LABELS.has(plain)) return true;
	// The link's own address (or a domain) as its label.
	return (
		/^(https?:\/\/|www\.)/i.test(label.trim()) || /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(label.trim())
	);
}

/**
 * How much an appearance of a link looks like the verification link.
 * ACTION: the URL, its label or the sentence leading to it says verify / confirm /
 * activate / validate / reset / magic link / approve / confirm the subscription. SIGN_IN: it
 * says sign in / log in and the URL carries a token. 0: anything else, a link to avoid
 * (unsubscribe, privacy, help, tracking...), the "no, it wasn't me" half of an approval
 * pair, or a link offered "if this wasn't you" / "forgot your password?" as notification
 * mails do.
 */
function weigh(occurrence: LinkOccurrence): number {
	const url = readUrl(occurrence.url);
	if (url.avoid || url.bare) return 0;
	const context = textBefore(occurrence.source, occurrence.offset);
	if (CONDITIONAL_WORDS.test(context)) return 0;

	let score = url.action ? ACTION : url.signIn && url.token ? SIGN_IN : 0;

	if (!isUninformative(occurrence.label)) {
		const label = occurrence.label;
		if (AVOID_WORDS.test(label) || DENY_WORDS.test(label) || CONDITIONAL_WORDS.test(label))
			return 0;
		if (ACTION_WORDS.test(label) || APPROVE_WORDS.test(label)) return ACTION;
		if (SUBSCRIBE_WORDS.test(label) && (url.token || url.action)) return ACTION;
		if (SIGN_IN_WORDS.test(label) && (url.token || url.action)) return Math.max(score, SIGN_IN);
		// A label that names some other page ("Review account activity") outweighs a URL
		// that merely carries a session token.
		return url.action ? ACTION : 0;
	}

	// No useful label (a bare URL in text, "click here"): read the sentence leading to it.
	// "No, it wasn't me: https://…" labels a link written in text; a sentence further back
	// ("… we blocked them. To unblock your account, reset …") does not.
	const near =
		context.length > DENY_REACH ? context.slice(-DENY_REACH).replace(/^\S*\s+/, '') : context;
	const denied = DENY_WORDS.test(near);
	if (context !== '' && !AVOID_WORDS.test(context) && !denied) {
		// "Your verification code is 123456" before a link talks about the code, not the link.
		const aboutTheLink = LINK_WORDS.test(context) || !CODE_NOUNS.test(context);
		if (aboutTheLink && (ACTION_WORDS.test(context) || APPROVE_WORDS.test(context))) return ACTION;
		if (aboutTheLink && SIGN_IN_WORDS.test(context) && url.token) score = Math.max(score, SIGN_IN);
	} else if (context !== '') {
		return 0;
	}
	// A link written in text may be explained after it: "Open the link above to verify".
	if (occurrence.inText) {
		const after = textAfter(occurrence.source, occurrence.offset);
		if (ABOVE_WORDS.test(after) && !AVOID_WORDS.test(after)) {
			if (ACTION_WORDS.test(after)) return ACTION;
			if (SIGN_IN_WORDS.test(after) && url.token) score = Math.max(score, SIGN_IN);
		}
	}
	return score;
}

/** What a chosen link does, from its label, the sentence before it and its URL. */
function kindOf(occurrence: LinkOccurrence, score: number): VerificationLinkKind {
	const label = isUninformative(occurrence.label) ? '' : occurrence.label;
	const context = textBefore(occurrence.source, occurrence.offset);
	const said = `${label} ${context}`;
	const url = readUrl(occurrence.url);
	if (APPROVE_WORDS.test(label) || (label === '' && APPROVE_WORDS.test(context)))
		return 'approve sign-in';
	if (SUBSCRIBE_WORDS.test(said)) return 'confirm subscription';
	if (url.reset || PASSWORD_WORDS.test(label) || (label === '' && PASSWORD_WORDS.test(context)))
		return 'reset';
	if (score === SIGN_IN || url.magic || (SIGN_IN_WORDS.test(label) && !ACTION_WORDS.test(label)))
		return 'magic sign-in';
	return 'verify';
}

/** The best-weighed link among appearances and what it does; null when none counts. */
export function chooseVerificationLink(
	occurrences: LinkOccurrence[],
): VerificationLinkChoice | null {
	let best: LinkOccurrence | null = null;
	let bestScore = 0;
	const weighed = occurrences.slice(0, MAX_WEIGHED);
	for (const occurrence of weighed) {
		const score = weigh(occurrence);
		if (score > bestScore) {
			best = occurrence;
			bestScore = score;
			if (score === ACTION) break; // nothing scores higher: the first one wins
		}
	}
	return best === null ? null : { url: best.url, kind: kindOf(best, bestScore) };
}

/** What a link chosen some other way (a Link Pattern) does, from its first appearance. */
export function kindOfLink(occurrences: LinkOccurrence[], url: string): VerificationLinkKind {
	const occurrence = occurrences.find((candidate) => candidate.url === url);
	return occurrence === undefined ? 'verify' : kindOf(occurrence, weigh(occurrence));
}

/** The best-weighed link among appearances, first one on a tie; null when none counts. */
export function pickVerificationLink(occurrences: LinkOccurrence[]): string | null {
	return chooseVerificationLink(occurrences)?.url ?? null;
}

/** The first link (de-duplicated, in order) matching the user's pattern. */
export function matchLinkPattern(links: string[], linkPattern: string): string | null {
	const pattern = compileUserPattern(linkPattern, 'Link Pattern');
	return links.find((link) => pattern.test(link)) ?? null;
}

/**
 * The link to open to verify / confirm / activate / sign in / reset, or null. With a
 * `linkPattern`, the first link matching it instead. `content` is HTML when `html` is
 * true, else plain text.
 */
export function findVerificationLink(
	content: string,
	html: boolean,
	options: LinkOptions = {},
): string | null {
	const occurrences = linkOccurrences(content, html);
	if (options.linkPattern !== undefined && options.linkPattern.trim() !== '') {
		return matchLinkPattern(uniqueUrls(occurrences), options.linkPattern);
	}
	return pickVerificationLink(occurrences);
}
