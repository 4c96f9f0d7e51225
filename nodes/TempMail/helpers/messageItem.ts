import type { IExecuteFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ApiMessage } from '../transport/types';
import { DEFAULT_ATTACHMENT_PREFIX, messageAttachmentsAsBinary } from './attachments';
import type { AttachmentFailure } from './attachments';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import type { MessageOptions } from '../actions/common.descriptions';
import { compileUserPattern, extractFromMessage } from '../extract';
import { messageOutput } from './simplify';

export interface MessageOutputOptions {
	simplify: boolean;
	downloadAttachments?: boolean;
	attachmentPrefix?: string;
	/** Present when Extract is on; the patterns are already checked. */
	extract?: { codePattern?: string; linkPattern?: string };
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

/**
 * One output item per message, the same for the action node and the trigger, with the
 * attachments that could not be downloaded: each is left out of `binary` and named in
 * `json.attachmentErrors` (`fileName` as the API listed it, `reason`).
 */
export async function buildMessageItemReport(
	ctx: IExecuteFunctions | IPollFunctions,
	message: ApiMessage,
	options: MessageOutputOptions,
	itemIndex?: number,
): Promise<{ item: INodeExecutionData; failures: AttachmentFailure[] }> {
	const item: INodeExecutionData = { json: messageOutput(message, options.simplify) };
	if (options.extract) Object.assign(item.json, extractFromMessage(message, options.extract));
	if (!options.downloadAttachments || message.attachments.length === 0)
		return { item, failures: [] };
	const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
	const { binary, failures } = await messageAttachmentsAsBinary(ctx, message, prefix, itemIndex);
	if (Object.keys(binary).length > 0) item.binary = binary;
	if (failures.length > 0)
		item.json.attachmentErrors = failures.map(({ fileName, reason }) => ({ fileName, reason }));
	return { item, failures };
}

/** The item alone: a failed attachment is reported in it, never thrown. */
export async function buildMessageItem(
	ctx: IExecuteFunctions | IPollFunctions,
	message: ApiMessage,
	options: MessageOutputOptions,
	itemIndex?: number,
): Promise<INodeExecutionData> {
	return (await buildMessageItemReport(ctx, message, options, itemIndex)).item;
}
