import { readBinaryBuffer } from '../../../harness';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';
import { itemsOf, pollTrigger } from '../../../support/trigger';

/** Attachment Output, Attachment Extensions and Max Attachment Size on every message path. */
describe('Attachment output (engine, simulator)', () => {
	const fixture = useSimulator();

	async function mailboxWithFiles() {
		const mailbox = await fixture.control.createMailbox();
		const first = await fixture.control.deliver(mailbox.email, {
			subject: 'Invoice',
			fromEmail: 'billing@shop.test',
			attachments: [
				{ name: 'invoice.pdf', contentType: 'application/pdf', text: 'PDF bytes' },
				{ name: 'logo.png', contentType: 'image/png', text: 'PNG bytes' },
			],
			receivedAt: Date.parse('2026-12-01T10:00:00Z'),
		});
		const second = await fixture.control.deliver(mailbox.email, {
			subject: 'No files',
			receivedAt: Date.parse('2026-12-01T10:00:05Z'),
		});
		const third = await fixture.control.deliver(mailbox.email, {
			subject: 'Scan',
			attachments: [{ name: 'scan.tiff', contentType: 'image/tiff', size: 3 * 1024 * 1024 }],
			receivedAt: Date.parse('2026-12-01T10:00:10Z'),
		});
		return { mailbox, first, second, third };
	}

	it('Get Many with One Item per Attachment outputs each file under "data", paired with its input item', async () => {
		const { mailbox, first, third } = await mailboxWithFiles();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			options: { downloadAttachments: true, attachmentOutput: 'perAttachment' },
		});
		expect(run.items.map((i) => [i.json.messageId, i.json.fileName])).toEqual([
			[third.id, 'scan.tiff'],
			[first.id, 'invoice.pdf'],
			[first.id, 'logo.png'],
		]);
		const invoice = run.items[1];
		expect(invoice.json).toMatchObject({
			email: mailbox.email,
			from: 'billing@shop.test',
			subject: 'Invoice',
			attachmentIndex: 0,
			fileExtension: 'pdf',
			mimeType: 'application/pdf',
			fileSize: 9,
		});
		expect(Object.keys(invoice.binary ?? {})).toEqual(['data']);
		expect((await readBinaryBuffer(invoice.binary!.data)).toString()).toBe('PDF bytes');
		expect(run.items.every((i) => JSON.stringify(i.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('downloads only the wanted extensions and lists too-large files in attachmentErrors without fetching them', async () => {
		const { mailbox } = await mailboxWithFiles();
		await fixture.control.clearRequests();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			options: {
				downloadAttachments: true,
				attachmentExtensions: 'pdf, tiff',
				maxAttachmentSizeMb: 1,
			},
		});
		const [scan, plain, invoice] = run.items;
		expect(scan.binary).toBeUndefined();
		expect(scan.json.attachmentErrors).toEqual([
			{
				fileName: 'scan.tiff',
				reason: '3 MB, larger than Max Attachment Size (1 MB): not downloaded',
			},
		]);
		expect(plain.binary).toBeUndefined();
		expect(plain.json).not.toHaveProperty('attachmentErrors');
		expect(Object.keys(invoice.binary ?? {})).toEqual(['attachment_0']);
		const downloads = (await fixture.control.requests()).filter(
			(r) => r.segments?.[3] === 'attachments',
		);
		expect(downloads.map((r) => r.segments?.[4])).toEqual(['invoice.pdf']);
	});

	it('refuses a malformed extension list before any request, saying what to type', async () => {
		const { mailbox } = await mailboxWithFiles();
		await fixture.control.clearRequests();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			options: { downloadAttachments: true, attachmentExtensions: 'pdf, *' },
		});
		expect(expectError(run).message).toBe(
			'Attachment Extensions: "*" is not a file extension (write them like: pdf, png)',
		);
		expect(await fixture.control.requests()).toEqual([]);
	});

	it('Get with One Item per Attachment on a message without attachments outputs nothing', async () => {
		const { second } = await mailboxWithFiles();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'get',
			messageId: second.id,
			options: { downloadAttachments: true, attachmentOutput: 'perAttachment' },
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([]);
	});

	it('the trigger emits one item per attachment, and each message only once', async () => {
		const { mailbox, first } = await mailboxWithFiles();
		const session = { staticData: {} };
		const parameters = {
			mailboxes: mailbox.email,
			options: { downloadAttachments: true, attachmentOutput: 'perAttachment', emitExisting: true },
		};
		const items = itemsOf(await pollTrigger(fixture, session, parameters));
		expect(items.map((i) => i.json.fileName)).toEqual(['invoice.pdf', 'logo.png', 'scan.tiff']);
		expect(items[0].json.messageId).toBe(first.id);
		expect((await readBinaryBuffer(items[1].binary!.data)).toString()).toBe('PNG bytes');
		const again = await pollTrigger(fixture, session, parameters);
		expect(again.ok && again.items).toEqual([]);
	});
});
