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

/** The value when it is a number within [min, max] (and whole, if asked), else undefined. */
function numberIn(value: unknown, min: number, max: number, whole: boolean): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
	if (whole && !Number.isInteger(value)) return undefined;
	return value >= min && value <= max ? value : undefined;
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
	const maxWait = numberIn(
		options.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT_SECONDS,
		0,
		MAX_RETRY_WAIT_LIMIT_SECONDS,
		false,
	);
	if (maxWait === undefined) {
		throw invalid(
			node,
			`Max Retry Wait: must be between 0 and ${MAX_RETRY_WAIT_LIMIT_SECONDS} seconds, ` +
				`got ${String(options.maxRetryWait)}`,
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
	const given = asRecord(raw).concurrency ?? DEFAULT_CONCURRENCY;
	const value = numberIn(given, 1, MAX_CONCURRENCY, true);
	if (value === undefined) {
		throw invalid(
			node,
			`Concurrency: must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${String(given)}`,
		);
	}
	return value;
}
