import type { IBinaryData, IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { downloadAttachment } from '../transport/endpoints';
import type { ApiAttachment, ApiMessage } from '../transport/types';
import type { DownloadedAttachment } from './attachmentItems';

export const DEFAULT_ATTACHMENT_PREFIX = 'attachment_';

function headerText(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	return typeof value === 'string' ? value : undefined;
}

/** The MIME type from Content-Type (parameters dropped); n8n would otherwise sniff the stream. */
export function mimeTypeOf(headers: IDataObject): string {
	const type = headerText(headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	return type && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) ? type : 'application/octet-stream';
}

/** Streams one attachment into n8n's binary data store (filesystem/S3/database as configured). */
export async function downloadAsBinary(
	ctx: IExecuteFunctions | IPollFunctions,
	messageId: string,
	fileName: string,
	itemIndex?: number,
): Promise<IBinaryData> {
	const { stream, headers } = await downloadAttachment(ctx, messageId, fileName, itemIndex);
	return await ctx.helpers.prepareBinaryData(stream, fileName, mimeTypeOf(headers));
}

/**
 * Downloads the wanted attachments of a message one after another, in the API's order,
 * each into n8n's binary data store.
 */
export async function downloadAttachments(
	ctx: IExecuteFunctions | IPollFunctions,
	message: ApiMessage,
	wanted: Array<{ index: number; attachment: ApiAttachment }>,
	itemIndex?: number,
): Promise<DownloadedAttachment[]> {
	const downloaded: DownloadedAttachment[] = [];
	for (const { index, attachment } of wanted) {
		const binary = await downloadAsBinary(ctx, message.id, attachment.name, itemIndex);
		downloaded.push({ index, attachment, binary });
	}
	return downloaded;
}
