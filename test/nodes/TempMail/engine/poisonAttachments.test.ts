import { readBinaryBuffer } from '../../../harness';
import { NO_RETRIES, useFastBackoff } from '../../../support/retries';
import { runTempMail, useSimulator } from '../../../support/tempmail';
import { itemsOf, pollTrigger } from '../../../support/trigger';
import type { TriggerSession } from '../../../support/trigger';

// One attachment that cannot be fetched must never block a mailbox or an item: the item
// comes out without that file and names it in attachmentErrors; the trigger moves on.
const T0 = Date.parse('2026-11-24T10:00:00Z');

describe('poison attachments', () => {
	const fixture = useSimulator();
	useFastBackoff();

	const attachmentPath = (messageId: string, name: string) =>
		`/api/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(name)}`;

	async function poisonedMailbox() {
		const box = await fixture.control.createMailbox();
		const poison = await fixture.control.deliver(box.email, {
			id: 'poison',
			receivedAt: T0,
			attachments: [
				{ name: '.', text: 'dot' },
				{ name: 'ok.txt', text: 'fine' },
				{ name: '..', text: 'dots' },
				{ name: '', text: 'empty' },
				{ name: 'gone.pdf', text: 'x' },
			],
		});
		const good = await fixture.control.deliver(box.email, {
			id: 'good',
			receivedAt: T0 + 1000,
			attachments: [{ name: 'report.csv', text: 'a,b' }],
		});
		// The API lists gone.pdf but answers 404 for it.
		await fixture.control.injectFaults({
			kind: 'status',
			status: 404,
			message: 'Attachment not found.',
			pathPrefix: attachmentPath(poison.id, 'gone.pdf'),
			count: 50,
		});
		return { box, poison, good };
	}

	it('Get Many outputs every message; the bad files are named in attachmentErrors', async () => {
		const { box } = await poisonedMailbox();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: box.email,
			returnAll: true,
			options: { downloadAttachments: true },
		});
		expect(run.error).toBeUndefined();
		const [good, poison] = run.items;
		expect(good.json.id).toBe('good');
		expect(good.json.attachmentErrors).toBeUndefined();
		expect((await readBinaryBuffer(good.binary!.attachment_0)).toString()).toBe('a,b');
		expect(poison.json.id).toBe('poison');
		// The good file keeps the index of its place in the API's list.
		expect(Object.keys(poison.binary!)).toEqual(['attachment_1']);
		expect((await readBinaryBuffer(poison.binary!.attachment_1)).toString()).toBe('fine');
		const errors = poison.json.attachmentErrors as Array<{ fileName: string; reason: string }>;
		expect(errors.map((e) => e.fileName)).toEqual(['.', '..', '', 'gone.pdf']);
		expect(errors[0].reason).toMatch(/cannot be downloaded/);
		expect(errors[3].reason).toBe('Attachment "gone.pdf" of message poison not found');
		for (const { reason } of errors) expect(reason).not.toMatch(/Refusing|API path/);
	});

	it('Get outputs the message with attachmentErrors instead of failing', async () => {
		const { poison } = await poisonedMailbox();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'get',
			messageId: poison.id,
			options: { downloadAttachments: true },
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect((run.items[0].json.attachmentErrors as unknown[]).length).toBe(4);
	});

	it('the trigger emits a permanently poisoned message at once and its state advances', async () => {
		const box = await fixture.control.createMailbox();
		const session: TriggerSession = { staticData: {} };
		const parameters = { mailboxes: box.email, options: { downloadAttachments: true } };
		expect(itemsOf(await pollTrigger(fixture, session, parameters))).toEqual([]);
		await fixture.control.deliver(box.email, {
			id: 'poison',
			receivedAt: T0,
			attachments: [{ name: '..', text: 'x' }],
		});
		await fixture.control.deliver(box.email, { id: 'later', receivedAt: T0 + 1000 });
		const items = itemsOf(await pollTrigger(fixture, session, parameters));
		expect(items.map((i) => i.json.id)).toEqual(['poison', 'later']);
		expect(items[0].json.attachmentErrors).toEqual([
			{ fileName: '..', reason: expect.stringMatching(/cannot be downloaded/) },
		]);
		await fixture.control.deliver(box.email, { id: 'next', receivedAt: T0 + 2000 });
		const after = itemsOf(await pollTrigger(fixture, session, parameters));
		expect(after.map((i) => i.json.id)).toEqual(['next']);
	});

	it('a transiently failing attachment holds its message back for 3 polls, never the others', async () => {
		const box = await fixture.control.createMailbox();
		const session: TriggerSession = { staticData: {} };
		const parameters = {
			mailboxes: box.email,
			options: { downloadAttachments: true },
			...NO_RETRIES,
		};
		expect(itemsOf(await pollTrigger(fixture, session, parameters))).toEqual([]);
		const flaky = await fixture.control.deliver(box.email, {
			id: 'flaky',
			receivedAt: T0,
			attachments: [{ name: 'slow.bin', text: 'late' }],
		});
		await fixture.control.injectFaults({
			kind: 'status',
			status: 503,
			pathPrefix: attachmentPath(flaky.id, 'slow.bin'),
			count: 3,
		});
		await fixture.control.deliver(box.email, { id: 'other', receivedAt: T0 + 1000 });

		const first = itemsOf(await pollTrigger(fixture, session, parameters));
		expect(first.map((i) => i.json.id)).toEqual(['other']);
		expect(itemsOf(await pollTrigger(fixture, session, parameters))).toEqual([]);
		const third = itemsOf(await pollTrigger(fixture, session, parameters));
		expect(third.map((i) => i.json.id)).toEqual(['flaky']);
		expect(third[0].binary).toBeUndefined();
		expect(third[0].json.attachmentErrors).toEqual([
			{ fileName: 'slow.bin', reason: 'The Temp Mail API had a server error (503)' },
		]);
		expect(itemsOf(await pollTrigger(fixture, session, parameters))).toEqual([]);
		expect(JSON.stringify(session.staticData)).not.toContain('attachmentRetries');
	});

	it('a transient failure that clears up delivers the file on a later poll', async () => {
		const box = await fixture.control.createMailbox();
		const session: TriggerSession = { staticData: {} };
		const parameters = {
			mailboxes: box.email,
			options: { downloadAttachments: true },
			...NO_RETRIES,
		};
		await pollTrigger(fixture, session, parameters);
		const flaky = await fixture.control.deliver(box.email, {
			attachments: [{ name: 'a.txt', text: 'arrived' }],
		});
		await fixture.control.injectFaults({
			kind: 'drop',
			pathPrefix: attachmentPath(flaky.id, 'a.txt'),
		});
		expect(itemsOf(await pollTrigger(fixture, session, parameters))).toEqual([]);
		const items = itemsOf(await pollTrigger(fixture, session, parameters));
		expect(items).toHaveLength(1);
		expect(items[0].json.attachmentErrors).toBeUndefined();
		expect((await readBinaryBuffer(items[0].binary!.attachment_0)).toString()).toBe('arrived');
	});
});
