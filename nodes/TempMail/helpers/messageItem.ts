import type { IExecuteFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ApiMessage } from '../transport/types';
import { DEFAULT_ATTACHMENT_PREFIX, messageAttachmentsAsBinary } from './attachments';
import { messageOutput } from './simplify';

export interface MessageOutputOptions {
	simplify: boolean;
	downloadAttachments?: boolean;
	attachmentPrefix?: string;
}

/** One output item per message, the same for the action node and the trigger. */
export async function buildMessageItem(
	ctx: IExecuteFunctions | IPollFunctions,
	message: ApiMessage,
	options: MessageOutputOptions,
	itemIndex?: number,
): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: messageOutput(message, options.simplify) };
	if (options.downloadAttachments && message.attachments.length > 0) {
		const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
		item.binary = await messageAttachmentsAsBinary(ctx, message, prefix, itemIndex);
	}
	return item;
}
