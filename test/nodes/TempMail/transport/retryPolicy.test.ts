import {
	backoffDelay,
	decideRetry,
	isRetryable,
	isSafeMethod,
	MAX_RETRIES,
	rateLimitWaitMs,
	retryNote,
} from '../../../../nodes/TempMail/transport/retryPolicy';
import type { RetrySettings } from '../../../../nodes/TempMail/transport/retryPolicy';
import {
	classifyBody,
	classifyNetwork,
	classifyResponse,
} from '../../../../nodes/TempMail/transport/failure';
import type { Failure } from '../../../../nodes/TempMail/transport/failure';

const settings: RetrySettings = {
	enabled: true,
	maxWaitMs: 60_000,
	maxRetries: 3,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
};
const NOW = Date.parse('2026-11-24T10:00:00Z');
const status = (statusCode: number, extra: Partial<Failure> = {}): Failure => ({
	...classifyResponse(statusCode, {}, NOW),
	...extra,
});
const network = (code: string | undefined): Failure => classifyNetwork(code);
const ask = (
	method: string,
	failure: Failure,
	retriesDone = 0,
	overrides: Partial<RetrySettings> = {},
	random = () => 0.5,
) =>
	decideRetry({
		method,
		failure,
		retriesDone,
		settings: { ...settings, ...overrides },
		now: NOW,
		random,
	});

describe('retry policy: which failures are retried', () => {
	it('GET and DELETE are safe, POST is not', () => {
		expect(isSafeMethod('GET')).toBe(true);
		expect(isSafeMethod('delete')).toBe(true);
		expect(isSafeMethod('POST')).toBe(false);
	});

	it.each([
		['429', status(429), true, true],
		['502', status(502), true, false],
		['503', status(503), true, false],
		['504', status(504), true, false],
		['500', status(500), false, false],
		['400', status(400), false, false],
		['401', status(401), false, false],
		['403', status(403), false, false],
		['404', status(404), false, false],
		['422', status(422), false, false],
		['ECONNRESET', network('ECONNRESET'), true, false],
		['EPIPE', network('EPIPE'), true, false],
		['ECONNREFUSED', network('ECONNREFUSED'), true, true],
		['EAI_AGAIN', network('EAI_AGAIN'), true, true],
		['ENOTFOUND', network('ENOTFOUND'), false, false],
		['ECONNABORTED (timeout)', network('ECONNABORTED'), false, false],
		['ETIMEDOUT', network('ETIMEDOUT'), false, false],
		['unknown network error', network(undefined), false, false],
		['unexpected body / status false', classifyBody(), false, false],
	])('%s: retried for GET/DELETE and POST as the rule says', (_name, failure, safe, post) => {
		expect(isRetryable('GET', failure)).toBe(safe);
		expect(isRetryable('DELETE', failure)).toBe(safe);
		expect(isRetryable('POST', failure)).toBe(post);
		expect(ask('GET', failure).retry).toBe(safe);
		expect(ask('POST', failure).retry).toBe(post);
	});

	it('a POST 503 or reset is refused as unsafe, a POST 500 as not retryable', () => {
		expect(ask('POST', status(503))).toEqual({ retry: false, reason: 'unsafe-method' });
		expect(ask('POST', network('ECONNRESET'))).toEqual({ retry: false, reason: 'unsafe-method' });
		expect(ask('POST', status(500))).toEqual({ retry: false, reason: 'not-retryable' });
	});

	it(`stops after ${MAX_RETRIES} retries`, () => {
		expect(ask('GET', status(503), 2).retry).toBe(true);
		expect(ask('GET', status(503), 3)).toEqual({ retry: false, reason: 'exhausted' });
	});

	it('retries nothing when disabled', () => {
		expect(ask('GET', status(503), 0, { enabled: false })).toEqual({
			retry: false,
			reason: 'disabled',
		});
		expect(ask('POST', network('ECONNREFUSED'), 0, { enabled: false })).toEqual({
			retry: false,
			reason: 'disabled',
		});
	});
});

describe('retry policy: backoff', () => {
	it('is full jitter under a doubling, capped ceiling', () => {
		const ceilings = [500, 1000, 2000, 4000, 8000, 8000, 8000];
		ceilings.forEach((ceiling, retry) => {
			expect(backoffDelay(retry, settings, () => 0)).toBe(0);
			expect(backoffDelay(retry, settings, () => 0.5)).toBe(ceiling / 2);
			expect(backoffDelay(retry, settings, () => 0.999999)).toBeLessThan(ceiling);
			expect(backoffDelay(retry, settings, () => 0.999999)).toBeGreaterThanOrEqual(ceiling - 1);
		});
	});

	it('stays within bounds for any random value, even out-of-range ones', () => {
		for (const r of [-1, 0, 0.1, 0.7, 1, 2, Number.NaN]) {
			for (let retry = 0; retry < 10; retry++) {
				const delay = backoffDelay(retry, settings, () => r);
				expect(delay).toBeGreaterThanOrEqual(0);
				expect(delay).toBeLessThanOrEqual(8000);
			}
		}
	});

	it('the decision uses the backoff for 5xx and resets', () => {
		expect(ask('GET', status(502), 0, {}, () => 0.5)).toEqual({ retry: true, delayMs: 250 });
		expect(ask('GET', network('ECONNRESET'), 2, {}, () => 0.5)).toEqual({
			retry: true,
			delayMs: 1000,
		});
		expect(ask('POST', network('ECONNREFUSED'), 1, {}, () => 1)).toEqual({
			retry: true,
			delayMs: 1000,
		});
	});
});

describe('retry policy: 429 waits', () => {
	it('honours Retry-After, never below the backoff', () => {
		expect(ask('GET', status(429, { retryAfterSeconds: 1 }), 0, {}, () => 0.5)).toEqual({
			retry: true,
			delayMs: 1000,
		});
		expect(ask('GET', status(429, { retryAfterSeconds: 0 }), 2, {}, () => 0.5)).toEqual({
			retry: true,
			delayMs: 1000,
		});
		expect(ask('POST', status(429, { retryAfterSeconds: 30 }), 0)).toEqual({
			retry: true,
			delayMs: 30_000,
		});
	});

	it('fails at once when Retry-After exceeds the max wait', () => {
		expect(ask('GET', status(429, { retryAfterSeconds: 61 }))).toEqual({
			retry: false,
			reason: 'wait-too-long',
			waitMs: 61_000,
		});
		expect(ask('GET', status(429, { retryAfterSeconds: 5 }), 0, { maxWaitMs: 2000 })).toEqual({
			retry: false,
			reason: 'wait-too-long',
			waitMs: 5000,
		});
		expect(ask('GET', status(429, { retryAfterSeconds: 60 })).retry).toBe(true);
	});

	it('without Retry-After waits for a near quota reset', () => {
		const resetIn20s = new Date(NOW + 20_000).toISOString();
		expect(
			rateLimitWaitMs(status(429, { quotaResetAt: resetIn20s, quotaRemaining: 0 }), 60_000, NOW),
		).toBe(20_000);
		expect(ask('GET', status(429, { quotaResetAt: resetIn20s, quotaRemaining: 10 }))).toEqual({
			retry: true,
			delayMs: 20_000,
		});
	});

	it('an exhausted quota resetting later than the max wait fails at once', () => {
		const resetTomorrow = new Date(NOW + 86_400_000).toISOString();
		expect(ask('GET', status(429, { quotaResetAt: resetTomorrow, quotaRemaining: 0 }))).toEqual({
			retry: false,
			reason: 'wait-too-long',
			waitMs: 86_400_000,
		});
	});

	it('a throttle with no hint (quota left, far reset) backs off', () => {
		const resetTomorrow = new Date(NOW + 86_400_000).toISOString();
		expect(
			ask('GET', status(429, { quotaResetAt: resetTomorrow, quotaRemaining: 5 }), 0, {}, () => 0.5),
		).toEqual({ retry: true, delayMs: 250 });
		expect(ask('GET', status(429), 1, {}, () => 0.5)).toEqual({ retry: true, delayMs: 500 });
	});

	it('Retry-After beats the quota reset', () => {
		const resetIn20s = new Date(NOW + 20_000).toISOString();
		expect(
			ask(
				'GET',
				status(429, { retryAfterSeconds: 2, quotaResetAt: resetIn20s, quotaRemaining: 0 }),
				0,
				{},
				() => 0,
			),
		).toEqual({ retry: true, delayMs: 2000 });
	});
});

describe('retry policy: what the final error says', () => {
	it('names the number of retries', () => {
		expect(retryNote({ retry: false, reason: 'exhausted' }, 3, 'GET', 60_000)).toMatch(
			/^Retried 3 times/,
		);
		expect(retryNote({ retry: false, reason: 'not-retryable' }, 1, 'GET', 60_000)).toBe(
			'Retried once before this error.',
		);
		expect(retryNote({ retry: false, reason: 'not-retryable' }, 0, 'GET', 60_000)).toBe('');
		expect(
			retryNote({ retry: false, reason: 'not-retryable' }, 2, 'DELETE', 60_000, status(404)),
		).toBe('Retried 2 times before this error; an earlier attempt may already have deleted it.');
	});

	it('explains a refused wait and an unsafe POST', () => {
		expect(
			retryNote({ retry: false, reason: 'wait-too-long', waitMs: 120_000 }, 0, 'GET', 60_000),
		).toBe(
			'Not retried: the API asks to wait 2 min, longer than the Max Retry Wait of 1 min (Request Options).',
		);
		expect(retryNote({ retry: false, reason: 'unsafe-method' }, 0, 'POST', 60_000)).toMatch(
			/^Not retried: a POST may already have been processed/,
		);
	});
});
