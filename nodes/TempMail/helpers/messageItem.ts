import type { IExecuteFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ApiMessage } from '../transport/types';
import { DEFAULT_ATTACHMENT_PREFIX, messageAttachmentsAsBinary } from './attachments';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import type { MessageOptions } from '../actions/common.descriptions';
import { compileUserPattern, extractFromMessage } from '../extract';
import { messageOutput } from './simplify';

export interface MessageOutputOptions {
	simplify: boolean;
	downloadAttachments?: boolean;
	attachmentPrefix?: string;
	/** Present when Extract is on; the patterns and the minimum confidence are already checked. */
	extract?: { codePattern?: string; linkPattern?: string; minimumConfidence?: number };
}

/** Turns the shared Options collection into output options, refusing unusable patterns or a minimum confidence outside 0–1 before any request. */
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

/** One output item per message, the same for the action node and the trigger. */
export async function buildMessageItem(
	ctx: IExecuteFunctions | IPollFunctions,
	message: ApiMessage,
	options: MessageOutputOptions,
	itemIndex?: number,
): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: messageOutput(message, options.simplify) };
	if (options.extract) Object.assign(item.json, extractFromMessage(message, options.extract));
	if (options.downloadAttachments && message.attachments.length > 0) {
		const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
		item.binary = await messageAttachmentsAsBinary(ctx, message, prefix, itemIndex);
	}
	return item;
}
