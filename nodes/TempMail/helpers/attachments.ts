import type { IBinaryData, IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { downloadAttachment } from '../transport/endpoints';
import type { ApiAttachment, ApiCall, ApiMessage } from '../transport/types';
import type { DownloadedAttachment } from './attachmentItems';

/** A call from a context that can store binary data (the action node or the trigger). */
export type BinaryCall = ApiCall & { ctx: IExecuteFunctions | IPollFunctions };

function headerText(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	return typeof value === 'string' ? value : undefined;
}

/** The MIME type from Content-Type (parameters dropped); n8n would otherwise sniff the stream. */
function mimeTypeOf(headers: IDataObject): string {
	const type = headerText(headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	return type && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) ? type : 'application/octet-stream';
}

/** Streams one attachment into n8n's binary data store (filesystem/S3/database as configured). */
export async function downloadAsBinary(
	call: BinaryCall,
	messageId: string,
	fileName: string,
): Promise<IBinaryData> {
	const { data: stream, headers } = await downloadAttachment(call, messageId, fileName);
	try {
		return await call.ctx.helpers.prepareBinaryData(stream, fileName, mimeTypeOf(headers));
	} finally {
		// Closed whatever happened: the request's slot (transport/slots.ts) is freed on close.
		stream.destroy();
	}
}

/**
 * Downloads the wanted attachments of a message one after another, in the API's order,
 * each into n8n's binary data store.
 */
export async function downloadAttachments(
	call: BinaryCall,
	message: ApiMessage,
	wanted: Array<{ index: number; attachment: ApiAttachment }>,
): Promise<DownloadedAttachment[]> {
	const downloaded: DownloadedAttachment[] = [];
	for (const { index, attachment } of wanted) {
		const binary = await downloadAsBinary(call, message.id, attachment.name);
		downloaded.push({ index, attachment, binary });
	}
	return downloaded;
}
