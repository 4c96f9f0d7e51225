import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../shared/descriptions';
import type { RequestOptionsValues } from '../shared/descriptions';
import {
	DEFAULT_MAX_RETRY_WAIT_SECONDS,
	MAX_RETRIES,
	MAX_RETRY_WAIT_LIMIT_SECONDS,
	RETRY_BASE_DELAY_MS,
	RETRY_MAX_DELAY_MS,
} from '../transport/retryPolicy';
import type { RetrySettings } from '../transport/retryPolicy';

/**
 * Turns the "Request Options" collection (shared/descriptions.ts) into what the transport
 * and the router use. Read once by whoever runs requests (router per item, trigger per
 * poll, dropdowns per load) and handed in; the transport never reads parameters.
 */

function asRecord(raw: unknown): RequestOptionsValues {
	return typeof raw === 'object' && raw !== null ? (raw as RequestOptionsValues) : {};
}

function invalid(node: INode, message: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, message, {
		itemIndex,
		description: "Fix the value under 'Request Options'.",
	});
}

/** The retry settings of Request Options (Retry on Transient Errors, Max Retry Wait), checked. */
export function retrySettingsFrom(node: INode, raw: unknown, itemIndex?: number): RetrySettings {
	const options = asRecord(raw);
	const maxWait = options.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT_SECONDS;
	if (
		typeof maxWait !== 'number' ||
		!Number.isFinite(maxWait) ||
		maxWait < 0 ||
		maxWait > MAX_RETRY_WAIT_LIMIT_SECONDS
	) {
		throw invalid(
			node,
			`Max Retry Wait: must be between 0 and ${MAX_RETRY_WAIT_LIMIT_SECONDS} seconds, got ${String(maxWait)}`,
			itemIndex,
		);
	}
	return {
		enabled: options.retryOnTransientErrors !== false,
		maxWaitMs: maxWait * 1000,
		maxRetries: MAX_RETRIES,
		baseDelayMs: RETRY_BASE_DELAY_MS,
		maxDelayMs: RETRY_MAX_DELAY_MS,
	};
}

/** The settings of a caller that waits on its own (Wait For): one request per check. */
export function withoutRetries(settings: RetrySettings): RetrySettings {
	return { ...settings, enabled: false };
}

/** Request Options → Concurrency, checked. */
export function concurrencyFrom(node: INode, raw: unknown): number {
	const value = asRecord(raw).concurrency ?? DEFAULT_CONCURRENCY;
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < 1 ||
		value > MAX_CONCURRENCY
	) {
		throw invalid(
			node,
			`Concurrency: must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${String(value)}`,
		);
	}
	return value;
}
