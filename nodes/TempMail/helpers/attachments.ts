import type {
	IBinaryData,
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { downloadAttachment } from '../transport/endpoints';
import type { ApiCall, ApiMessage } from '../transport/types';

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
	return await call.ctx.helpers.prepareBinaryData(stream, fileName, mimeTypeOf(headers));
}

/** Every attachment of a message as `<prefix>0`, `<prefix>1`, … in the API's order. */
export async function messageAttachmentsAsBinary(
	call: BinaryCall,
	message: ApiMessage,
	prefix: string,
): Promise<IBinaryKeyData> {
	const binary: IBinaryKeyData = {};
	for (const [index, attachment] of message.attachments.entries()) {
		binary[`${prefix}${index}`] = await downloadAsBinary(call, message.id, attachment.name);
	}
	return binary;
}
