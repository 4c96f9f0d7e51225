import type { IDataObject } from 'n8n-workflow';

import { readQuota, readRetryAfterSeconds } from './quota';

/**
 * The one place that decides what a failed request means, before any error is built.
 * Retries (./retryPolicy.ts), Message → Wait For and the trigger decide from this value;
 * the user-facing error (./errors.ts) is built from it.
 *
 *  - rate-limited: a 429; the API asks to wait (Retry-After, or until the quota resets).
 *  - transient: asking again soon may work: a 502/503/504, a dropped connection (ECONNRESET,
 *    EPIPE), a refused connection or a DNS answer that may come later (ECONNREFUSED, EAI_AGAIN).
 *  - permanent: asking again will not help: any other status (a 500 is the server failing
 *    on this very request), an unknown host (ENOTFOUND), TLS trouble, a timeout (the full
 *    wait was already spent), an unexpected body or `status: false`.
 */
export type FailureKind = 'rate-limited' | 'transient' | 'permanent';

export interface Failure {
	kind: FailureKind;
	/**
	 * False only when the API certainly did not act on the request: nothing was sent
	 * (ECONNREFUSED, EAI_AGAIN) or it was refused unprocessed (429). Only then may a POST
	 * (Mailbox Create, Switch) be sent again without risking a second mailbox.
	 */
	mayHaveActed: boolean;
	/** The HTTP status, when an answer came. */
	statusCode?: number;
	/** The errno-style code of a connection failure; undefined when none was given. */
	networkCode?: string;
	/** Seconds a 429 asks to wait (Retry-After), else null. */
	retryAfterSeconds: number | null;
	/** The quota's reset time (X-RateLimit-Reset, ISO-8601) and remaining calls, when sent. */
	quotaResetAt: string | null;
	quotaRemaining: number | null;
	/** Calls used of the limit, for the 429 message. */
	quotaUsed: number | null;
	quotaLimit: number | null;
}

const NO_QUOTA = {
	retryAfterSeconds: null,
	quotaResetAt: null,
	quotaRemaining: null,
	quotaUsed: null,
	quotaLimit: null,
};

const TRANSIENT_STATUS = new Set([502, 503, 504]);
/** The request may have reached the server before the connection broke. */
const TRANSIENT_NETWORK_MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE']);
/** The request certainly never left this machine. */
const TRANSIENT_NETWORK_NEVER_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/** A non-2xx answer. */
export function classifyResponse(
	statusCode: number,
	headers: IDataObject | undefined,
	now = Date.now(),
): Failure {
	if (statusCode === 429) {
		const quota = readQuota(headers);
		return {
			kind: 'rate-limited',
			mayHaveActed: false,
			statusCode,
			retryAfterSeconds: readRetryAfterSeconds(headers, now),
			quotaResetAt: quota.resetAt,
			quotaRemaining: quota.remaining,
			quotaUsed: quota.used,
			quotaLimit: quota.limit,
		};
	}
	const kind = TRANSIENT_STATUS.has(statusCode) ? 'transient' : 'permanent';
	return { kind, mayHaveActed: true, statusCode, ...NO_QUOTA };
}

/** A connection that failed before an answer arrived; `code` as networkErrorCode() found it. */
export function classifyNetwork(code: string | undefined): Failure {
	const neverSent = code !== undefined && TRANSIENT_NETWORK_NEVER_SENT.has(code);
	const maybeSent = code !== undefined && TRANSIENT_NETWORK_MAYBE_SENT.has(code);
	return {
		kind: neverSent || maybeSent ? 'transient' : 'permanent',
		mayHaveActed: !neverSent,
		networkCode: code,
		...NO_QUOTA,
	};
}

/** A 2xx whose body is not what the API documents (wrong shape, `status: false`). */
export function classifyBody(): Failure {
	return { kind: 'permanent', mayHaveActed: true, statusCode: 200, ...NO_QUOTA };
}

export function isTimeout(failure: Failure): boolean {
	return failure.networkCode !== undefined && TIMEOUT_CODES.has(failure.networkCode);
}

/** The errno-style code of a failed request, looked up through n8n's wrapping errors. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

// Kept beside the error rather than on it: n8n serialises and shows an error's own fields.
const failures = new WeakMap<object, Failure>();

/** Records what an error built by ./errors.ts means, for callers that decide from it. */
export function withFailure<T extends Error>(error: T, failure: Failure): T {
	failures.set(error, failure);
	return error;
}

/** What a thrown error means; anything not built from a failure (a bad parameter) is permanent. */
export function failureOf(error: unknown): Failure {
	const known = typeof error === 'object' && error !== null ? failures.get(error) : undefined;
	return known ?? { kind: 'permanent', mayHaveActed: true, ...NO_QUOTA };
}
