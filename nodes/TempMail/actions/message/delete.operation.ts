import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageId } from '../../helpers/validate';
import { deleteMessage } from '../../transport/endpoints';
import type { ApiCall } from '../../transport/types';
import * as shared from '../../shared/descriptions';

const properties: INodeProperties[] = [shared.messageId];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: ApiCall,
): Promise<INodeExecutionData[]> {
	const id = messageId(this.getNode(), this.getNodeParameter('messageId', itemIndex), itemIndex);
	await deleteMessage(call, id);
	return [{ json: { id, deleted: true } }];
}
