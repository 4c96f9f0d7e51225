import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageId } from '../../helpers/validate';
import { getMessage } from '../../transport/endpoints';
import * as shared from '../../shared/descriptions';
import type { BinaryCall } from '../../helpers/attachments';
import { buildMessageItem, readMessageOutput } from '../../helpers/messageOutput';

const properties: INodeProperties[] = [shared.messageId, shared.simplify, shared.messageOptions];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['get'] } },
	properties,
);

/** Reading a message marks it seen on the API side. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: BinaryCall,
): Promise<INodeExecutionData[]> {
	const id = messageId(this.getNode(), this.getNodeParameter('messageId', itemIndex), itemIndex);
	const output = readMessageOutput(this, itemIndex);
	const { data: message } = await getMessage(call, id);
	return [await buildMessageItem(call, message, output)];
}
