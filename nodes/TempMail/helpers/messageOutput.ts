import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { compileUserPattern, extractFromMessage } from '../extract';
import { DEFAULT_ATTACHMENT_PREFIX } from '../shared/descriptions';
import type { MessageOptions } from '../shared/descriptions';
import type { ApiMessage } from '../transport/types';
import { messageAttachmentsAsBinary } from './attachments';
import type { AttachmentFailure, BinaryCall } from './attachments';

/**
 * What a message becomes on the node's output, the same for Message → Get, Get Many,
 * Wait For and the trigger: its fields (compact with Simplify, else the API's own), what
 * Extract reads from it, and its attachments as binary data when asked.
 */

export interface MessageOutputOptions {
	simplify: boolean;
	downloadAttachments?: boolean;
	attachmentPrefix?: string;
	/** Present when Extract is on; the patterns are already checked. */
	extract?: { codePattern?: string; linkPattern?: string };
}

/** The compact message shape (Simplify on). */
function simplifyMessage(message: ApiMessage): IDataObject {
	return {
		id: message.id,
		from: message.from_email,
		fromName: message.from,
		to: message.to,
		subject: message.subject,
		receivedAt: message.receivedAt,
		seen: message.is_seen,
		isHtml: message.html,
		content: message.content,
		attachments: message.attachments.map(({ name, size }) => ({ name, size })),
	};
}

function messageFields(message: ApiMessage, simplify: boolean): IDataObject {
	if (simplify) return simplifyMessage(message);
	return { ...message, attachments: message.attachments.map((a) => ({ ...a })) };
}

/** Turns the shared Options collection into output options, refusing unusable patterns before any request. */
export function messageOutputOptions(
	node: INode,
	simplify: boolean,
	options: MessageOptions,
	itemIndex?: number,
): MessageOutputOptions {
	const output: MessageOutputOptions = {
		simplify,
		downloadAttachments: options.downloadAttachments === true,
		attachmentPrefix: options.attachmentPrefix,
	};
	if (options.extract !== true) return output;
	const patterns: { codePattern?: string; linkPattern?: string } = {};
	for (const [key, label] of [
		['codePattern', 'Code Pattern'],
		['linkPattern', 'Link Pattern'],
	] as const) {
		const source = options[key]?.trim();
		if (!source) continue;
		try {
			// The compiler that runs the pattern later, so what passes here also runs there.
			compileUserPattern(source, label);
		} catch (error) {
			throw new NodeOperationError(node, (error as Error).message, {
				itemIndex,
				description: `Fix or clear the ${label} option.`,
			});
		}
		patterns[key] = source;
	}
	output.extract = patterns;
	return output;
}

/** The Simplify and Options parameters of a message operation, read before any request. */
export function readMessageOutput(ctx: IExecuteFunctions, itemIndex: number): MessageOutputOptions {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as MessageOptions;
	return messageOutputOptions(ctx.getNode(), simplify, options, itemIndex);
}

/**
 * One output item per message, with the attachments that could not be downloaded: each
 * is left out of `binary` and named in `json.attachmentErrors` (`fileName` as the API
 * listed it, `reason`); the trigger decides from `failures` whether to hold it back.
 */
export async function buildMessageItemReport(
	call: BinaryCall,
	message: ApiMessage,
	options: MessageOutputOptions,
): Promise<{ item: INodeExecutionData; failures: AttachmentFailure[] }> {
	const item: INodeExecutionData = { json: messageFields(message, options.simplify) };
	if (options.extract) Object.assign(item.json, extractFromMessage(message, options.extract));
	if (!options.downloadAttachments || message.attachments.length === 0)
		return { item, failures: [] };
	const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
	const { binary, failures } = await messageAttachmentsAsBinary(call, message, prefix);
	if (Object.keys(binary).length > 0) item.binary = binary;
	if (failures.length > 0)
		item.json.attachmentErrors = failures.map(({ fileName, reason }) => ({ fileName, reason }));
	return { item, failures };
}

/** One output item per message: a failed attachment is reported in it, never thrown. */
export async function buildMessageItem(
	call: BinaryCall,
	message: ApiMessage,
	options: MessageOutputOptions,
): Promise<INodeExecutionData> {
	return (await buildMessageItemReport(call, message, options)).item;
}
