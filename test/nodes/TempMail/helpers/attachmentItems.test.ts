import type { IBinaryData } from 'n8n-workflow';

import {
	ATTACHMENT_ITEM_BINARY,
	binaryPerMessage,
	itemsPerAttachment,
	maxSizeBytesOf,
	parseExtensionList,
	selectAttachments,
} from '../../../../nodes/TempMail/helpers/attachmentItems';
import type { ApiAttachment, ApiMessage } from '../../../../nodes/TempMail/transport/types';

function attachment(name: string, size: number, extension = ''): ApiAttachment {
	return { name, size, extension, url: `https://api.test/a/${encodeURIComponent(name)}` };
}

function binaryFor(fileName: string, mimeType: string): IBinaryData {
	return { data: 'filesystem-v2', fileName, mimeType, id: `store:${fileName}` };
}

const message: ApiMessage = {
	id: 'msg-1',
	is_seen: false,
	subject: 'Your invoice',
	from: 'Billing',
	from_email: 'billing@shop.test',
	to: 'box@tempmail.test',
	receivedAt: '2026-12-01 10:00:00',
	html: true,
	content: '<p>Invoice attached</p>',
	attachments: [
		attachment('invoice.PDF', 2_000_000, 'pdf'),
		attachment('logo.png', 4_000, 'png'),
		attachment('scan.tiff', 30 * 1024 * 1024, 'tiff'),
		attachment('notes', 10, ''),
	],
};

describe('parseExtensionList', () => {
	it('reads commas, semicolons, spaces, dots and case the way people type them', () => {
		expect(parseExtensionList(' pdf, .PNG ;jpg  tar.gz')).toEqual(['pdf', 'png', 'jpg', 'tar.gz']);
		expect(parseExtensionList('   ')).toEqual([]);
	});

	it('refuses what is not an extension, naming it', () => {
		expect(parseExtensionList('pdf, */*')).toEqual({
			problem: '"*/*" is not a file extension (write them like: pdf, png)',
		});
	});
});

describe('maxSizeBytesOf', () => {
	it('treats empty and 0 as no limit and converts megabytes to bytes', () => {
		expect(maxSizeBytesOf(undefined)).toBeUndefined();
		expect(maxSizeBytesOf(0)).toBeUndefined();
		expect(maxSizeBytesOf(1.5)).toBe(1_572_864);
	});

	it('refuses a negative or non-numeric limit with what to type', () => {
		expect(maxSizeBytesOf(-1)).toEqual({
			problem: 'must be a number of megabytes, 0 for no limit; got -1',
		});
		expect(maxSizeBytesOf('ten')).toHaveProperty('problem');
	});
});

describe('selectAttachments', () => {
	it('wants every attachment without a selection, keeping the API positions', () => {
		const { wanted, tooLarge } = selectAttachments(message.attachments, {});
		expect(wanted.map((w) => w.index)).toEqual([0, 1, 2, 3]);
		expect(tooLarge).toEqual([]);
	});

	it('filters by extension (the API field, else the name) without calling it an error', () => {
		const { wanted, tooLarge } = selectAttachments(message.attachments, {
			extensions: ['pdf', 'tiff'],
		});
		expect(wanted.map((w) => w.attachment.name)).toEqual(['invoice.PDF', 'scan.tiff']);
		expect(tooLarge).toEqual([]);
		const byName = selectAttachments([attachment('report.Docx', 1, '')], { extensions: ['docx'] });
		expect(byName.wanted).toHaveLength(1);
	});

	it('lists attachments over the size limit with a readable reason instead of downloading them', () => {
		const { wanted, tooLarge } = selectAttachments(message.attachments, {
			maxSizeBytes: 10 * 1024 * 1024,
		});
		expect(wanted.map((w) => w.index)).toEqual([0, 1, 3]);
		expect(tooLarge).toEqual([
			{
				fileName: 'scan.tiff',
				reason: '30 MB, larger than Max Attachment Size (10 MB): not downloaded',
			},
		]);
	});

	it('downloads an attachment whose size the API does not state', () => {
		const unsized = { ...attachment('mystery.bin', 0), size: undefined as unknown as number };
		expect(selectAttachments([unsized], { maxSizeBytes: 1 }).wanted).toHaveLength(1);
	});
});

describe('output shapes', () => {
	const downloaded = [
		{
			index: 0,
			attachment: message.attachments[0],
			binary: binaryFor('invoice.PDF', 'application/pdf'),
		},
		{ index: 3, attachment: message.attachments[3], binary: binaryFor('notes', 'text/plain') },
	];

	it('names per-message binaries by API position, leaving gaps for skipped attachments', () => {
		expect(Object.keys(binaryPerMessage(downloaded, 'attachment_'))).toEqual([
			'attachment_0',
			'attachment_3',
		]);
	});

	it('makes one item per attachment with the message identity and the file under "data"', () => {
		const errors = [{ fileName: 'scan.tiff', reason: 'too large' }];
		const items = itemsPerAttachment(message, downloaded, errors);
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({
			messageId: 'msg-1',
			email: 'box@tempmail.test',
			from: 'billing@shop.test',
			subject: 'Your invoice',
			receivedAt: '2026-12-01 10:00:00',
			attachmentIndex: 0,
			fileName: 'invoice.PDF',
			fileExtension: 'pdf',
			mimeType: 'application/pdf',
			fileSize: 2_000_000,
			attachmentErrors: errors,
		});
		expect(items[0].binary).toEqual({ [ATTACHMENT_ITEM_BINARY]: downloaded[0].binary });
		expect(items[1].json.fileExtension).toBeNull();
		expect(items[1].json.attachmentErrors).not.toBe(items[0].json.attachmentErrors);
	});

	it('keeps the API file name in JSON even when it holds a "/"', () => {
		const slashed = attachment('reports/2026/q4.pdf', 5, 'pdf');
		const [item] = itemsPerAttachment(
			{ ...message, attachments: [slashed] },
			[{ index: 0, attachment: slashed, binary: binaryFor('q4.pdf', 'application/pdf') }],
			[],
		);
		expect(item.json.fileName).toBe('reports/2026/q4.pdf');
		expect(item.json).not.toHaveProperty('attachmentErrors');
	});
});
