import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mailboxOutput } from '../../helpers/simplify';
import { createMailbox } from '../../transport/endpoints';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['mailbox'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return [{ json: mailboxOutput(await createMailbox(this, itemIndex)) }];
}
