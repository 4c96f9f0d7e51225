import type { Candidate } from './codeCandidates';
import { DIGITS, isDigit } from './codeCandidates';
import { ENDING_AFTER, EXPIRED_WORDS, PROMO_AFTER, REFERENCE_BEFORE } from './decoyWords';
import type { Lines } from './textLines';
import { STATE_BEFORE } from './textLines';

/**
 * How much a candidate looks like the code, given how near a code word is (`proximity`).
 * RULED_OUT (negative) when it cannot be the code: part of a larger number (a date, a time,
 * a decimal), a price or percentage, a phone number, right after a label of another kind of
 * number ("order", "#", "booking code", "código postal", "尾号"...), in a sentence that quotes
 * an expired code, or a word of letters that is not set apart as a code.
 */

export const RULED_OUT = -10_000;

export interface Span {
	start: number;
	end: number;
}

/** What the scoring needs to know about the text a candidate is in. */
export interface Setting {
	text: string;
	subject: boolean;
	lines: Lines;
	/** Code words ("code", "код", "验证码"...), sorted. */
	codeWords: Span[];
	/** Labels of other numbers ("promo code", "Sendungsnummer", "رقم الطلب"...), sorted. */
	otherLabels: Span[];
	/** Lower-cased words the text writes in lower or mixed case; found once, when needed. */
	wordsNotInCapitals?: Set<string>;
}

/** Every word of letters the text writes other than in capitals, lower-cased. */
function wordsNotInCapitals(text: string): Set<string> {
	const words = new Set<string>();
	for (const [word] of text.matchAll(/\p{L}+/gu)) {
		if (word !== word.toUpperCase()) words.add(word.toLowerCase());
	}
	return words;
}

const CURRENCY_BEFORE =
	/(?:[$€£¥₹₽₺¢₩]|(?<![\p{L}])(?:usd|eur|gbp|chf|pln|try|rub|brl|mxn|jpy|cny|aud|cad|r\$|zł|kr))\s?$/iu;
const CURRENCY_OR_PERCENT_AFTER =
	/^\s?(?:[%€$£¥₹₽₺₩円元]|(?:zł|kr|eur|usd|gbp|руб|tl|lira|euro|dollar|ドル|원)(?![\p{L}]))/iu;
/** How far before a candidate, on its line, another number's label still claims it. */
const LABEL_REACH = 30;
/** A code word this close makes a candidate "labelled": "code: QGWQMY", "ABCD1234 is your code". */
const TIGHT = 4;
const SENTENCE_END = /[.!?。！？\n]/;
/** Between a code word and its code: the rest of the word, ":" or spaces, maybe "is" in a few languages. */
const NAMED_GAP = new RegExp(
	'^[\\p{L}\\p{M}]{0,20}[\\s:：=\\-–—]{0,4}' +
		'(?:(?:is|ist|lautet|est|es|é|è|är|er|jest|je|adalah|là|คือ|है|هو|הוא)[\\s:：]{1,3})?$',
	'u',
);

/** Index of the first span (sorted, not overlapping) whose `key` is at or after `offset`. */
export function firstAtOrAfter(spans: Span[], offset: number, key: 'start' | 'end'): number {
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (spans[middle][key] < offset) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Digits, separators and brackets around a candidate: is it part of a phone number? */
function looksLikePhone(text: string, candidate: Candidate): boolean {
	const allowed = /[0-9 ()+.\-/]/;
	let start = candidate.start;
	while (start > 0 && candidate.start - start < 24 && allowed.test(text.charAt(start - 1))) start--;
	let end = candidate.end;
	while (end < text.length && end - candidate.end < 24 && allowed.test(text.charAt(end))) end++;
	const span = text.slice(start, end).trim();
	const digits = span.replace(/\D/g, '').length;
	const groups = span.split(/\D+/).filter((group) => group !== '').length;
	if (/\+\s?\d/.test(span) && digits >= 8) return true;
	if (/\(\d{1,4}\)/.test(span) && digits >= 7) return true;
	return digits >= 9 && groups >= 2;
}

/** The sentence holding a candidate (at most 200 characters either side). */
function sentenceOf(text: string, candidate: Candidate): string {
	let start = candidate.start;
	while (start > 0 && candidate.start - start < 200 && !SENTENCE_END.test(text.charAt(start - 1)))
		start--;
	let end = candidate.end;
	while (end < text.length && end - candidate.end < 200 && !SENTENCE_END.test(text.charAt(end)))
		end++;
	return text.slice(start, end);
}

/** Another number's label shortly before on the same line, with no code word or number in between. */
function claimedByOtherLabel(setting: Setting, candidate: Candidate, lineStart: number): boolean {
	const { otherLabels, codeWords } = setting;
	const label = otherLabels[firstAtOrAfter(otherLabels, candidate.start + 1, 'end') - 1];
	if (label === undefined || label.end < lineStart || candidate.start - label.end > LABEL_REACH)
		return false;
	// A label names the first number after it: "card ending in 4821 … is 902114".
	if (/\d/.test(setting.text.slice(label.end, candidate.start))) return false;
	const word = codeWords[firstAtOrAfter(codeWords, candidate.start + 1, 'end') - 1];
	return word === undefined || word.start < label.end;
}

/** A code word right before or right after: the candidate is named a code. */
function isNamed(setting: Setting, candidate: Candidate): boolean {
	const { codeWords } = setting;
	const after = firstAtOrAfter(codeWords, candidate.end, 'start');
	if (after < codeWords.length && codeWords[after].start - candidate.end <= TIGHT) return true;
	const before = codeWords[firstAtOrAfter(codeWords, candidate.start + 1, 'end') - 1];
	if (before === undefined || before.end > candidate.start) return false;
	// The rest of the word a stem matched ("weryfikac|yjny"), then ":" or a space or two.
	return NAMED_GAP.test(setting.text.slice(before.end, candidate.start));
}

/**
 * A word of letters ("QGWQMY", "yupf2BkP") is a code only when set apart as one: alone on
 * its line (a code box), or named by a code word right next to it. A capitalised word the
 * mail also writes in other case ("VERIFY" as a heading over "verify your email") is a word.
 */
function lettersStandApart(setting: Setting, candidate: Candidate): boolean {
	const { text, lines } = setting;
	const shown = text.slice(candidate.start, candidate.end);
	const apart = lines.lineAt(candidate.start).trim() === shown || isNamed(setting, candidate);
	if (!apart) return false;
	if (candidate.shape !== 'letters') return true;
	setting.wordsNotInCapitals ??= wordsNotInCapitals(text);
	return !setting.wordsNotInCapitals.has(shown.toLowerCase());
}

function hasCodeWordOnLine(setting: Setting, lineStart: number, end: number): boolean {
	const word = setting.codeWords[firstAtOrAfter(setting.codeWords, lineStart, 'start')];
	return (
		word !== undefined &&
		word.start < end + TIGHT + 20 &&
		!setting.text.slice(lineStart, word.start).includes('\n')
	);
}

export function score(setting: Setting, candidate: Candidate, proximity: number): number {
	const { text, lines } = setting;
	const { start, end, value } = candidate;
	const before = text.charAt(start - 1);
	const beforeThat = text.charAt(start - 2);
	const after = text.charAt(end);
	const afterThat = text.charAt(end + 1);

	// Part of a larger number: 12.99, 2024-05-17, 10:45, 1/2/2024, 555-0134.
	if ('.,:/-'.includes(before) && before !== '' && isDigit(beforeThat)) return RULED_OUT;
	if ('.,:/-'.includes(after) && after !== '' && isDigit(afterThat)) return RULED_OUT;

	const lineStart = lines.startOf(start);
	const tail = text.slice(Math.max(lineStart, start - 40), start);
	const head = text.slice(end, end + 12);
	if (CURRENCY_BEFORE.test(tail) || CURRENCY_OR_PERCENT_AFTER.test(head)) return RULED_OUT;
	if (/[#№]\s*$/.test(tail) || REFERENCE_BEFORE.test(tail) || ENDING_AFTER.test(head))
		return RULED_OUT;
	if (PROMO_AFTER.test(text.slice(end, end + 40))) return RULED_OUT;
	if (claimedByOtherLabel(setting, candidate, lineStart)) return RULED_OUT;
	if (looksLikePhone(text, candidate)) return RULED_OUT;
	if (EXPIRED_WORDS.test(sentenceOf(text, candidate))) return RULED_OUT;
	if (
		(candidate.shape === 'letters' || candidate.shape === 'mixed') &&
		!lettersStandApart(setting, candidate)
	)
		return RULED_OUT;

	let total = proximity;
	if (/^(19|20)\d{2}$/.test(value)) {
		if (/(©|\(c\))\s*$/i.test(tail) || /^\s?[年년]/.test(head)) return RULED_OUT;
		total -= 60;
	}
	if (/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(value)) total -= 40; // 20240517
	// An address or legal footer line: only a code word on that very line can redeem it.
	if (lines.isAddressOrFooter(start)) {
		if (!hasCodeWordOnLine(setting, lineStart, end)) return RULED_OUT;
		total -= 150;
	}
	if (value.length <= 5 && STATE_BEFORE.test(tail)) total -= 150; // "CA 94107", "NSW 2010"
	if (!DIGITS.test(value)) {
		total -= candidate.shape === 'letters' ? 40 : 20;
		if (/^[A-Z]{3,}\d{1,2}$/.test(value)) total -= 60; // COVID19, IOS17, USB3
	}
	if (value.replace('-', '').length === 6) total += 10;
	if (candidate.grouped) total += 15;
	if (setting.subject) total += 10;
	return total;
}
