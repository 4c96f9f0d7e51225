import { messageFilter } from '../../../../nodes/TempMail/helpers/filters';
import { oldestFirst } from '../../../../nodes/TempMail/helpers/order';
import type { ApiMessage } from '../../../../nodes/TempMail/transport/types';
import { detectNewMessages } from '../../../../nodes/TempMail/trigger/newMessages';
import { quotaWarning } from '../../../../nodes/TempMail/trigger/quotaWatch';
import { readState } from '../../../../nodes/TempMail/trigger/state';

const message = (id: string, receivedAt: string, extra: Partial<ApiMessage> = {}): ApiMessage => ({
	id,
	receivedAt,
	is_seen: false,
	subject: '',
	from: '',
	from_email: '',
	to: 'box@example.com',
	html: false,
	content: '',
	attachments: [],
	...extra,
});

describe('detectNewMessages', () => {
	// The API lists newest first.
	const listing = [
		message('c', '2026-11-24 10:00:01'),
		message('b', '2026-11-24 10:00:00'),
		message('a', '2026-11-24 10:00:00'),
	];

	it('takes the first listing as a baseline unless existing mail is wanted', () => {
		expect(detectNewMessages(undefined, listing, false)).toEqual({
			fresh: [],
			nextIds: ['c', 'b', 'a'],
		});
		expect(detectNewMessages(undefined, listing, true).fresh.map((m) => m.id)).toEqual([
			'a',
			'b',
			'c',
		]);
	});

	it('emits unknown ids oldest first, equal stamps by id, duplicates once', () => {
		const result = detectNewMessages(['a'], [...listing, listing[0]], false);
		expect(result.fresh.map((m) => m.id)).toEqual(['b', 'c']);
		expect(result.nextIds).toEqual(['c', 'b', 'a']);
	});

	it('forgets ids that are no longer listed', () => {
		expect(detectNewMessages(['x', 'y', 'a'], [listing[2]], false)).toEqual({
			fresh: [],
			nextIds: ['a'],
		});
	});
});

describe('oldestFirst', () => {
	it('orders by receivedAt, unreadable dates last', () => {
		const list = [
			message('3', 'garbage'),
			message('2', '2026-11-24 10:00:05'),
			message('1', '2026-11-24 09:00:00'),
		];
		expect(oldestFirst(list).map((m) => m.id)).toEqual(['1', '2', '3']);
	});
});

describe('messageFilter', () => {
	const mail = message('m', '2026-11-24 10:00:00', {
		from: 'GitHub',
		from_email: 'noreply@github.com',
		subject: 'Your code',
		content: 'Code: 123456',
	});
	const accept = (filters: Parameters<typeof messageFilter>[0]) => {
		const filter = messageFilter(filters);
		if ('problem' in filter) throw new Error(filter.problem);
		return filter.accept(mail);
	};

	it('matches case-insensitively on sender name or address, subject, body and pattern', () => {
		expect(accept({ fromContains: 'github' })).toBe(true);
		expect(accept({ fromContains: 'NOREPLY@' })).toBe(true);
		expect(accept({ subjectContains: 'code', bodyContains: '123456' })).toBe(true);
		expect(accept({ pattern: '\\d{6}' })).toBe(true);
		expect(accept({ pattern: 'invoice' })).toBe(false);
		expect(accept({ fromContains: 'gitlab' })).toBe(false);
	});

	it('reports an invalid pattern instead of throwing', () => {
		expect(messageFilter({ pattern: '[' })).toEqual({
			problem: expect.stringMatching(/not a valid regular expression/),
		});
		// The compiler that runs Code and Link Patterns: flags it cannot combine are refused.
		expect(messageFilter({ pattern: '/(\\d+)/uv' })).toEqual({
			problem: expect.stringMatching(/^Filters → Regular Expression: .* is not a valid/),
		});
	});
});

describe('quotaWarning', () => {
	const now = Date.parse('2026-11-01T00:00:00Z');
	const resetAt = '2026-12-01T00:00:00+00:00';

	it('50,000 calls a month last for one mailbox polled every minute, not every 30 s', () => {
		const quota = { limit: 50000, used: 0, remaining: 50000, resetAt };
		expect(quotaWarning(quota, now, 60_000, 1)).toBeNull();
		expect(quotaWarning(quota, now, 30_000, 1)).toMatch(/needs about 86400/);
	});

	it('stays quiet without headers', () => {
		expect(
			quotaWarning({ limit: null, used: null, remaining: null, resetAt: null }, now, 1000, 1),
		).toBeNull();
	});
});

describe('readState', () => {
	it('drops malformed entries instead of crashing', () => {
		expect(
			readState({
				mailboxes: {
					'a@x.io': { ids: ['1'], polledAt: 5 },
					'b@x.io': { ids: 'bad' },
					'c@x.io': null,
				},
			}),
		).toEqual({
			mailboxes: { 'a@x.io': { ids: ['1'], polledAt: 5 } },
			quotaWarnedAt: undefined,
		});
		expect(readState({ mailboxes: 'nonsense' })).toEqual({
			mailboxes: {},
			quotaWarnedAt: undefined,
		});
	});
});
