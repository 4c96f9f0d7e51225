import { sleep } from 'n8n-workflow';

import { getMessage, listMessages } from '../transport/endpoints';
import { failureOf } from '../transport/failure';
import type { Failure } from '../transport/failure';
import { rateLimitWaitMs } from '../transport/retryPolicy';
import type { ApiCall, ApiMessage } from '../transport/types';
import type { MessagePredicate } from './filters';
import { oldestFirst } from './order';
import { withoutRetries } from './requestOptions';

/**
 * Which mail counts as new. None of them compares clocks: the API's zone-less
 * `receivedAt` comes from another clock, which may be hours off n8n's.
 * - unread: listed with is_seen false; the match is returned by reading it (which
 *   marks it seen), so mail that landed just before the wait counts, and the next
 *   wait gets the next mail.
 * - arrivingAfterStart: not in the first listing of this wait.
 * - any: whatever matches, already read or not.
 */
export type NewMailRule = 'unread' | 'arrivingAfterStart' | 'any';

export interface WaitSettings {
	email: string;
	accept: MessagePredicate;
	newMail: NewMailRule;
	timeoutMs: number;
	intervalMs: number;
	/** Injected for tests; defaults to Date.now. */
	now?: () => number;
}

export type WaitOutcome =
	| { found: true; message: ApiMessage; checks: number; waitedMs: number }
	| { found: false; checks: number; waitedMs: number; lastError?: string };

/** The newest message that is new under the rule and passes the filters: it carries the latest code. */
function pickMatch(
	messages: ApiMessage[],
	rule: NewMailRule,
	accept: MessagePredicate,
	listedAtFirstCheck: Set<string>,
): ApiMessage | undefined {
	const candidates = messages.filter((message) => {
		if (rule === 'unread') return message.is_seen !== true;
		if (rule === 'arrivingAfterStart') return !listedAtFirstCheck.has(message.id);
		return true;
	});
	const matching = oldestFirst(candidates).filter(accept);
	return matching[matching.length - 1];
}

/** How long a 429 asks us to wait (Retry-After, else until the quota reset), never less than the interval. */
function rateLimitDelay(failure: Failure, intervalMs: number, now: number): number {
	return Math.max(rateLimitWaitMs(failure, Number.POSITIVE_INFINITY, now) ?? 0, intervalMs);
}

/** Sleeps at most until the deadline; resolves false when no time is left. */
async function pause(
	ms: number,
	deadline: number,
	now: () => number,
	signal?: AbortSignal,
): Promise<boolean> {
	const wait = Math.min(ms, deadline - now());
	if (wait <= 0) return false;
	await sleep(wait, signal);
	return true;
}

/**
 * Polls one mailbox until a matching message is there or the time is up.
 * One list request per check; what a failed check means comes from
 * transport/failure.ts: a 429 waits for Retry-After (or the quota reset),
 * transient trouble is checked again, anything permanent is thrown at once.
 */
export async function waitForMessage(call: ApiCall, settings: WaitSettings): Promise<WaitOutcome> {
	// Wait For is its own retry loop: the transport must not retry (and wait) inside a check.
	const check: ApiCall = { ...call, retry: withoutRetries(call.retry) };
	const now = settings.now ?? Date.now;
	const started = now();
	const deadline = started + settings.timeoutMs;
	let listedAtFirstCheck: Set<string> | undefined;
	let checks = 0;
	let lastError: string | undefined;
	for (;;) {
		call.signal?.throwIfAborted();
		let delay = settings.intervalMs;
		let caught: unknown;
		let claiming = false;
		try {
			checks++;
			const { messages } = (await listMessages(check, settings.email)).data;
			const firstListing = listedAtFirstCheck ?? new Set(messages.map((m) => m.id));
			listedAtFirstCheck = firstListing;
			const match = pickMatch(messages, settings.newMail, settings.accept, firstListing);
			if (match && settings.newMail === 'unread') {
				// Reading it marks it seen: this wait has it, the next one will not.
				claiming = true;
				const { data: message } = await getMessage(check, match.id);
				return { found: true, message, checks, waitedMs: now() - started };
			}
			if (match) return { found: true, message: match, checks, waitedMs: now() - started };
		} catch (error) {
			caught = error;
		}
		// Gone between the listing and the read (deleted meanwhile): look again.
		if (claiming && failureOf(caught).statusCode === 404) caught = undefined;
		if (caught !== undefined) {
			// Transport errors are already NodeApiError/NodeOperationError with a clear message.
			const failure = failureOf(caught);
			if (failure.kind === 'permanent') throw caught;
			lastError = (caught as Error).message;
			if (failure.kind === 'rate-limited')
				delay = rateLimitDelay(failure, settings.intervalMs, now());
		}
		if (!(await pause(delay, deadline, now, call.signal))) {
			return { found: false, checks, waitedMs: now() - started, lastError };
		}
	}
}
