import {
	toDomains,
	toMailbox,
	toMessageList,
	toSingleMessage,
	UnexpectedShapeError,
} from '../../../../nodes/TempMail/transport/shapes';

const message = {
	is_seen: false,
	subject: 'Welcome',
	from: 'Example Sender',
	from_email: 'hello@example.org',
	to: 'box@example.com',
	receivedAt: '2026-06-28 09:37:48',
	id: 'ap94',
	html: true,
	content: '<p>Hi</p>',
	attachments: [
		{
			name: 'file.txt',
			extension: 'txt',
			size: 91,
			url: 'https://x/api/messages/ap94/attachments/file.txt',
		},
	],
};

describe('response shapes', () => {
	it('accepts the documented examples', () => {
		expect(
			toMessageList({ status: true, mailbox: 'box@example.com', messages: [message] }).messages[0],
		).toEqual(message);
		expect(toSingleMessage({ status: true, data: message }).id).toBe('ap94');
		expect(
			toMailbox({
				status: true,
				data: {
					id: 2301,
					email: 'r@example.com',
					domain: 'example.com',
					expire_at: 'e',
					expires_in_seconds: 600,
					created_at: 'c',
					email_token: 't',
				},
			}),
		).toMatchObject({ id: 2301, email: 'r@example.com', expires_in_seconds: 600 });
		expect(
			toDomains({
				status: true,
				data: {
					requested_type: 'free',
					allowed_types: ['free'],
					domains: [{ domain: 'example.com', type: 'Free', custom: false }],
				},
			}).domains,
		).toHaveLength(1);
	});

	it.each([
		['messages missing', () => toMessageList({ status: true }), /"messages" list/],
		[
			'messages a string',
			() => toMessageList({ status: true, messages: 'none' }),
			/"messages" list/,
		],
		[
			'message without id',
			() => toMessageList({ status: true, messages: [{ ...message, id: null }] }),
			/"id"/,
		],
		['message is null', () => toMessageList({ status: true, messages: [null] }), /message object/],
		[
			'attachments an object',
			() => toSingleMessage({ status: true, data: { ...message, attachments: {} } }),
			/attachments/,
		],
		['data missing', () => toMailbox({ status: true }), /"data" object/],
		[
			'mailbox address without @',
			() => toMailbox({ status: true, data: { id: 1, email: 'nope' } }),
			/mailbox address/,
		],
		[
			'domains not a list',
			() => toDomains({ status: true, data: { domains: 3 } }),
			/"domains" list/,
		],
	])('reports %s as UnexpectedShapeError, not a TypeError', (_name, parse, expected) => {
		let thrown: unknown;
		try {
			parse();
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(UnexpectedShapeError);
		expect((thrown as Error).message).toMatch(expected);
	});

	it('tolerates missing optional fields with neutral defaults', () => {
		const parsed = toSingleMessage({ status: true, data: { id: 'm1' } });
		expect(parsed).toEqual({
			id: 'm1',
			is_seen: false,
			subject: '',
			from: '',
			from_email: '',
			to: '',
			receivedAt: '',
			html: false,
			content: '',
			attachments: [],
		});
	});
});
