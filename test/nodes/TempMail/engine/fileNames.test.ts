import { readBinaryBuffer } from '../../../harness';
import { runTempMail, useSimulator } from '../../../support/tempmail';

// The JSON fileName is the name the API listed; n8n may shorten the binary's fileName.
const NAMES = ['reports/2026/q1.csv', 'a/b', 'ünï €.txt', '100%.txt', '#1?.txt', ' spaced .txt'];

describe('attachment file names', () => {
	const fixture = useSimulator();

	it.each(NAMES)('Attachment → Download keeps "%s" in the JSON', async (name) => {
		const box = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(box.email, {
			attachments: [{ name, text: `content of ${name}` }],
		});
		const run = await runTempMail(fixture, {
			resource: 'attachment',
			operation: 'download',
			messageId: message.id,
			// Expressions hand over the listed name as is.
			fileName: `={{ ${JSON.stringify(name)} }}`,
			binaryPropertyName: 'data',
		});
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json.fileName).toBe(name);
		expect((await readBinaryBuffer(item.binary!.data)).toString()).toBe(`content of ${name}`);
	});

	it('Get Many keeps the listed names in the JSON next to the downloaded files', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, {
			attachments: NAMES.map((name, i) => ({ name, text: String(i) })),
		});
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: box.email,
			returnAll: true,
			options: { downloadAttachments: true },
		});
		const [item] = run.items;
		expect((item.json.attachments as Array<{ name: string }>).map((a) => a.name)).toEqual(NAMES);
		expect(item.json.attachmentErrors).toBeUndefined();
		for (const [i] of NAMES.entries())
			expect((await readBinaryBuffer(item.binary![`attachment_${i}`])).toString()).toBe(String(i));
	});
});
