import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

import { binaryFilePath, isStoredBinary, readBinaryBuffer } from '../../../harness';
import { generatedAttachmentSha256 } from '../../../simulator';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

async function sha256OfFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

describe('Attachment → Download (engine, simulator, filesystem binary mode)', () => {
	const fixture = useSimulator();

	it('puts the file in the chosen binary field with name, MIME type and size', async () => {
		const mailbox = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(mailbox.email, {
			attachments: [{ name: 'report 2026 #1.csv', contentType: 'text/csv', text: 'a,b\n1,2\n' }],
		});
		const run = await runTempMail(fixture, {
			resource: 'attachment',
			operation: 'download',
			messageId: message.id,
			fileName: 'report 2026 #1.csv',
			binaryPropertyName: 'file',
		});
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json).toMatchObject({
			messageId: message.id,
			fileName: 'report 2026 #1.csv',
			mimeType: 'text/csv',
		});
		expect(item.binary?.file).toMatchObject({
			fileName: 'report 2026 #1.csv',
			mimeType: 'text/csv',
		});
		expect(isStoredBinary(item.binary!.file)).toBe(true);
		expect((await readBinaryBuffer(item.binary!.file)).toString()).toBe('a,b\n1,2\n');
	});

	it('streams a 50 MB attachment to disk intact (hash compared)', async () => {
		const size = 50 * 1024 * 1024;
		const mailbox = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(mailbox.email, {
			attachments: [
				{ name: 'big.bin', contentType: 'application/octet-stream', size, seed: 'fifty' },
			],
		});
		const run = await runTempMail(fixture, {
			resource: 'attachment',
			operation: 'download',
			messageId: message.id,
			fileName: 'big.bin',
			binaryPropertyName: 'data',
		});
		expect(run.error).toBeUndefined();
		const binary = run.items[0].binary!.data;
		expect(isStoredBinary(binary)).toBe(true);
		const path = await binaryFilePath(binary);
		expect(await sha256OfFile(path)).toBe(generatedAttachmentSha256(size, 'fifty'));
	});

	it('names the missing attachment in a 404', async () => {
		const mailbox = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(mailbox.email, {
			attachments: [{ name: 'a.txt', text: 'a' }],
		});
		const error = expectError(
			await runTempMail(fixture, {
				resource: 'attachment',
				operation: 'download',
				messageId: message.id,
				fileName: 'missing.txt',
				binaryPropertyName: 'data',
			}),
		);
		expect(error.message).toBe(`Attachment "missing.txt" of message ${message.id} not found`);
	});
});
