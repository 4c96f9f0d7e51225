/**
 * Keeps retry backoff tiny under test without weakening the policy: the base and cap of
 * the exponential backoff are exported constants the transport reads at each retry.
 * Retry-After and quota waits are not shortened (tests use Retry-After 1 or retries off).
 */
import * as retryPolicy from '../../nodes/TempMail/transport/retryPolicy';

export function useFastBackoff(baseMs = 5, capMs = 20): void {
	beforeEach(() => {
		jest.replaceProperty(retryPolicy, 'RETRY_BASE_DELAY_MS', baseMs);
		jest.replaceProperty(retryPolicy, 'RETRY_MAX_DELAY_MS', capMs);
	});
	afterEach(() => {
		jest.restoreAllMocks();
	});
}

export const RETRY_ATTEMPTS = retryPolicy.MAX_RETRIES + 1;

/** Request Options that turn retries off, for tests about a single failing request. */
export const NO_RETRIES = { requestOptions: { retryOnTransientErrors: false } };

/** The same one-shot fault for every attempt of one request, so its retries are exhausted. */
export function everyAttempt<T>(fault: T): T[] {
	return Array.from({ length: RETRY_ATTEMPTS }, () => fault);
}
