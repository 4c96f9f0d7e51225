import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { compileUserPattern, extractFromMessage } from '../extract';
import { DEFAULT_ATTACHMENT_PREFIX } from '../shared/descriptions';
import type { MessageOptions } from '../shared/descriptions';
import type { ApiMessage } from '../transport/types';
import { messageAttachmentsAsBinary } from './attachments';
import type { BinaryCall } from './attachments';

/**
 * What a message becomes on the node's output, the same for Message → Get, Get Many,
 * Wait For and the trigger: its fields (compact with Simplify, else the API's own), what
 * Extract reads from it, and its attachments as binary data when asked.
 */

export interface MessageOutputOptions {
	simplify: boolean;
	downloadAttachments?: boolean;
	attachmentPrefix?: string;
	/** Present when Extract is on; the patterns and the minimum confidence are already checked. */
	extract?: { codePattern?: string; linkPattern?: string; minimumConfidence?: number };
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

/**
 * Turns the shared Options collection into output options, refusing unusable patterns or a
 * minimum confidence outside 0–1 before any request.
 */
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
	const patterns: NonNullable<MessageOutputOptions['extract']> = {};
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
	const minimum = options.minimumConfidence;
	if (minimum !== undefined && minimum !== null && String(minimum) !== '') {
		const value = Number(minimum);
		if (!Number.isFinite(value) || value < 0 || value > 1) {
			throw new NodeOperationError(
				node,
				`Minimum Confidence must be a number from 0 to 1 (got ${JSON.stringify(minimum)})`,
				{ itemIndex, description: 'Set Minimum Confidence between 0 and 1, or remove it.' },
			);
		}
		if (value > 0) patterns.minimumConfidence = value;
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

/** One output item per message. */
export async function buildMessageItem(
	call: BinaryCall,
	message: ApiMessage,
	options: MessageOutputOptions,
): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: messageFields(message, options.simplify) };
	if (options.extract) Object.assign(item.json, extractFromMessage(message, options.extract));
	if (options.downloadAttachments && message.attachments.length > 0) {
		const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
		item.binary = await messageAttachmentsAsBinary(call, message, prefix);
	}
	return item;
}
