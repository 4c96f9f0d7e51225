import { CODE_WORDS_GLOBAL, OTHER_CODE_WORDS_GLOBAL, REFERENCE_BEFORE } from './codeWords';
import { prepareForCodeSearch } from './codeText';
import { compileUserPattern } from './pattern';

export interface CodeOptions {
	/**
	 * A regular expression that finds the code instead of the built-in rules: its first
	 * capture group, or the whole match without one. A plain source is case-insensitive;
	 * "/source/flags" takes its own flags.
	 */
	codePattern?: string;
}

/**
 * How the built-in search works
 *
 * Candidates are 4–8 characters: all digits, or upper-case letters mixed with digits.
 * Two groups joined by one "-" or space count as one code ("123-456", "482 913",
 * "K7P-2QX") and are returned without the separator, because that is what a form expects.
 *
 * A candidate needs a code word ("code", "OTP", "PIN", "verification", "is your",
 * "código", "код", "验证码"...) within WINDOW characters in the same text (subject or
 * body); the nearer the word, the higher the score. A candidate is ruled out when it is
 * part of a larger number (a date, a time, a decimal), a price or percentage, a phone
 * number, or follows "order", "#", "invoice", "ref", "promo code", "zip code"...; it
 * loses points when it is a year, a date, on an address or copyright line, or a
 * letter-digit word like "COVID19". Highest score wins; a subject candidate gets a small
 * bonus and wins a tie, so the subject is read first, yet a clear code in the body still
 * beats a doubtful number in the subject (a year, say); among equals the earlier wins.
 * A year-like number (1900–2099) is returned only when nothing better is near a code word.
 *
 * Limits: the first 50 000 characters of the body and 2 000 of the subject are searched.
 */

/** The body is searched up to here: codes sit near the top of a mail. */
const MAX_BODY = 50_000;
/** A subject is a line; anything longer is not a subject worth reading further. */
const MAX_SUBJECT = 2_000;
/** A code word further than this from a candidate does not count. */
const WINDOW = 250;
const RULED_OUT = -10_000;
/** Proximity score of a code word right before ("code: 123456") or right after ("123456 is your code"). */
const WORD_BEFORE = 300;
const WORD_AFTER = 285;

interface Candidate {
	start: number;
	end: number;
	value: string;
	grouped: boolean;
}

interface Span {
	start: number;
	end: number;
}

const ADDRESS_LINE = new RegExp(
	'(?<![\\p{L}\\p{N}])(?:street|st\\.|avenue|ave\\.?|road|rd\\.|boulevard|blvd|suite|ste\\.|floor|drive|dr\\.|' +
		'lane|ln\\.|st(?=[\\s,])|rd(?=[\\s,])|plaza|p\\.?\\s?o\\.?\\s?box|straße|strasse|str\\.|calle|avenida|av\\.|rue|piazza|viale|' +
		'ul\\.|ulica|cadde|cad\\.|sokak|mahallesi|laan|weg|plein|gracht|postfach|postbus|apartado)(?![\\p{L}])' +
		// German compounds: Musterstraße, Hauptstr.
		'|\\p{L}(?:straße|strasse|str\\.)',
	'iu',
);
/** US states, Australian states and territories: "CA 94107", "NSW 2010". */
const STATE =
	'(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|NSW|VIC|QLD|TAS|ACT|NT|SA)';
const STATE_AND_ZIP = new RegExp(`(?<![A-Za-z])${STATE},?\\s\\d{4,5}(?!\\d)`);
const STATE_BEFORE = new RegExp(`(?<![A-Za-z])${STATE},?\\s$`);
const FOOTER_LINE = new RegExp(
	'©|\\(c\\)|copyright|all rights reserved|(?<![\\p{L}])(?:inc\\.?|llc|ltd\\.?|gmbh|s\\.a\\.|b\\.v\\.|s\\.l\\.|ag|sas|s\\.r\\.l\\.|s\\.p\\.a\\.|a\\.ş\\.|plc|ооо)(?![\\p{L}])',
	'iu',
);

const CURRENCY_BEFORE =
	/(?:[$€£¥₹₽₺¢₩]|(?<![\p{L}])(?:usd|eur|gbp|chf|pln|try|rub|brl|mxn|jpy|cny|aud|cad|r\$|zł|kr))\s?$/iu;
const CURRENCY_OR_PERCENT_AFTER =
	/^\s?(?:[%€$£¥₹₽₺₩円元]|(?:zł|kr|eur|usd|gbp|руб|tl|lira|euro|dollar|ドル|원)(?![\p{L}]))/iu;

function isWordChar(code: number): boolean {
	return (
		(code >= 0x30 && code <= 0x39) ||
		(code >= 0x41 && code <= 0x5a) ||
		(code >= 0x61 && code <= 0x7a) ||
		code === 0x5f ||
		(code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || // Latin letters
		(code >= 0x370 && code <= 0x52f) // Greek, Cyrillic
	);
}

function isDigit(char: string): boolean {
	return char >= '0' && char <= '9';
}

const DIGITS = /^\d+$/;
const UPPER_ALNUM = /^[A-Z0-9]+$/;

function isSingleCode(value: string): boolean {
	if (value.length < 4 || value.length > 8) return false;
	if (DIGITS.test(value)) return true;
	return UPPER_ALNUM.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

function isGroupedCode(first: string, second: string, separator: string): boolean {
	const total = first.length + second.length;
	if (total < 4 || total > 8) return false;
	if (DIGITS.test(first) && DIGITS.test(second)) {
		if (separator === '-') return first.length >= 2 && second.length >= 2;
		return first.length === second.length && first.length >= 3;
	}
	if (!UPPER_ALNUM.test(first) || !UPPER_ALNUM.test(second)) return false;
	if (first.length < 3 || second.length < 3) return false;
	const joined = first + second;
	if (!/[A-Z]/.test(joined) || !/\d/.test(joined)) return false;
	// "CODE 1234" is a word and a number, not one code: with a space each group needs a digit.
	return separator === '-' || (/\d/.test(first) && /\d/.test(second));
}

const SEPARATORS = new Set(['-', ' ', '\u2010', '\u2011']);

function candidatesIn(text: string): Candidate[] {
	const runs: Span[] = [];
	let i = 0;
	while (i < text.length) {
		if (!isWordChar(text.charCodeAt(i))) {
			i++;
			continue;
		}
		const start = i;
		while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
		runs.push({ start, end: i });
	}
	const candidates: Candidate[] = [];
	const isLoneDigit = (span: Span | undefined) =>
		span !== undefined && span.end - span.start === 1 && isDigit(text.charAt(span.start));
	const spacedAfter = (left: Span, right: Span | undefined) =>
		right !== undefined && right.start === left.end + 1 && text.charAt(left.end) === ' ';
	for (let r = 0; r < runs.length; r++) {
		const run = runs[r];
		const value = text.slice(run.start, run.end);
		// One digit per box ("4 8 2 9 1 3"): a code laid out in table cells.
		if (isLoneDigit(run) && !(r > 0 && isLoneDigit(runs[r - 1]) && spacedAfter(runs[r - 1], run))) {
			let last = r;
			while (last - r < 8 && isLoneDigit(runs[last + 1]) && spacedAfter(runs[last], runs[last + 1]))
				last++;
			const count = last - r + 1;
			if (
				count >= 4 &&
				count <= 8 &&
				!(isLoneDigit(runs[last + 1]) && spacedAfter(runs[last], runs[last + 1]))
			) {
				const digits = runs
					.slice(r, last + 1)
					.map((digit) => text.charAt(digit.start))
					.join('');
				candidates.push({ start: run.start, end: runs[last].end, value: digits, grouped: true });
			}
		}
		const next = runs[r + 1];
		if (next !== undefined && next.start === run.end + 1 && SEPARATORS.has(text.charAt(run.end))) {
			const second = text.slice(next.start, next.end);
			const separator = text.charAt(run.end) === ' ' ? ' ' : '-';
			if (isGroupedCode(value, second, separator)) {
				candidates.push({ start: run.start, end: next.end, value: value + second, grouped: true });
			}
		}
		if (isSingleCode(value))
			candidates.push({ start: run.start, end: run.end, value, grouped: false });
	}
	return candidates;
}

function spansOf(pattern: RegExp, text: string): Span[] {
	const spans: Span[] = [];
	pattern.lastIndex = 0;
	for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
		if (match[0] === '') {
			pattern.lastIndex++;
			continue;
		}
		spans.push({ start: match.index, end: match.index + match[0].length });
	}
	return spans;
}

/** Lines of a text, found once, with their address/footer verdicts computed on demand. */
class Lines {
	private readonly starts: number[] = [0];
	private readonly verdicts = new Map<number, boolean>();

	constructor(private readonly text: string) {
		for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
			this.starts.push(at + 1);
	}

	private indexOf(offset: number): number {
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (this.starts[middle] <= offset) low = middle;
			else high = middle - 1;
		}
		return low;
	}

	startOf(offset: number): number {
		return this.starts[this.indexOf(offset)];
	}

	/** True when the line holding `offset` reads like a postal address or a legal footer. */
	isAddressOrFooter(offset: number): boolean {
		const index = this.indexOf(offset);
		const cached = this.verdicts.get(index);
		if (cached !== undefined) return cached;
		const end = index + 1 < this.starts.length ? this.starts[index + 1] - 1 : this.text.length;
		const line = this.text.slice(this.starts[index], end);
		const verdict =
			line.length <= 300 &&
			(ADDRESS_LINE.test(line) || STATE_AND_ZIP.test(line) || FOOTER_LINE.test(line));
		this.verdicts.set(index, verdict);
		return verdict;
	}
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

/** Index of the first span (sorted, not overlapping) whose `key` is at or after `offset`. */
function firstAtOrAfter(spans: Span[], offset: number, key: 'start' | 'end'): number {
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (spans[middle][key] < offset) low = middle + 1;
		else high = middle;
	}
	return low;
}

function nearestCodeWord(words: Span[], candidate: Candidate): number {
	const low = firstAtOrAfter(words, candidate.end, 'start');
	let best = 0;
	for (let w = low - 1; w >= 0 && w >= low - 3; w--) {
		const word = words[w];
		if (word.end > candidate.start) continue; // overlaps the candidate
		const distance = candidate.start - word.end;
		if (distance <= WINDOW) best = Math.max(best, WORD_BEFORE - distance);
		break;
	}
	if (low < words.length) {
		const distance = words[low].start - candidate.end;
		if (distance <= WINDOW) best = Math.max(best, WORD_AFTER - distance);
	}
	return best;
}

interface Source {
	text: string;
	subject: boolean;
}

interface Scored {
	value: string;
	score: number;
}

function score(
	source: Source,
	candidate: Candidate,
	proximity: number,
	lines: Lines,
	otherCodes: Span[],
): number {
	const { text } = source;
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
	if (/[#№]\s*$/.test(tail) || REFERENCE_BEFORE.test(tail)) return RULED_OUT;
	// Right after "promo code", "zip code"... on the same line.
	const otherBefore = otherCodes[firstAtOrAfter(otherCodes, start + 1, 'end') - 1];
	if (otherBefore !== undefined && start - otherBefore.end <= 20 && otherBefore.end >= lineStart)
		return RULED_OUT;
	if (looksLikePhone(text, candidate)) return RULED_OUT;

	let total = proximity;
	if (/^(19|20)\d{2}$/.test(value)) {
		if (/(©|\(c\))\s*$/i.test(tail) || /^\s?[年년]/.test(head)) return RULED_OUT;
		total -= 60;
	}
	if (/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(value)) total -= 40; // 20240517
	if (lines.isAddressOrFooter(start)) total -= 150;
	if (value.length <= 5 && STATE_BEFORE.test(tail)) total -= 150; // "CA 94107", "NSW 2010"
	if (!DIGITS.test(value)) {
		total -= 20;
		if (/^[A-Z]{3,}\d{1,2}$/.test(value)) total -= 60; // COVID19, IOS17, USB3
	}
	if (value.length === 6) total += 10;
	if (candidate.grouped) total += 15;
	if (source.subject) total += 10;
	return total;
}

/** Code words of a text, without those inside another kind of code ("promo code"). */
function codeWordsOf(text: string): { words: Span[]; others: Span[] } {
	const words = spansOf(CODE_WORDS_GLOBAL, text);
	const others = spansOf(OTHER_CODE_WORDS_GLOBAL, text);
	let o = 0;
	const kept = words.filter((word) => {
		while (o < others.length && others[o].end < word.end) o++;
		return !(o < others.length && others[o].start <= word.start && word.end <= others[o].end);
	});
	return { words: kept, others };
}

function best(sources: Source[]): string | null {
	let winner: Scored | null = null;
	const codeWords = sources.map((source) => codeWordsOf(source.text));
	const anyCodeWord = codeWords.some(({ words }) => words.length > 0);

	for (let index = 0; index < sources.length; index++) {
		const source = sources[index];
		const { words, others } = codeWords[index];
		const lines = new Lines(source.text);
		for (const candidate of candidatesIn(source.text)) {
			let proximity = nearestCodeWord(words, candidate);
			// A subject is short: a code there counts when the mail talks about a code at all.
			if (proximity === 0 && source.subject && anyCodeWord) proximity = 60;
			if (proximity === 0) continue;
			const total = score(source, candidate, proximity, lines, others);
			if (total > 0 && (winner === null || total > winner.score))
				winner = { value: candidate.value, score: total };
		}
	}
	return winner === null ? null : winner.value;
}

/** The first match of the user's pattern in the subject, else in the text. */
export function matchCodePattern(
	subject: string,
	text: string,
	codePattern: string,
): string | null {
	const pattern = compileUserPattern(codePattern, 'Code Pattern');
	for (const source of [subject, text]) {
		const match = pattern.exec(source);
		if (match === null) continue;
		const found = match.length > 1 && match[1] !== undefined ? match[1] : match[0];
		const trimmed = found.trim();
		if (trimmed !== '') return trimmed;
	}
	return null;
}

/**
 * The verification code in a message, or null. `text` is the body as plain text (see
 * htmlToText). The subject is searched as well as the body; see the notes above for the
 * rules. With a `codePattern`, that regular expression decides instead.
 */
export function findCode(subject: string, text: string, options: CodeOptions = {}): string | null {
	if (options.codePattern !== undefined && options.codePattern.trim() !== '') {
		return matchCodePattern(subject, text, options.codePattern);
	}
	return best([
		{
			text: prepareForCodeSearch(subject.slice(0, MAX_SUBJECT).replace(/\s+/g, ' ')),
			subject: true,
		},
		{ text: prepareForCodeSearch(text.slice(0, MAX_BODY)), subject: false },
	]);
}
