import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createMailbox } from '../../transport/endpoints';
import type { ApiCall } from '../../transport/types';
import { mailboxOutput } from './output';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['mailbox'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	call: ApiCall,
): Promise<INodeExecutionData[]> {
	return [{ json: mailboxOutput((await createMailbox(call)).data) }];
}
