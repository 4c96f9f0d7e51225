import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { buildMessageItem } from '../../helpers/messageItem';
import type { ApiMessage } from '../../transport/types';
import type { MessageOptions } from '../common.descriptions';

/** Reads the shared Simplify/Options parameters of a message operation and builds the item. */
export async function messageItem(this: IExecuteFunctions, message: ApiMessage, itemIndex: number): Promise<INodeExecutionData> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as MessageOptions;
	return await buildMessageItem(this, message, { simplify, ...options }, itemIndex);
}
