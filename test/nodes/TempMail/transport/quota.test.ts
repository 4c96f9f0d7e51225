import { readQuota, readRetryAfterSeconds } from '../../../../nodes/TempMail/transport/quota';

describe('readQuota', () => {
	it('reads the documented headers (as node lower-cases them)', () => {
		expect(
			readQuota({
				'x-ratelimit-limit': '50000',
				'x-ratelimit-used': '124',
				'x-ratelimit-remaining': '49876',
				'x-ratelimit-reset': '2026-05-01T00:00:00+05:00',
			}),
		).toEqual({ limit: 50000, used: 124, remaining: 49876, resetAt: '2026-05-01T00:00:00+05:00' });
	});

	it('gives null for missing or nonsense values instead of NaN', () => {
		expect(readQuota({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-reset': 'soon' })).toEqual({
			limit: null,
			used: null,
			remaining: null,
			resetAt: null,
		});
		expect(readQuota(undefined)).toEqual({
			limit: null,
			used: null,
			remaining: null,
			resetAt: null,
		});
	});
});

describe('readRetryAfterSeconds', () => {
	it('reads seconds and HTTP dates', () => {
		expect(readRetryAfterSeconds({ 'retry-after': '30' })).toBe(30);
		const now = Date.parse('2026-11-24T10:00:00Z');
		expect(readRetryAfterSeconds({ 'retry-after': 'Tue, 24 Nov 2026 10:01:00 GMT' }, now)).toBe(60);
		expect(readRetryAfterSeconds({})).toBeNull();
		expect(readRetryAfterSeconds({ 'retry-after': 'later' })).toBeNull();
	});
});
