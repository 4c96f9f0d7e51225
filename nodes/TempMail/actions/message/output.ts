import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_ATTACHMENT_PREFIX, messageAttachmentsAsBinary } from '../../helpers/attachments';
import { messageOutput } from '../../helpers/simplify';
import type { ApiMessage } from '../../transport/types';
import type { MessageOptions } from '../common.descriptions';

/** Builds a message item the same way for Get, Get Many (and later Wait For). */
export async function messageItem(this: IExecuteFunctions, message: ApiMessage, itemIndex: number): Promise<INodeExecutionData> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as MessageOptions;
	const item: INodeExecutionData = { json: messageOutput(message, simplify) };
	if (options.downloadAttachments && message.attachments.length > 0) {
		const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
		item.binary = await messageAttachmentsAsBinary(this, message, prefix, itemIndex);
	}
	return item;
}
