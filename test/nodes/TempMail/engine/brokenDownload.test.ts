import { NO_RETRIES } from '../../../support/retries';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

// A download the server breaks off mid-answer: the server was reached, so the message
// must not say it could not be reached, and no truncated file may be stored.
describe('a download broken off mid-answer', () => {
	const fixture = useSimulator();

	async function cutMessage() {
		const box = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(box.email, {
			id: 'cut-msg',
			attachments: [{ name: 'big.bin', size: 1000, seed: 1 }],
		});
		await fixture.control.injectFaults({
			kind: 'cut',
			pathPrefix: '/api/messages/cut-msg/attachments/',
			count: 10,
		});
		return { box, message };
	}

	it('Attachment → Download says the connection broke while the file was sent', async () => {
		await cutMessage();
		const error = expectError(
			await runTempMail(fixture, {
				resource: 'attachment',
				operation: 'download',
				messageId: 'cut-msg',
				fileName: 'big.bin',
				binaryPropertyName: 'data',
				...NO_RETRIES,
			}),
		);
		expect(error.message).toBe(
			'The connection broke while the Temp Mail API was sending the file "big.bin"',
		);
		expect(error.message).not.toMatch(/could not reach/i);
	});

	it('Get Many names the file in attachmentErrors and stores no truncated file', async () => {
		const { box } = await cutMessage();
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: box.email,
			returnAll: true,
			options: { downloadAttachments: true },
			...NO_RETRIES,
		});
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.binary).toBeUndefined();
		expect(item.json.attachmentErrors).toEqual([
			{
				fileName: 'big.bin',
				reason: 'The connection broke while the Temp Mail API was sending the file "big.bin"',
			},
		]);
	});
});
