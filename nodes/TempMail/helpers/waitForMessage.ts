import { sleep } from 'n8n-workflow';

import { listMessages } from '../transport/endpoints';
import { failureOf } from '../transport/failure';
import type { Failure } from '../transport/failure';
import { rateLimitWaitMs } from '../transport/retryPolicy';
import type { ApiCall, ApiMessage } from '../transport/types';
import type { MessagePredicate } from './filters';
import { oldestFirst, receivedAtMs } from './order';
import { withoutRetries } from './requestOptions';

export interface WaitSettings {
	email: string;
	accept: MessagePredicate;
	/** Epoch ms: messages received before this do not count (unless `acceptExisting`). */
	receivedAfter: number;
	acceptExisting: boolean;
	timeoutMs: number;
	intervalMs: number;
	/** Injected for tests; defaults to Date.now. */
	now?: () => number;
}

export type WaitOutcome =
	| { found: true; message: ApiMessage; checks: number; waitedMs: number }
	| { found: false; checks: number; waitedMs: number; lastError?: string };

/**
 * A message is new if it was not listed at the first check (clock-proof), or
 * its receivedAt (server clock, one-second resolution) is not before the
 * start; with `acceptExisting` anything matching counts. Of several, the
 * newest wins: it carries the latest code.
 */
function pickMatch(
	messages: ApiMessage[],
	settings: WaitSettings,
	listedAtFirstCheck: Set<string>,
): ApiMessage | undefined {
	const startSecond = Math.floor(settings.receivedAfter / 1000) * 1000;
	const candidates = messages.filter(
		(message) =>
			settings.acceptExisting ||
			!listedAtFirstCheck.has(message.id) ||
			receivedAtMs(message) >= startSecond,
	);
	const matching = oldestFirst(candidates).filter(settings.accept);
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
		try {
			checks++;
			const { messages } = (await listMessages(check, settings.email)).data;
			const firstListing = listedAtFirstCheck ?? new Set(messages.map((m) => m.id));
			const match = pickMatch(messages, settings, firstListing);
			listedAtFirstCheck = firstListing;
			if (match) return { found: true, message: match, checks, waitedMs: now() - started };
		} catch (error) {
			caught = error;
		}
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
