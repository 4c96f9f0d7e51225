import type { Candidate } from './codeCandidates';
import { candidatesIn } from './codeCandidates';
import type { Setting, Span } from './codeScore';
import { firstAtOrAfter, score } from './codeScore';
import { prepareForCodeSearch } from './codeText';
import { CODE_WORDS_GLOBAL } from './codeWords';
import { OTHER_CODE_WORDS_GLOBAL } from './decoyWords';
import { compileUserPattern } from './pattern';
import { Lines } from './textLines';

export interface CodeOptions {
	/**
	 * A regular expression that finds the code instead of the built-in rules: its first
	 * capture group, or the whole match without one. A plain source is case-insensitive;
	 * "/source/flags" takes its own flags.
	 */
	codePattern?: string;
}

/** A possible code, best first in a list. */
export interface CodeCandidate {
	/** As a person would type it (see codeCandidates.ts). */
	code: string;
	/** 0–1: how sure the rules are that this is the code to type. */
	confidence: number;
	/** The text around it, to show a person why. */
	context: string;
}

/**
 * How the built-in search works
 *
 * Candidates (codeCandidates.ts) are 4–8 digits, 4–8 capitals mixed with digits, 6–8
 * capitals, or 6–10 letters of both cases with digits; two groups joined by one "-" or
 * space count as one code.
 *
 * A candidate needs a code word ("code", "OTP", "PIN", "verification", "is your",
 * "código", "код", "验证码", "कोड"...) within WINDOW characters in the same text (subject or
 * body); the nearer the word, the higher the score. codeScore.ts rules out what cannot be
 * the code and lowers what probably is not. Highest score wins; a subject candidate gets a
 * small bonus and wins a tie, so the subject is read first, yet a clear code in the body
 * still beats a doubtful number in the subject; among equals the earlier wins.
 *
 * Confidence: the score against the score of a code word right before the candidate
 * (capped at 1), halved as far as a different candidate scores as high.
 *
 * Limits: the first 50 000 characters of the body and 2 000 of the subject are searched.
 */

/** The body is searched up to here: codes sit near the top of a mail. */
const MAX_BODY = 50_000;
/** A subject is a line; anything longer is not a subject worth reading further. */
const MAX_SUBJECT = 2_000;
/** A code word further than this from a candidate does not count. */
const WINDOW = 250;
/** Proximity score of a code word right before ("code: 123456") or right after ("123456 is your code"). */
const WORD_BEFORE = 300;
const WORD_AFTER = 285;
/** At most this many candidates are listed. */
const MAX_LISTED = 5;
const CONTEXT = 40;

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

/** Code words of a text, without those inside another number's label ("promo code"). */
function settingOf(text: string, subject: boolean): Setting {
	const words = spansOf(CODE_WORDS_GLOBAL, text);
	const others = spansOf(OTHER_CODE_WORDS_GLOBAL, text);
	let o = 0;
	const kept = words.filter((word) => {
		while (o < others.length && others[o].end < word.end) o++;
		return !(o < others.length && others[o].start <= word.start && word.end <= others[o].end);
	});
	return { text, subject, lines: new Lines(text), codeWords: kept, otherLabels: others };
}

interface Scored {
	value: string;
	score: number;
	context: string;
}

function contextOf(text: string, candidate: Candidate): string {
	const start = Math.max(0, candidate.start - CONTEXT);
	const end = Math.min(text.length, candidate.end + CONTEXT);
	return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/** Every candidate with a positive score, best first, one entry per value. */
function ranked(settings: Setting[]): Scored[] {
	const anyCodeWord = settings.some(({ codeWords }) => codeWords.length > 0);
	const byValue = new Map<string, Scored>();
	for (const setting of settings) {
		for (const candidate of candidatesIn(setting.text)) {
			let proximity = nearestCodeWord(setting.codeWords, candidate);
			// A subject is short: a code there counts when the mail talks about a code at all.
			if (proximity === 0 && setting.subject && anyCodeWord) proximity = 60;
			if (proximity === 0) continue;
			const total = score(setting, candidate, proximity);
			if (total <= 0) continue;
			const known = byValue.get(candidate.value);
			if (known === undefined || total > known.score)
				byValue.set(candidate.value, {
					value: candidate.value,
					score: total,
					context: contextOf(setting.text, candidate),
				});
		}
	}
	// Stable: among equals the first seen (subject, then body order) stays first.
	return [...byValue.values()].sort((a, b) => b.score - a.score);
}

function confidenceOf(own: number, rival: number): number {
	const base = Math.min(1, own / WORD_BEFORE);
	const doubt = rival <= 0 ? 0 : 0.5 * Math.min(1, rival / own);
	return Math.round(base * (1 - doubt) * 100) / 100;
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
 * Possible verification codes in a message, best first (at most 5), each with a confidence
 * and its context. `text` is the body as plain text (see htmlToText). With a
 * `codePattern`, its match alone, with confidence 1.
 */
export function findCodeCandidates(
	subject: string,
	text: string,
	options: CodeOptions = {},
): CodeCandidate[] {
	if (options.codePattern !== undefined && options.codePattern.trim() !== '') {
		const code = matchCodePattern(subject, text, options.codePattern);
		return code === null ? [] : [{ code, confidence: 1, context: 'matched the Code Pattern' }];
	}
	const list = ranked([
		settingOf(prepareForCodeSearch(subject.slice(0, MAX_SUBJECT).replace(/\s+/g, ' ')), true),
		settingOf(prepareForCodeSearch(text.slice(0, MAX_BODY)), false),
	]);
	return list.slice(0, MAX_LISTED).map((entry, index) => ({
		code: entry.value,
		confidence: confidenceOf(entry.score, index === 0 ? (list[1]?.score ?? 0) : list[0].score),
		context: entry.context,
	}));
}

/**
 * The verification code in a message, or null. `text` is the body as plain text (see
 * htmlToText). The subject is searched as well as the body; see the notes above for the
 * rules. With a `codePattern`, that regular expression decides instead.
 */
export function findCode(subject: string, text: string, options: CodeOptions = {}): string | null {
	return findCodeCandidates(subject, text, options)[0]?.code ?? null;
}
