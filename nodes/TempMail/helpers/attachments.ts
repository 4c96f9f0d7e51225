import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { downloadAttachment } from '../transport/endpoints';
import { errorForBrokenDownload } from '../transport/errors';
import { failureOf } from '../transport/failure';
import { isUnsendableSegment } from '../transport/path';
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
	} catch (error) {
		// The body broke off after the answer began: say so in the user's words.
		throw errorForBrokenDownload(call.ctx.getNode(), fileName, error, call.itemIndex);
	} finally {
		// Closed whatever happened: the request's slot (transport/slots.ts) is freed on close.
		// (A short body already read to look for an error comes back as bytes: nothing to close.)
		if ('destroy' in stream) stream.destroy();
	}
}

/** One attachment of a message that could not be put into the item, and why. */
export interface AttachmentFailure {
	/** The name exactly as the API listed it. */
	fileName: string;
	reason: string;
	/** Asking again later may work (server or connection trouble, rate limit). */
	transient: boolean;
}

/**
 * A failure that is about the whole account, not this attachment (a rejected key), or a
 * cancelled execution: it stops the item, as any other request's would.
 */
function stopsTheItem(call: BinaryCall, error: unknown): boolean {
	return call.signal?.aborted === true || failureOf(error).statusCode === 401;
}

/**
 * Downloads the wanted attachments of a message one after another, in the API's order,
 * each into n8n's binary data store. One bad attachment never costs the others or the
 * message: its failure is returned (after the request's own retries) instead of thrown.
 */
export async function downloadAttachments(
	call: BinaryCall,
	message: ApiMessage,
	wanted: Array<{ index: number; attachment: ApiAttachment }>,
): Promise<{ downloaded: DownloadedAttachment[]; failures: AttachmentFailure[] }> {
	const downloaded: DownloadedAttachment[] = [];
	const failures: AttachmentFailure[] = [];
	for (const { index, attachment } of wanted) {
		const fileName = attachment.name;
		if (isUnsendableSegment(fileName)) {
			failures.push({
				fileName,
				reason: `A file named "${fileName}" cannot be downloaded: no API address can name it`,
				transient: false,
			});
			continue;
		}
		try {
			const binary = await downloadAsBinary(call, message.id, fileName);
			downloaded.push({ index, attachment, binary });
		} catch (error) {
			if (stopsTheItem(call, error)) {
				const stop =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(call.ctx.getNode(), error as Error, {
								itemIndex: call.itemIndex,
							});
				throw stop;
			}
			const reason = error instanceof Error ? error.message : String(error);
			failures.push({ fileName, reason, transient: failureOf(error).kind !== 'permanent' });
		}
	}
	return { downloaded, failures };
}
