import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageId } from '../../helpers/validate';
import { getMessage } from '../../transport/endpoints';
import * as shared from '../common.descriptions';
import { buildMessageItems } from '../../helpers/messageItem';
import { readMessageOutput } from './output';

const properties: INodeProperties[] = [shared.messageId, shared.simplify, shared.messageOptions];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['get'] } },
	properties,
);

/** Reading a message marks it seen on the API side. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = messageId(this.getNode(), this.getNodeParameter('messageId', itemIndex), itemIndex);
	const output = readMessageOutput.call(this, itemIndex);
	const message = await getMessage(this, id, itemIndex);
	return await buildMessageItems(this, message, output, itemIndex);
}
