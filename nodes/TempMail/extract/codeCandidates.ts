/**
 * Everything in a text that could be a code, before any judging. A candidate is written
 * the way a person would type it: digits-only codes lose their grouping separators
 * ("582 013" → "582013", a digit per table cell → one number), an alphanumeric code keeps
 * the hyphen it is shown with ("K7Q-9XZ"), case is kept.
 */

/** digits: 4–8 digits. alnum: capitals and digits. letters: 6–8 capitals. mixed: both cases and digits. */
export type CodeShape = 'digits' | 'alnum' | 'letters' | 'mixed';

export interface Candidate {
	start: number;
	end: number;
	value: string;
	grouped: boolean;
	shape: CodeShape;
}

interface Span {
	start: number;
	end: number;
}

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

export function isDigit(char: string): boolean {
	return char >= '0' && char <= '9';
}

export const DIGITS = /^\d+$/;
const UPPER_ALNUM = /^[A-Z0-9]+$/;
const ANY_ALNUM = /^[A-Za-z0-9]+$/;

/** The shape of a single word, or null when it cannot be a code. */
function shapeOf(value: string): CodeShape | null {
	const length = value.length;
	if (length < 4 || length > 10) return null;
	if (DIGITS.test(value)) return length <= 8 ? 'digits' : null;
	if (UPPER_ALNUM.test(value)) {
		if (/\d/.test(value)) return length <= 8 ? 'alnum' : null;
		return length >= 6 && length <= 8 ? 'letters' : null;
	}
	if (ANY_ALNUM.test(value) && length >= 6 && /[a-z]/.test(value) && /[A-Z]/.test(value)) {
		return /\d/.test(value) ? 'mixed' : null;
	}
	return null;
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
	// Capitals only ("QXRT-PLMW"): a code when shown with a hyphen (then judged as letters).
	if (!/\d/.test(joined)) return separator === '-' && joined.length >= 6;
	if (!/[A-Z]/.test(joined)) return false;
	// "CODE 1234" is a word and a number, not one code: with a space each group needs a digit.
	return separator === '-' || (/\d/.test(first) && /\d/.test(second));
}

const SEPARATORS = new Set(['-', ' ', '\u2010', '\u2011']);

function runsOf(text: string): Span[] {
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
	return runs;
}

/** Three or four groups of 2–3 digits of one length, one separator apart, from run `r`. */
function digitChainFrom(text: string, runs: Span[], r: number): Candidate | null {
	const first = runs[r];
	const size = first.end - first.start;
	if (size < 2 || size > 3 || !DIGITS.test(text.slice(first.start, first.end))) return null;
	const separator = text.charAt(first.end);
	if (separator !== ' ' && separator !== '-') return null;
	let last = r;
	while (last - r < 3) {
		const next = runs[last + 1];
		const end = runs[last].end;
		if (next === undefined || next.start !== end + 1 || text.charAt(end) !== separator) break;
		if (next.end - next.start !== size || !DIGITS.test(text.slice(next.start, next.end))) break;
		last++;
	}
	const groups = last - r + 1;
	if (groups < 3 || groups * size > 8) return null;
	// Part of a longer chain: not a code of its own.
	const after = runs[last + 1];
	if (
		after !== undefined &&
		after.start === runs[last].end + 1 &&
		text.charAt(runs[last].end) === separator &&
		DIGITS.test(text.slice(after.start, after.end))
	)
		return null;
	const previous = runs[r - 1];
	if (
		previous !== undefined &&
		previous.end + 1 === first.start &&
		text.charAt(previous.end) === separator &&
		DIGITS.test(text.slice(previous.start, previous.end))
	)
		return null;
	const value = runs
		.slice(r, last + 1)
		.map((run) => text.slice(run.start, run.end))
		.join('');
	return { start: first.start, end: runs[last].end, value, grouped: true, shape: 'digits' };
}

export function candidatesIn(text: string): Candidate[] {
	const runs = runsOf(text);
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
				candidates.push({
					start: run.start,
					end: runs[last].end,
					value: digits,
					grouped: true,
					shape: 'digits',
				});
			}
		}
		const next = runs[r + 1];
		if (next !== undefined && next.start === run.end + 1 && SEPARATORS.has(text.charAt(run.end))) {
			const second = text.slice(next.start, next.end);
			const separator = text.charAt(run.end) === ' ' ? ' ' : '-';
			if (isGroupedCode(value, second, separator)) {
				const digits = DIGITS.test(value) && DIGITS.test(second);
				// Digits lose their grouping; an alphanumeric code keeps a hyphen it shows.
				const typed = !digits && separator === '-' ? `${value}-${second}` : value + second;
				candidates.push({
					start: run.start,
					end: next.end,
					value: typed,
					grouped: true,
					shape: digits ? 'digits' : /\d/.test(typed) ? 'alnum' : 'letters',
				});
			}
		}
		// Three or four equal groups of digits ("55 81 93", "12-34-56-78"): one code.
		const chain = digitChainFrom(text, runs, r);
		if (chain !== null) candidates.push(chain);
		const shape = shapeOf(value);
		if (shape !== null)
			candidates.push({ start: run.start, end: run.end, value, grouped: false, shape });
	}
	return candidates;
}
