/**
 * Builds case-insensitive matchers for keyword lists in many languages.
 *
 * A phrase that starts with a Latin, Greek or Cyrillic letter must start a word (so "code"
 * does not match inside "barcode"), and may be followed by anything: phrases are stems
 * ("verif" matches "verify", "verification"). A phrase ending in "$" must also end a word
 * ("pin$" matches "PIN" but not "pink"). Phrases in scripts written without spaces (CJK)
 * or with attached prefixes (Arabic, Hebrew) match anywhere. A space in a phrase matches
 * a space, a hyphen or nothing ("sign in" matches "sign-in" and "signin").
 */

const WORD_START = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]/u;

function escape(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phrasePattern(phrase: string): string {
	const whole = phrase.endsWith('$');
	const body = whole ? phrase.slice(0, -1) : phrase;
	let pattern = body
		.split(' ')
		.map(escape)
		.join('[\\s\\u00A0-]?');
	if (WORD_START.test(body)) pattern = `(?<![\\p{L}\\p{N}])${pattern}`;
	if (whole) pattern = `${pattern}(?![\\p{L}\\p{N}])`;
	return pattern;
}

/** One regular expression matching any of `phrases` (see the rules above). */
export function phraseMatcher(phrases: readonly string[], global = false): RegExp {
	// Longest first, so an alternation prefers "verification code" over "verification".
	const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
	return new RegExp(sorted.map(phrasePattern).join('|'), global ? 'giu' : 'iu');
}
