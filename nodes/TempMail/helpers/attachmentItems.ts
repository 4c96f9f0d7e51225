import type { IBinaryData, IBinaryKeyData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ApiAttachment, ApiMessage } from '../transport/types';

/**
 * How a message's attachments leave the node: on the message's own item (`attachment_0`, …)
 * or as one item per attachment with its file under `data`, so a storage node (S3, Google
 * Drive, Read/Write Files) can follow directly without a Code node.
 */
export type AttachmentOutput = 'perMessage' | 'perAttachment';

/** The binary property of every item in "One Item per Attachment" mode: n8n's usual name. */
export const ATTACHMENT_ITEM_BINARY = 'data';

/** An attachment the node did not turn into binary data, and why (shown to the user as is). */
export interface AttachmentError {
	fileName: string;
	reason: string;
}

/** Which attachments to download; both limits are checked on the API's list, before any request. */
export interface AttachmentSelection {
	/** Larger attachments are not downloaded and are listed in `attachmentErrors`. */
	maxSizeBytes?: number;
	/** Lower-case extensions without the dot; empty or absent: every attachment. */
	extensions?: string[];
}

/** An attachment stored in n8n's binary data, with its position in the API's list. */
export interface DownloadedAttachment {
	index: number;
	attachment: ApiAttachment;
	binary: IBinaryData;
}

const MEGABYTE = 1024 * 1024;

/** "pdf, .PNG ;jpg" → ["pdf", "png", "jpg"]; a problem for anything that is not an extension. */
export function parseExtensionList(raw: string): string[] | { problem: string } {
	const extensions: string[] = [];
	for (const part of raw.split(/[,;\s]+/)) {
		const extension = part.trim().replace(/^\./, '').toLowerCase();
		if (!extension) continue;
		if (!/^[\p{L}\p{N}_+-]+(?:\.[\p{L}\p{N}_+-]+)*$/u.test(extension)) {
			return { problem: `"${part.trim()}" is not a file extension (write them like: pdf, png)` };
		}
		extensions.push(extension);
	}
	return extensions;
}

/** The attachment's extension: the API's own field when it has one, else the name's suffix. */
function extensionOf(attachment: ApiAttachment): string {
	const listed = typeof attachment.extension === 'string' ? attachment.extension.trim() : '';
	if (listed) return listed.replace(/^\./, '').toLowerCase();
	const dot = attachment.name.lastIndexOf('.');
	return dot > 0 ? attachment.name.slice(dot + 1).toLowerCase() : '';
}

function megabytes(bytes: number): string {
	const value = bytes / MEGABYTE;
	return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MB`;
}

/**
 * Splits a message's attachments into the ones to download (with their position in the
 * API's list) and the ones left out for their size. Attachments of other extensions are
 * simply not wanted, so they are not errors. A size the API does not state is not
 * guessed: the attachment is downloaded.
 */
export function selectAttachments(
	attachments: ApiAttachment[],
	selection: AttachmentSelection,
): { wanted: Array<{ index: number; attachment: ApiAttachment }>; tooLarge: AttachmentError[] } {
	const wanted: Array<{ index: number; attachment: ApiAttachment }> = [];
	const tooLarge: AttachmentError[] = [];
	const extensions = selection.extensions ?? [];
	for (const [index, attachment] of attachments.entries()) {
		if (extensions.length > 0 && !extensions.includes(extensionOf(attachment))) continue;
		const size = attachment.size;
		if (
			selection.maxSizeBytes !== undefined &&
			typeof size === 'number' &&
			size > selection.maxSizeBytes
		) {
			tooLarge.push({
				fileName: attachment.name,
				reason: `${megabytes(size)}, larger than Max Attachment Size (${megabytes(selection.maxSizeBytes)}): not downloaded`,
			});
			continue;
		}
		wanted.push({ index, attachment });
	}
	return { wanted, tooLarge };
}

/**
 * "One Item per Message": the binaries on the message's item, named by the attachment's
 * position in the API's list (`attachment_2` is always the third listed attachment, so a
 * filtered-out attachment leaves a gap rather than renaming the others).
 */
export function binaryPerMessage(
	downloaded: DownloadedAttachment[],
	prefix: string,
): IBinaryKeyData {
	const binary: IBinaryKeyData = {};
	for (const { index, binary: data } of downloaded) binary[`${prefix}${index}`] = data;
	return binary;
}

/**
 * "One Item per Attachment": an item per downloaded attachment, carrying the fields that
 * identify its message and the file under `data`. The file name is the API's, which n8n's
 * binary `fileName` may shorten (it keeps only the part after a "/").
 */
export function itemsPerAttachment(
	message: ApiMessage,
	downloaded: DownloadedAttachment[],
	attachmentErrors: AttachmentError[],
): INodeExecutionData[] {
	return downloaded.map(({ index, attachment, binary }) => {
		const json: IDataObject = {
			messageId: message.id,
			email: message.to,
			from: message.from_email,
			subject: message.subject,
			receivedAt: message.receivedAt,
			attachmentIndex: index,
			fileName: attachment.name,
			fileExtension: extensionOf(attachment) || null,
			mimeType: binary.mimeType,
			fileSize: typeof attachment.size === 'number' ? attachment.size : null,
		};
		if (attachmentErrors.length > 0)
			json.attachmentErrors = attachmentErrors.map((e) => ({ ...e }));
		return { json, binary: { [ATTACHMENT_ITEM_BINARY]: binary } };
	});
}

/** Max Attachment Size as the user types it (MB, 0 or empty: no limit) → bytes, or a problem. */
export function maxSizeBytesOf(megabytesValue: unknown): number | undefined | { problem: string } {
	if (megabytesValue === undefined || megabytesValue === null || megabytesValue === '')
		return undefined;
	if (
		typeof megabytesValue !== 'number' ||
		!Number.isFinite(megabytesValue) ||
		megabytesValue < 0
	) {
		return {
			problem: `must be a number of megabytes, 0 for no limit; got ${String(megabytesValue)}`,
		};
	}
	return megabytesValue === 0 ? undefined : Math.floor(megabytesValue * MEGABYTE);
}
