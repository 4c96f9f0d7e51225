import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageId } from '../../helpers/validate';
import { deleteMessage } from '../../transport/endpoints';
import * as shared from '../common.descriptions';

const properties: INodeProperties[] = [shared.messageId];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = messageId(this.getNode(), this.getNodeParameter('messageId', itemIndex), itemIndex);
	await deleteMessage(this, id, itemIndex);
	return [{ json: { id, deleted: true } }];
}
