import { readBinaryBuffer } from '../../../harness';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

// A documented failure shape is an error on every route, the binary one included:
// a 200 `{"status": false, …}` on the attachment route must never be stored as the file.
describe('status:false on the attachment route', () => {
	const fixture = useSimulator();

	async function messageWith(attachments: Array<Record<string, unknown>>) {
		const box = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(box.email, { attachments } as never);
		return { box, message };
	}

	it('Attachment → Download fails with the API reason', async () => {
		const { message } = await messageWith([{ name: 'invoice.pdf', text: '%PDF' }]);
		await fixture.control.injectFaults({
			kind: 'status-false',
			message: 'Attachment is being scanned.',
			pathPrefix: `/api/messages/${message.id}/attachments/`,
		});
		const error = expectError(
			await runTempMail(fixture, {
				resource: 'attachment',
				operation: 'download',
				messageId: message.id,
				fileName: 'invoice.pdf',
				binaryPropertyName: 'data',
			}),
		);
		expect(error.message).toBe(
			'The Temp Mail API reported a failure: Attachment is being scanned.',
		);
	});

	it('Get Many names the file in attachmentErrors and stores nothing for it', async () => {
		const { box, message } = await messageWith([
			{ name: 'a.txt', text: 'A' },
			{ name: 'b.txt', text: 'B' },
		]);
		await fixture.control.injectFaults({
			kind: 'status-false',
			message: 'Not available.',
			pathPrefix: `/api/messages/${message.id}/attachments/a.txt`,
		});
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: box.email,
			returnAll: true,
			options: { downloadAttachments: true },
		});
		const [item] = run.items;
		expect(Object.keys(item.binary!)).toEqual(['attachment_1']);
		expect(item.json.attachmentErrors).toEqual([
			{ fileName: 'a.txt', reason: 'The Temp Mail API reported a failure: Not available.' },
		]);
	});

	it('real JSON files, small and large, are stored intact', async () => {
		const small = JSON.stringify({ status: true, rows: [1, 2, 3] });
		const large = JSON.stringify({ status: false, pad: 'x'.repeat(200_000) });
		const { message } = await messageWith([
			{ name: 'small.json', text: small },
			{ name: 'large.json', text: large },
		]);
		for (const [name, text] of [
			['small.json', small],
			['large.json', large],
		]) {
			const run = await runTempMail(fixture, {
				resource: 'attachment',
				operation: 'download',
				messageId: message.id,
				fileName: name,
				binaryPropertyName: 'data',
			});
			expect(run.error).toBeUndefined();
			expect((await readBinaryBuffer(run.items[0].binary!.data)).toString()).toBe(text);
		}
	});
});
