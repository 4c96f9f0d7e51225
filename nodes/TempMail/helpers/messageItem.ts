import type { IExecuteFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ApiMessage } from '../transport/types';
import { DEFAULT_ATTACHMENT_PREFIX, downloadAttachments } from './attachments';
import {
	binaryPerMessage,
	itemsPerAttachment,
	maxSizeBytesOf,
	parseExtensionList,
	selectAttachments,
} from './attachmentItems';
import type { AttachmentOutput, AttachmentSelection } from './attachmentItems';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import type { MessageOptions } from '../actions/common.descriptions';
import { extractFromMessage } from '../extract';
import { compilePattern } from './filters';
import { messageOutput } from './simplify';

export interface MessageOutputOptions {
	simplify: boolean;
	downloadAttachments?: boolean;
	attachmentOutput: AttachmentOutput;
	attachmentSelection: AttachmentSelection;
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
		attachmentOutput: options.attachmentOutput === 'perAttachment' ? 'perAttachment' : 'perMessage',
		attachmentSelection: attachmentSelectionOf(node, options, itemIndex),
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
		const compiled = compilePattern(source);
		if ('problem' in compiled) {
			throw new NodeOperationError(node, `${label}: ${compiled.problem}`, {
				itemIndex,
				description: `Fix or clear the ${label} option.`,
			});
		}
		patterns[key] = source;
	}
	output.extract = patterns;
	return output;
}

/** Attachment Extensions and Max Attachment Size, checked before any request. */
function attachmentSelectionOf(
	node: INode,
	options: MessageOptions,
	itemIndex?: number,
): AttachmentSelection {
	const refuse = (label: string, problem: string) =>
		new NodeOperationError(node, `${label}: ${problem}`, {
			itemIndex,
			description: `Fix or clear the ${label} option.`,
		});
	const extensions = parseExtensionList(options.attachmentExtensions ?? '');
	if ('problem' in extensions) throw refuse('Attachment Extensions', extensions.problem);
	const maxSizeBytes = maxSizeBytesOf(options.maxAttachmentSizeMb);
	if (typeof maxSizeBytes === 'object') throw refuse('Max Attachment Size', maxSizeBytes.problem);
	return { extensions, maxSizeBytes };
}

/**
 * The output items of one message, the same for the action node and the trigger: one
 * item, or with One Item per Attachment one per downloaded attachment (none for a message
 * without any).
 */
export async function buildMessageItems(
	ctx: IExecuteFunctions | IPollFunctions,
	message: ApiMessage,
	options: MessageOutputOptions,
	itemIndex?: number,
): Promise<INodeExecutionData[]> {
	const item: INodeExecutionData = { json: messageOutput(message, options.simplify) };
	if (options.extract) Object.assign(item.json, extractFromMessage(message, options.extract));
	if (!options.downloadAttachments) return [item];
	const { wanted, tooLarge } = selectAttachments(message.attachments, options.attachmentSelection);
	const downloaded = await downloadAttachments(ctx, message, wanted, itemIndex);
	if (options.attachmentOutput === 'perAttachment') {
		return itemsPerAttachment(message, downloaded, tooLarge);
	}
	if (tooLarge.length > 0) item.json.attachmentErrors = tooLarge;
	if (downloaded.length > 0) {
		const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
		item.binary = binaryPerMessage(downloaded, prefix);
	}
	return [item];
}
