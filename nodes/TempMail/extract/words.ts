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
	return phrase.split(' ').map(escape).join('[\\s\\u00A0-]?');
}

function alternation(phrases: string[]): string {
	return phrases.map(phrasePattern).join('|');
}

/**
 * One regular expression matching any of `phrases` (see the rules above). The word-boundary
 * checks are written once for each group of phrases, not once per phrase: a Unicode
 * property class is large, and a hundred copies make the expression slow to compile.
 */
export function phraseMatcher(phrases: readonly string[], global = false): RegExp {
	// Longest first, so an alternation prefers "verification code" over "verification".
	const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
	const whole = (phrase: string) => phrase.endsWith('$');
	const bare = (phrase: string) => (whole(phrase) ? phrase.slice(0, -1) : phrase);
	const startsWord = (phrase: string) => WORD_START.test(phrase);
	const group = (wordStart: boolean, wordEnd: boolean) =>
		sorted
			.filter((phrase) => startsWord(phrase) === wordStart && whole(phrase) === wordEnd)
			.map(bare);

	const parts: string[] = [];
	const wordStems = group(true, false);
	const wordWholes = group(true, true);
	const wordAlternatives = [
		...(wordWholes.length > 0 ? [`(?:${alternation(wordWholes)})(?![\\p{L}\\p{N}])`] : []),
		...(wordStems.length > 0 ? [alternation(wordStems)] : []),
	];
	if (wordAlternatives.length > 0)
		parts.push(`(?<![\\p{L}\\p{N}])(?:${wordAlternatives.join('|')})`);
	const otherWholes = group(false, true);
	if (otherWholes.length > 0) parts.push(`(?:${alternation(otherWholes)})(?![\\p{L}\\p{N}])`);
	const otherStems = group(false, false);
	if (otherStems.length > 0) parts.push(alternation(otherStems));
	return new RegExp(parts.join('|'), global ? 'giu' : 'iu');
}
