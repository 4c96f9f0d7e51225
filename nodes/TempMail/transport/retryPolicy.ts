/**
 * Retry policy for every Temp Mail API request (pure: no I/O, no clock, no randomness of its own).
 * What a failure is (rate-limited, transient, permanent) is decided in ./failure.ts; this
 * file decides what to do about it for a given request.
 *
 * The rule:
 *  - Safe requests (GET: list, get, domains, attachment; DELETE of a message or mailbox) are
 *    retried after a 429, a 502/503/504, or a connection failure (ECONNRESET, EPIPE,
 *    ECONNREFUSED, EAI_AGAIN).
 *  - POST (Mailbox Create, Switch) is never retried blindly: only when the API certainly did
 *    not act on it. That is a connection refused or a DNS failure (ECONNREFUSED, EAI_AGAIN:
 *    nothing was sent) and a 429 (the API refused to process it). A reset, a timeout or a
 *    5xx may come after the mailbox was created, so a retry could create a second one.
 *  - Nothing else is retried: 4xx other than 429, 500, timeouts, unexpected bodies and
 *    `status: false` will not get better by asking again (and a timeout already waited).
 *  - At most MAX_RETRIES retries (so MAX_RETRIES + 1 requests). Between them: capped
 *    exponential backoff with full jitter, `random() * min(cap, base * 2^retry)`.
 *  - A 429 waits as the API asks: Retry-After when given; else, when the quota is used up or
 *    resets within the Max Retry Wait, until the reset. Never less than the backoff. A 429
 *    asking to wait longer than the Max Retry Wait (or whose quota resets later than that)
 *    fails at once with the quota error.
 *  - The wait never outlives the execution: the caller sleeps with the cancel signal.
 *  - "Retry on Transient Errors" off, or a request marked `retry: false` (Wait For, which
 *    does its own waiting), means one request and its error as is.
 */

import { readableDuration } from './duration';
import type { Failure } from './failure';

export const MAX_RETRIES = 3;
export const RETRY_BASE_DELAY_MS: number = 500;
export const RETRY_MAX_DELAY_MS: number = 8_000;
export const DEFAULT_MAX_RETRY_WAIT_SECONDS = 60;
export const MAX_RETRY_WAIT_LIMIT_SECONDS = 3600;

export interface RetrySettings {
	enabled: boolean;
	/** The longest single wait the user accepts (a 429's Retry-After or quota reset). */
	maxWaitMs: number;
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export type RetryDecision =
	| { retry: true; delayMs: number }
	| {
			retry: false;
			reason: 'disabled' | 'not-retryable' | 'unsafe-method' | 'exhausted' | 'wait-too-long';
			waitMs?: number;
	  };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** GET and DELETE may be repeated without changing the outcome; POST may not. */
export function isSafeMethod(method: string): boolean {
	return SAFE_METHODS.has(method.toUpperCase());
}

/** Whether this failure may be retried for this method at all (ignoring counts and waits). */
export function isRetryable(method: string, failure: Failure): boolean {
	if (failure.kind === 'permanent') return false;
	return isSafeMethod(method) || !failure.mayHaveActed;
}

/** Full jitter: uniform in [0, min(cap, base * 2^retry)). `retry` counts from 0. */
export function backoffDelay(
	retry: number,
	settings: Pick<RetrySettings, 'baseDelayMs' | 'maxDelayMs'>,
	random: () => number,
): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, retry));
	const drawn = random();
	const r = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 0;
	return Math.floor(r * ceiling);
}

/**
 * How long a 429 asks to wait, in ms: Retry-After when given; else the time to the quota
 * reset when the quota is used up or the reset is within `maxWaitMs`; else null (no hint:
 * treat it like a short throttle and back off).
 */
export function rateLimitWaitMs(failure: Failure, maxWaitMs: number, now: number): number | null {
	if (failure.retryAfterSeconds != null && Number.isFinite(failure.retryAfterSeconds)) {
		return Math.max(0, failure.retryAfterSeconds * 1000);
	}
	const resetAt = failure.quotaResetAt ? Date.parse(failure.quotaResetAt) : Number.NaN;
	if (Number.isNaN(resetAt)) return null;
	const untilReset = Math.max(0, resetAt - now);
	if (failure.quotaRemaining === 0 || untilReset <= maxWaitMs) return untilReset;
	return null;
}

export interface RetryQuestion {
	method: string;
	failure: Failure;
	/** Retries already made for this request (0 after the first attempt failed). */
	retriesDone: number;
	settings: RetrySettings;
	now: number;
	random: () => number;
}

/** Whether to try again, and after how long. */
export function decideRetry({
	method,
	failure,
	retriesDone,
	settings,
	now,
	random,
}: RetryQuestion): RetryDecision {
	if (!settings.enabled) return { retry: false, reason: 'disabled' };
	if (!isRetryable(method, failure)) {
		const retryableIfSafe = isRetryable('GET', failure);
		return { retry: false, reason: retryableIfSafe ? 'unsafe-method' : 'not-retryable' };
	}
	let delayMs = backoffDelay(retriesDone, settings, random);
	if (failure.kind === 'rate-limited') {
		const waitMs = rateLimitWaitMs(failure, settings.maxWaitMs, now);
		if (waitMs !== null && waitMs > settings.maxWaitMs)
			return { retry: false, reason: 'wait-too-long', waitMs };
		if (waitMs !== null) delayMs = Math.max(delayMs, waitMs);
	}
	if (retriesDone >= settings.maxRetries) return { retry: false, reason: 'exhausted' };
	return { retry: true, delayMs };
}

/** The sentence added to the final error's description, or '' when there is nothing to say. */
export function retryNote(
	decision: Extract<RetryDecision, { retry: false }>,
	retriesDone: number,
	method: string,
	maxWaitMs: number,
	failure?: Failure,
): string {
	const times = retriesDone === 1 ? 'once' : `${retriesDone} times`;
	switch (decision.reason) {
		case 'exhausted':
			return `Retried ${times} (the Temp Mail node retries transient errors up to ${MAX_RETRIES} times) without success.`;
		case 'wait-too-long': {
			const asked = readableDuration((decision.waitMs ?? 0) / 1000);
			const prefix = retriesDone > 0 ? `Retried ${times}, then not retried again` : 'Not retried';
			return (
				`${prefix}: the API asks to wait ${asked}, longer than the Max Retry Wait of ` +
				`${readableDuration(maxWaitMs / 1000)} (Request Options).`
			);
		}
		case 'unsafe-method':
			return retriesDone > 0
				? `Retried ${times}. Not retried after this error: a ${method.toUpperCase()} may ` +
						`already have been processed (retrying could, e.g., create a second mailbox).`
				: `Not retried: a ${method.toUpperCase()} may already have been processed (retrying ` +
						`could, e.g., create a second mailbox).`;
		default:
			if (retriesDone === 0) return '';
			if (method.toUpperCase() === 'DELETE' && failure?.statusCode === 404) {
				// The attempt that got no answer may have deleted it.
				return `Retried ${times} before this error; an earlier attempt may already have deleted it.`;
			}
			return `Retried ${times} before this error.`;
	}
}
