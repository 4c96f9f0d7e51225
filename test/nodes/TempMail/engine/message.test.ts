import { readBinaryBuffer } from '../../../harness';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

describe('Message (engine, simulator)', () => {
	const fixture = useSimulator();

	async function mailboxWithMessages(count: number) {
		const mailbox = await fixture.control.createMailbox();
		const delivered = [];
		for (let i = 0; i < count; i++) {
			delivered.push(
				await fixture.control.deliver(mailbox.email, {
					subject: `Message ${i}`,
					from: 'Sender',
					fromEmail: 'sender@example.org',
					content: `<p>Body ${i}</p>`,
					html: true,
					receivedAt: Date.parse('2026-11-24T10:00:00Z') + i * 1000,
				}),
			);
		}
		return { mailbox, delivered };
	}

	it('Get Many returns simplified messages, newest first, without marking them seen', async () => {
		const { mailbox } = await mailboxWithMessages(3);
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			simplify: true,
		});
		expect(run.items.map((i) => i.json.subject)).toEqual(['Message 2', 'Message 1', 'Message 0']);
		expect(run.items[0].json).toEqual({
			id: expect.any(String),
			from: 'sender@example.org',
			fromName: 'Sender',
			to: mailbox.email,
			subject: 'Message 2',
			receivedAt: '2026-11-24 10:00:02',
			seen: false,
			isHtml: true,
			content: '<p>Body 2</p>',
			attachments: [],
		});
		const again = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			simplify: true,
		});
		expect(again.items.every((i) => i.json.seen === false)).toBe(true);
		const [request] = await fixture.control.requests();
		expect(request.query).toEqual({ email: mailbox.email });
	});

	it('Get Many honours Limit and can return the raw API shape', async () => {
		const { mailbox } = await mailboxWithMessages(3);
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: false,
			limit: 2,
			simplify: false,
		});
		expect(run.items).toHaveLength(2);
		expect(Object.keys(run.items[0].json).sort()).toEqual(
			[
				'attachments',
				'content',
				'from',
				'from_email',
				'html',
				'id',
				'is_seen',
				'receivedAt',
				'subject',
				'to',
			].sort(),
		);
	});

	it('Get Many downloads attachments as binary with the default and a custom prefix', async () => {
		const mailbox = await fixture.control.createMailbox();
		await fixture.control.deliver(mailbox.email, {
			subject: 'files',
			attachments: [
				{ name: 'notes.txt', contentType: 'text/plain', text: 'hello notes' },
				{ name: 'data.json', contentType: 'application/json', text: '{"a":1}' },
			],
		});
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			simplify: true,
			options: { downloadAttachments: true },
		});
		const binary = run.items[0].binary ?? {};
		expect(Object.keys(binary)).toEqual(['attachment_0', 'attachment_1']);
		expect(binary.attachment_0).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
		expect((await readBinaryBuffer(binary.attachment_0)).toString()).toBe('hello notes');
		expect((await readBinaryBuffer(binary.attachment_1)).toString()).toBe('{"a":1}');

		const custom = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			options: { downloadAttachments: true, attachmentPrefix: 'file_' },
		});
		expect(Object.keys(custom.items[0].binary ?? {})).toEqual(['file_0', 'file_1']);
	});

	it('Get Many makes no attachment request unless asked', async () => {
		const mailbox = await fixture.control.createMailbox();
		await fixture.control.deliver(mailbox.email, { attachments: [{ name: 'a.txt', text: 'a' }] });
		await fixture.control.clearRequests();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
		});
		expect(run.items[0].binary).toBeUndefined();
		expect(run.items[0].json.attachments).toEqual([{ name: 'a.txt', size: 1 }]);
		expect(await fixture.control.requests()).toHaveLength(1);
	});

	it('Get returns one message and marks it seen', async () => {
		const { delivered, mailbox } = await mailboxWithMessages(1);
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'get',
			messageId: delivered[0].id,
			simplify: true,
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			id: delivered[0].id,
			subject: 'Message 0',
			seen: true,
		});
		const list = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
		});
		expect(list.items[0].json.seen).toBe(true);
	});

	it('Delete removes one message; reading it afterwards names the missing id', async () => {
		const { delivered, mailbox } = await mailboxWithMessages(2);
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'delete',
			messageId: delivered[0].id,
		});
		expect(run.items.map((i) => i.json)).toEqual([{ id: delivered[0].id, deleted: true }]);
		const list = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
		});
		expect(list.items.map((i) => i.json.id)).toEqual([delivered[1].id]);
		const error = expectError(
			await runTempMail(fixture, {
				resource: 'message',
				operation: 'get',
				messageId: delivered[0].id,
			}),
		);
		expect(error.message).toBe(`Message ${delivered[0].id} not found`);
	});

	it('an expired mailbox says so and tells the user to create a new one', async () => {
		const mailbox = await fixture.control.createMailbox();
		await fixture.control.expire(mailbox.email);
		const error = expectError(
			await runTempMail(fixture, {
				resource: 'message',
				operation: 'getAll',
				email: mailbox.email,
				returnAll: true,
			}),
		);
		expect(error.message).toBe(`Mailbox ${mailbox.email} not found or expired`);
		expect(error.description).toMatch(/expire/);
	});
});
